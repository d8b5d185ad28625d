package io.cleanwire.fetcher.subscription;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Validates and normalizes a feed URL given by a user or an OPML file. */
public final class FeedUrls {

  /** Longest URL stored (the column's size). */
  public static final int MAX_LENGTH = 2048;

  private FeedUrls() {}

  /**
   * The URL in the form it is stored and compared in: scheme and host lower-cased, fragment
   * dropped, everything else as given.
   *
   * @throws IllegalArgumentException with the reason when it is not an absolute http(s) URL
   */
  public static String normalize(String url) {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("url is required");
    }
    String trimmed = url.strip();
    if (trimmed.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("url is longer than " + MAX_LENGTH + " characters");
    }
    URI uri;
    try {
      uri = new URI(trimmed);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("malformed url: " + e.getMessage());
    }
    String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!"http".equals(scheme) && !"https".equals(scheme)) {
      throw new IllegalArgumentException("url must be http or https: " + trimmed);
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw new IllegalArgumentException("url has no host: " + trimmed);
    }
    // Raw (still percent-encoded) parts: decoding and re-encoding could change the URL's meaning.
    StringBuilder normalized = new StringBuilder(scheme).append("://");
    if (uri.getRawUserInfo() != null) {
      normalized.append(uri.getRawUserInfo()).append('@');
    }
    normalized.append(uri.getHost().toLowerCase(Locale.ROOT));
    if (uri.getPort() != -1) {
      normalized.append(':').append(uri.getPort());
    }
    String path = uri.getRawPath();
    normalized.append(path == null || path.isEmpty() ? "/" : path);
    if (uri.getRawQuery() != null) {
      normalized.append('?').append(uri.getRawQuery());
    }
    return normalized.toString();
  }
}
