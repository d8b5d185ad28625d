package io.cleanwire.fetcher.poll;

import io.cleanwire.events.EntryFetchedEvent;
import io.cleanwire.events.EntryKeys;
import io.cleanwire.events.FeedInfo;
import io.cleanwire.fetcher.config.FetcherConfig;
import io.cleanwire.fetcher.http.FeedHttpClient;
import io.cleanwire.fetcher.http.FetchException;
import io.cleanwire.fetcher.http.FetchResult;
import io.cleanwire.fetcher.messaging.EntryPublisher;
import io.cleanwire.fetcher.messaging.PublishException;
import io.cleanwire.fetcher.parse.FeedParseException;
import io.cleanwire.fetcher.parse.FeedParser;
import io.cleanwire.fetcher.parse.ParsedEntry;
import io.cleanwire.fetcher.parse.ParsedFeed;
import io.cleanwire.fetcher.parse.SkippedEntry;
import io.cleanwire.fetcher.persistence.Feed;
import io.cleanwire.fetcher.persistence.FeedPollState;
import io.cleanwire.fetcher.persistence.FeedPollStateRepository;
import io.cleanwire.fetcher.persistence.FeedRepository;
import io.cleanwire.fetcher.persistence.PollStatus;
import io.cleanwire.fetcher.persistence.SeenEntry;
import io.cleanwire.fetcher.persistence.SeenEntryRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;

/**
 * Polls one feed: fetch, parse, publish new or changed entries, and only after Kafka acked them
 * all, save the validators, seen entries and health in one transaction.
 */
@ApplicationScoped
public class FeedPoller {

  private static final Logger LOG = Logger.getLogger(FeedPoller.class);
  private static final int MAX_ERROR_LENGTH = 2000;
  private static final int MAX_ETAG = 1000;
  private static final int MAX_LAST_MODIFIED = 200;

  private final FetcherConfig config;
  private final FeedHttpClient http;
  private final FeedParser parser = new FeedParser();
  private final EntryPublisher publisher;
  private final FeedRepository feeds;
  private final FeedPollStateRepository states;
  private final SeenEntryRepository seenEntries;
  private final Backoff backoff;
  private final MeterRegistry registry;
  private final ReentrantLock[] feedLocks = new ReentrantLock[64];

  public FeedPoller(
      FetcherConfig config,
      FeedHttpClient http,
      EntryPublisher publisher,
      FeedRepository feeds,
      FeedPollStateRepository states,
      SeenEntryRepository seenEntries,
      MeterRegistry registry) {
    this.config = config;
    this.registry = registry;
    for (int i = 0; i < feedLocks.length; i++) {
      feedLocks[i] = new ReentrantLock();
    }
    this.http = http;
    this.publisher = publisher;
    this.feeds = feeds;
    this.states = states;
    this.seenEntries = seenEntries;
    this.backoff =
        new Backoff(config.backoffInitial(), config.backoffMax(), config.backoffJitter());
  }

  /**
   * Polls a feed now. Every failure is recorded on the feed and returned, never thrown.
   *
   * @return the outcome, or empty when no feed has this id
   */
  public Optional<PollOutcome> poll(long feedId) {
    // One poll per feed at a time in this JVM: a manual poll during a scheduled one would
    // otherwise publish twice and race on the seen-entry rows.
    ReentrantLock lock = feedLocks[(int) Math.floorMod(feedId, (long) feedLocks.length)];
    lock.lock();
    try {
      Optional<PollOutcome> outcome = pollLocked(feedId);
      outcome.ifPresent(this::count);
      return outcome;
    } finally {
      lock.unlock();
    }
  }

  private void count(PollOutcome outcome) {
    registry.counter("cleanwire.fetcher.polls", "status", outcome.status().name()).increment();
    registry.counter("cleanwire.fetcher.entries.published").increment(outcome.entriesPublished());
    registry.counter("cleanwire.fetcher.entries.skipped").increment(outcome.entriesSkipped());
  }

  private Optional<PollOutcome> pollLocked(long feedId) {
    Optional<Target> target = QuarkusTransaction.requiringNew().call(() -> load(feedId));
    if (target.isEmpty()) {
      return Optional.empty();
    }
    Target t = target.get();
    Integer httpStatus = null;
    try {
      FetchResult fetched = http.fetch(t.url(), t.etag(), t.lastModified());
      httpStatus = fetched.httpStatus();
      if (fetched.notModified()) {
        return Optional.of(recordNotModified(t, fetched));
      }
      // Links resolve against where the document really came from; keys use the subscribed URL.
      ParsedFeed parsed = parser.parse(fetched.body(), fetched.contentType(), fetched.finalUrl());
      return Optional.of(publishAndRecord(t, fetched, parsed));
    } catch (FetchException e) {
      Integer status = e.httpStatus() != null ? e.httpStatus() : httpStatus;
      return Optional.of(recordFailure(t, status, e.getMessage()));
    } catch (FeedParseException | PublishException e) {
      return Optional.of(recordFailure(t, httpStatus, e.getMessage()));
    } catch (RuntimeException e) {
      // A bug or a database hiccup: still shown on the feed, and the scheduler moves on.
      LOG.errorf(e, "unexpected poll failure feedUrl=%s", t.url());
      return Optional.of(recordFailure(t, httpStatus, "unexpected error: " + e));
    }
  }

  private Optional<Target> load(long feedId) {
    Feed feed = feeds.findById(feedId);
    if (feed == null) {
      return Optional.empty();
    }
    FeedPollState state = states.findById(feedId);
    return Optional.of(
        new Target(
            feed.id,
            feed.url,
            feed.title,
            feed.siteUrl,
            feed.pollIntervalSeconds == null
                ? config.pollInterval()
                : Duration.ofSeconds(feed.pollIntervalSeconds),
            state == null ? null : state.etag,
            state == null ? null : state.lastModified));
  }

  private PollOutcome publishAndRecord(Target t, FetchResult fetched, ParsedFeed parsed)
      throws PublishException {
    Map<String, ParsedEntry> byKey = new LinkedHashMap<>();
    Map<String, String> hashes = new LinkedHashMap<>();
    for (ParsedEntry entry : parsed.entries()) {
      String key = EntryKeys.of(t.url(), entry.guid(), entry.link());
      // A feed listing the same guid twice publishes it once; the first occurrence wins.
      if (byKey.putIfAbsent(key, entry) == null) {
        hashes.put(key, ContentHash.of(entry));
      }
    }
    Map<String, String> published =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  Map<String, String> known = new LinkedHashMap<>();
                  seenEntries
                      .findByKeys(t.id(), byKey.keySet())
                      .forEach((key, seen) -> known.put(key, seen.contentHash));
                  return known;
                });
    FeedInfo info =
        new FeedInfo(
            t.url(),
            parsed.title() != null ? parsed.title() : t.title(),
            parsed.siteUrl() != null ? parsed.siteUrl() : t.siteUrl(),
            parsed.language(),
            parsed.format(),
            parsed.declaredCharset(),
            parsed.detectedCharset());
    Instant now = Instant.now();
    List<EntryFetchedEvent> events = new ArrayList<>();
    for (Map.Entry<String, ParsedEntry> e : byKey.entrySet()) {
      if (!hashes.get(e.getKey()).equals(published.get(e.getKey()))) {
        events.add(event(e.getKey(), e.getValue(), info, now, fetched.fetchedAt()));
      }
    }
    List<String> skippedReasons = parsed.skipped().stream().map(FeedPoller::describe).toList();
    if (!skippedReasons.isEmpty()) {
      LOG.warnf(
          "skipped entries feedUrl=%s count=%d reasons=%s",
          t.url(), skippedReasons.size(), skippedReasons);
    }
    publisher.publishAll(events, config.publishTimeout());

    Instant next = Instant.now().plus(t.interval());
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              FeedPollState state = stateFor(t.id());
              if (state == null) {
                return; // the feed was deleted while it was being polled
              }
              Instant at = Instant.now();
              Map<String, SeenEntry> seen = seenEntries.findByKeys(t.id(), hashes.keySet());
              for (Map.Entry<String, String> e : hashes.entrySet()) {
                upsertSeen(seen.get(e.getKey()), t.id(), e.getKey(), e.getValue(), at);
              }
              seenEntries.flush();
              state.etag = validator(fetched.etag(), MAX_ETAG);
              state.lastModified = validator(fetched.lastModified(), MAX_LAST_MODIFIED);
              state.lastStatus = PollStatus.OK;
              state.lastHttpStatus = fetched.httpStatus();
              state.lastError = null;
              state.lastPolledAt = at;
              state.lastSuccessAt = at;
              state.nextPollAt = next;
              state.consecutiveFailures = 0;
              state.lastEntriesSkipped = parsed.skipped().size();
              state.entriesSeen = seenEntries.countForFeed(t.id());
              Feed feed = feeds.findById(t.id());
              if (feed.title == null) {
                feed.setTitleClipped(parsed.title());
              }
              if (feed.siteUrl == null) {
                feed.setSiteUrlIfFits(parsed.siteUrl());
              }
            });
    LOG.infof(
        "polled feedUrl=%s status=%d found=%d published=%d skipped=%d",
        t.url(), fetched.httpStatus(), byKey.size(), events.size(), skippedReasons.size());
    return new PollOutcome(
        t.id(),
        PollStatus.OK,
        fetched.httpStatus(),
        byKey.size(),
        events.size(),
        skippedReasons.size(),
        skippedReasons,
        null,
        next);
  }

  private void upsertSeen(SeenEntry seen, long feedId, String key, String hash, Instant at) {
    if (seen == null) {
      seen = new SeenEntry();
      seen.feedId = feedId;
      seen.entryKey = key;
      seen.firstSeenAt = at;
      seen.contentHash = hash;
      seen.lastSeenAt = at;
      seenEntries.persist(seen);
    } else {
      seen.contentHash = hash;
      seen.lastSeenAt = at;
    }
  }

  private PollOutcome recordNotModified(Target t, FetchResult fetched) {
    Instant next = Instant.now().plus(t.interval());
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              FeedPollState state = stateFor(t.id());
              if (state == null) {
                return;
              }
              // A 304 may carry fresher validators; keep the saved ones otherwise.
              if (fetched.etag() != null) {
                state.etag = validator(fetched.etag(), MAX_ETAG);
              }
              if (fetched.lastModified() != null) {
                state.lastModified = validator(fetched.lastModified(), MAX_LAST_MODIFIED);
              }
              state.lastStatus = PollStatus.NOT_MODIFIED;
              state.lastHttpStatus = 304;
              state.lastError = null;
              state.lastPolledAt = Instant.now();
              state.lastSuccessAt = state.lastPolledAt;
              state.nextPollAt = next;
              state.consecutiveFailures = 0;
            });
    LOG.debugf("not modified feedUrl=%s", t.url());
    return new PollOutcome(t.id(), PollStatus.NOT_MODIFIED, 304, 0, 0, 0, List.of(), null, next);
  }

  private PollOutcome recordFailure(Target t, Integer httpStatus, String reason) {
    String error = truncate(reason);
    Instant next =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  FeedPollState state = stateFor(t.id());
                  if (state == null) {
                    return null;
                  }
                  // Validators and seen entries stay as they were: the next poll starts over.
                  state.consecutiveFailures++;
                  state.lastStatus = PollStatus.FAILED;
                  state.lastHttpStatus = httpStatus;
                  state.lastError = error;
                  state.lastPolledAt = Instant.now();
                  state.nextPollAt =
                      state.lastPolledAt.plus(
                          backoff.delay(
                              state.consecutiveFailures, ThreadLocalRandom.current().nextDouble()));
                  return state.nextPollAt;
                });
    LOG.warnf(
        "poll failed feedUrl=%s httpStatus=%s error=%s nextPollAt=%s",
        t.url(), httpStatus, error, next);
    return new PollOutcome(t.id(), PollStatus.FAILED, httpStatus, 0, 0, 0, List.of(), error, next);
  }

  private FeedPollState stateFor(long feedId) {
    return states.findById(feedId);
  }

  private static EntryFetchedEvent event(
      String key, ParsedEntry entry, FeedInfo feed, Instant now, Instant fetchedAt) {
    return new EntryFetchedEvent(
        UUID.randomUUID().toString(),
        now,
        key,
        feed,
        entry.guid(),
        entry.link(),
        entry.title(),
        entry.summaryHtml(),
        entry.contentHtml(),
        entry.authors(),
        entry.categories(),
        entry.publishedAt(),
        entry.updatedAt(),
        entry.enclosures(),
        fetchedAt);
  }

  private static String describe(SkippedEntry skipped) {
    return "entry "
        + skipped.position()
        + (skipped.title() == null ? "" : " '" + skipped.title() + "'")
        + ": "
        + skipped.reason();
  }

  /** A validator is replayed verbatim or not at all: one too long to store is dropped. */
  private static String validator(String value, int max) {
    return value != null && value.length() <= max ? value : null;
  }

  private static String truncate(String text) {
    if (text == null) {
      return "unknown error";
    }
    return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH - 1) + "…";
  }

  /** What a poll needs from the database, read in a short transaction before any I/O. */
  private record Target(
      long id,
      String url,
      String title,
      String siteUrl,
      Duration interval,
      String etag,
      String lastModified) {}
}
