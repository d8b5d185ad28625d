package io.cleanwire.publisher.store;

import io.cleanwire.events.EntryNormalizedEvent;
import io.cleanwire.publisher.persistence.ItemEntity;
import io.cleanwire.publisher.persistence.ItemRepository;
import io.cleanwire.publisher.persistence.JsonColumns;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Stores normalized entries idempotently: one row per {@code entryKey}, written only when the
 * incoming version is newer than the stored one (see {@link Version}).
 */
@ApplicationScoped
public class ItemStore {

  static final int MAX_KEY_LENGTH = 128;
  static final int MAX_FEED_URL_LENGTH = 2048;
  static final int MAX_EVENT_ID_LENGTH = 64;
  private static final Pattern LANGUAGE_TAG = Pattern.compile("[a-z]{2,3}(-[a-z0-9]{1,8}){0,1}");
  private static final Logger LOG = Logger.getLogger(ItemStore.class);

  private final ItemRepository items;
  private final MeterRegistry meters;
  private final Clock clock;
  private final Event<ItemsChanged> changed;

  @Inject
  public ItemStore(ItemRepository items, MeterRegistry meters, Event<ItemsChanged> changed) {
    this(items, meters, changed, Clock.systemUTC());
  }

  ItemStore(ItemRepository items, MeterRegistry meters, Event<ItemsChanged> changed, Clock clock) {
    this.items = items;
    this.meters = meters;
    this.changed = changed;
    this.clock = clock;
  }

  /**
   * Inserts, replaces or skips the entry; joins the caller's transaction.
   *
   * @throws InvalidEntryException when the event lacks what an item needs (never retried)
   */
  @Transactional
  public UpsertDecision upsert(EntryNormalizedEvent event) {
    validate(event);
    ItemEntity stored = items.findById(event.entryKey());
    Version incoming = new Version(event.normalizedAt(), event.updatedAt(), event.eventId());
    UpsertDecision decision =
        UpsertDecision.decide(stored == null ? null : versionOf(stored), incoming);
    Instant now = Version.micros(clock.instant());
    switch (decision) {
      case INSERT -> {
        ItemEntity item = new ItemEntity();
        item.entryKey = event.entryKey();
        item.firstStoredAt = now;
        apply(event, item, now);
        items.persist(item);
      }
      case REPLACE -> apply(event, stored, now);
      case SKIP -> {
        // Same or older version: a redelivery after a crash or rebalance, or a late old edit.
      }
    }
    if (decision != UpsertDecision.SKIP) {
      // Delivered after the commit to AFTER_SUCCESS observers (the ETag stamp cache).
      changed.fire(new ItemsChanged(1));
    }
    meters
        .counter(
            "cleanwire.publisher.entries", "decision", decision.name().toLowerCase(Locale.ROOT))
        .increment();
    LOG.debugf("entryKey=%s storyId=%s decision=%s", event.entryKey(), event.storyId(), decision);
    return decision;
  }

  static void validate(EntryNormalizedEvent event) {
    if (event == null) {
      throw new InvalidEntryException("record has no value");
    }
    if (event.entryKey() == null || event.entryKey().isBlank()) {
      throw new InvalidEntryException("missing entryKey, eventId=" + event.eventId());
    }
    if (event.entryKey().length() > MAX_KEY_LENGTH) {
      throw new InvalidEntryException("entryKey longer than " + MAX_KEY_LENGTH + " characters");
    }
    if (tooLong(event.storyId(), MAX_KEY_LENGTH) || tooLong(event.duplicateOf(), MAX_KEY_LENGTH)) {
      throw new InvalidEntryException(
          "storyId or duplicateOf longer than "
              + MAX_KEY_LENGTH
              + " characters, entryKey="
              + event.entryKey());
    }
    if (tooLong(event.eventId(), MAX_EVENT_ID_LENGTH)) {
      throw new InvalidEntryException(
          "eventId longer than "
              + MAX_EVENT_ID_LENGTH
              + " characters, entryKey="
              + event.entryKey());
    }
    if (event.feed() == null || event.feed().url() == null || event.feed().url().isBlank()) {
      throw new InvalidEntryException("missing feed.url, entryKey=" + event.entryKey());
    }
    if (event.feed().url().length() > MAX_FEED_URL_LENGTH) {
      throw new InvalidEntryException(
          "feed.url longer than "
              + MAX_FEED_URL_LENGTH
              + " characters, entryKey="
              + event.entryKey());
    }
  }

  private static boolean tooLong(String value, int max) {
    return value != null && value.length() > max;
  }

  /**
   * The language as a lower-case tag, or {@code und} when it is missing or not a language tag: a
   * bad tag must not cost the entry itself.
   */
  static String language(EntryNormalizedEvent event) {
    String tag = event.language() == null ? "" : event.language().strip().toLowerCase(Locale.ROOT);
    if (LANGUAGE_TAG.matcher(tag).matches()) {
      return tag;
    }
    if (!tag.isEmpty()) {
      LOG.warnf("entryKey=%s language=%s not a language tag, stored as und", event.entryKey(), tag);
    }
    return EntryNormalizedEvent.UNDETERMINED;
  }

  private static Version versionOf(ItemEntity item) {
    return new Version(item.normalizedAt, item.updatedAt, item.eventId);
  }

  private static void apply(EntryNormalizedEvent event, ItemEntity item, Instant now) {
    item.storyId = event.storyId() == null ? event.entryKey() : event.storyId();
    item.duplicateOf = event.duplicateOf();
    item.matchedBy = JsonColumns.matchedByName(event.matchedBy());
    item.similarity = event.similarity();
    item.feedUrl = event.feed().url();
    item.feedTitle = event.feed().title();
    item.guid = event.guid();
    item.link = event.link();
    item.canonicalUrl = event.canonicalUrl();
    item.title = event.title();
    item.summary = event.summary();
    item.contentHtml = event.contentHtml();
    item.language = language(event);
    item.languageConfidence = event.languageConfidence();
    item.publishedAt = Version.micros(event.publishedAt());
    item.updatedAt = Version.micros(event.updatedAt());
    item.fetchedAt = Version.micros(event.fetchedAt());
    item.normalizedAt = Version.micros(event.normalizedAt());
    item.authorsJson = JsonColumns.write(event.authors());
    item.categoriesJson = JsonColumns.write(event.categories());
    item.enclosuresJson = JsonColumns.write(event.enclosures());
    item.repairsJson = JsonColumns.write(event.repairs());
    item.eventId = event.eventId();
    item.sortTime = sortTime(item, now);
    item.changedAt = now;
  }

  /**
   * The publication time, else the time of the first stored version: an entry without a date must
   * not jump back to the top each time the feed is polled again.
   */
  private static Instant sortTime(ItemEntity item, Instant now) {
    if (item.publishedAt != null) {
      return item.publishedAt;
    }
    if (item.sortTime != null) {
      return item.sortTime;
    }
    return item.fetchedAt != null ? item.fetchedAt : now;
  }
}
