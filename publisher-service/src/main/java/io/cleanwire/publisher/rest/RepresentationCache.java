package io.cleanwire.publisher.rest;

import io.cleanwire.publisher.config.PublisherConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serialized answers by ETag. An ETag names one URL at one version of the table, so a stored body
 * is exactly what the resource would render again: popular lists and feeds are rendered once per
 * change instead of once per request. Bounded by entry count and entry size; when full it is
 * emptied (entries of older versions are dead anyway once anything is written).
 */
@ApplicationScoped
public class RepresentationCache {

  /** A stored answer. */
  record Entry(byte[] body, String mediaType) {}

  private static final int MAX_BODY_BYTES = 2 * 1024 * 1024;

  private final int maxEntries;
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  public RepresentationCache(PublisherConfig config) {
    this.maxEntries = config.cache().maxEntries();
  }

  Entry get(String etag) {
    return maxEntries <= 0 ? null : entries.get(etag);
  }

  void put(String etag, byte[] body, String mediaType) {
    if (maxEntries <= 0 || body.length > MAX_BODY_BYTES) {
      return;
    }
    if (entries.size() >= maxEntries) {
      entries.clear();
    }
    entries.put(etag, new Entry(body, mediaType));
  }
}
