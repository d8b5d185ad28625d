package io.cleanwire.fetcher.poll;

import io.cleanwire.events.EntryFetchedEvent;
import io.cleanwire.events.EntryKeys;
import io.cleanwire.events.FeedInfo;
import io.cleanwire.fetcher.config.FetcherConfig;
import io.cleanwire.fetcher.http.FeedHttpClient;
import io.cleanwire.fetcher.http.FetchException;
import io.cleanwire.fetcher.http.FetchFailure;
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
import io.cleanwire.fetcher.persistence.HostLimitRepository;
import io.cleanwire.fetcher.persistence.PollStatus;
import io.cleanwire.fetcher.persistence.SeenEntry;
import io.cleanwire.fetcher.persistence.SeenEntryRepository;
import io.cleanwire.fetcher.subscription.FeedUrls;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;

/**
 * Polls one feed: fetch, parse, publish new or changed entries, and only after Kafka acked them
 * all, save the validators, seen entries and health in one transaction. Reacts to what the server
 * said: 304 publishes nothing, 301 moves the feed, 410 stops it, 429/503 blocks the host for every
 * replica until its Retry-After, other failures back off exponentially; healthy feeds get an
 * adaptive interval. Every outcome releases the feed's lease.
 */
@ApplicationScoped
public class FeedPoller {

  private static final Logger LOG = Logger.getLogger(FeedPoller.class);
  private static final int MAX_ERROR_LENGTH = 2000;
  private static final int MAX_ETAG = 1000;
  private static final int MAX_LAST_MODIFIED = 200;
  private static final Duration SEEN_REFRESH = Duration.ofHours(1);

  private final FetcherConfig config;
  private final FeedHttpClient http;
  private final FeedParser parser = new FeedParser();
  private final EntryPublisher publisher;
  private final FeedRepository feeds;
  private final FeedPollStateRepository states;
  private final SeenEntryRepository seenEntries;
  private final HostLimitRepository hostLimits;
  private final Backoff backoff;
  private final AdaptiveInterval adaptive;
  private final MeterRegistry registry;
  private final Timer fetchTimer;
  private final ReentrantLock[] feedLocks = new ReentrantLock[64];

  public FeedPoller(
      FetcherConfig config,
      FeedHttpClient http,
      EntryPublisher publisher,
      FeedRepository feeds,
      FeedPollStateRepository states,
      SeenEntryRepository seenEntries,
      HostLimitRepository hostLimits,
      MeterRegistry registry) {
    this.config = config;
    this.registry = registry;
    this.hostLimits = hostLimits;
    this.adaptive = new AdaptiveInterval(config.minPollInterval(), config.maxPollInterval());
    this.fetchTimer =
        Timer.builder("cleanwire.fetcher.fetch.duration")
            .description("Time of one fetch, redirects and body included, failures too")
            .publishPercentileHistogram()
            .register(registry);
    FunctionCounter.builder(
            "cleanwire.fetcher.host.limit.waits", http, FeedHttpClient::hostLimitWaits)
        .description("Fetches that waited because their host had its limit of fetches running")
        .register(registry);
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
    if (outcome.failureKind() != null) {
      registry.counter("cleanwire.fetcher.errors", "reason", outcome.failureKind()).increment();
    }
    if (outcome.status() == PollStatus.DEFERRED) {
      registry.counter("cleanwire.fetcher.host.deferred").increment();
    }
    registry.counter("cleanwire.fetcher.entries.published").increment(outcome.entriesPublished());
    registry.counter("cleanwire.fetcher.entries.skipped").increment(outcome.entriesSkipped());
  }

  private Optional<PollOutcome> pollLocked(long feedId) {
    Optional<Target> target = QuarkusTransaction.requiringNew().call(() -> load(feedId));
    if (target.isEmpty()) {
      return Optional.empty();
    }
    Target t = target.get();
    if (t.hostBlockedUntil() != null) {
      return Optional.of(recordDeferred(t));
    }
    Integer httpStatus = null;
    try {
      long started = System.nanoTime();
      FetchResult fetched;
      try {
        fetched = http.fetch(t.url(), t.etag(), t.lastModified());
      } finally {
        fetchTimer.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
      }
      registry.counter("cleanwire.fetcher.bytes").increment(fetched.wireBytes());
      httpStatus = fetched.httpStatus();
      if (fetched.notModified()) {
        return Optional.of(recordNotModified(t, fetched));
      }
      // Links resolve against where the document really came from; keys use the subscribed URL.
      ParsedFeed parsed = parser.parse(fetched.body(), fetched.contentType(), fetched.finalUrl());
      if (parsed.recovered()) {
        registry.counter("cleanwire.fetcher.parse.recovered").increment();
      }
      return Optional.of(publishAndRecord(t, fetched, parsed));
    } catch (FetchException e) {
      Integer status = e.httpStatus() != null ? e.httpStatus() : httpStatus;
      if (e.failure() == FetchFailure.GONE) {
        return Optional.of(recordGone(t, e.getMessage()));
      }
      if (e.failure() == FetchFailure.RATE_LIMITED) {
        return Optional.of(recordRateLimited(t, status, e));
      }
      return Optional.of(recordFailure(t, status, e.failure().name(), e.getMessage(), null));
    } catch (FeedParseException e) {
      return Optional.of(recordFailure(t, httpStatus, "PARSE", e.getMessage(), null));
    } catch (PublishException e) {
      return Optional.of(recordFailure(t, httpStatus, "PUBLISH", e.getMessage(), null));
    } catch (RuntimeException e) {
      // A bug or a database hiccup: still shown on the feed, and the scheduler moves on.
      LOG.errorf(e, "unexpected poll failure feedUrl=%s", t.url());
      return Optional.of(recordFailure(t, httpStatus, "INTERNAL", "unexpected error: " + e, null));
    }
  }

  private Optional<Target> load(long feedId) {
    Feed feed = feeds.findById(feedId);
    if (feed == null) {
      return Optional.empty();
    }
    FeedPollState state = states.findById(feedId);
    String host = host(feed.url);
    Instant now = Instant.now();
    Instant blockedUntil = host == null ? null : hostLimits.blockedUntil(host, now).orElse(null);
    Duration fixed =
        feed.pollIntervalSeconds == null ? null : Duration.ofSeconds(feed.pollIntervalSeconds);
    Duration current =
        state == null || state.currentIntervalSeconds == null
            ? config.pollInterval()
            : Duration.ofSeconds(state.currentIntervalSeconds);
    return Optional.of(
        new Target(
            feed.id,
            feed.url,
            feed.identityUrl(),
            host,
            feed.title,
            feed.siteUrl,
            fixed,
            current,
            state == null ? null : state.etag,
            state == null ? null : state.lastModified,
            blockedUntil));
  }

  /** The host name a feed URL is fetched from, lower-cased; null when it has none. */
  static String host(String url) {
    try {
      String host = java.net.URI.create(url).getHost();
      return host == null ? null : host.toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** The interval after a successful poll: the admin's fixed one, else the adaptive choice. */
  private Duration nextInterval(Target t, boolean changed, ParsedFeed parsed, Duration maxAge) {
    if (t.fixedInterval() != null) {
      return t.fixedInterval();
    }
    List<Instant> published = new ArrayList<>();
    Duration hint = maxAge;
    if (parsed != null) {
      for (ParsedEntry entry : parsed.entries()) {
        Instant at = entry.publishedAt() != null ? entry.publishedAt() : entry.updatedAt();
        if (at != null) {
          published.add(at);
        }
      }
      if (parsed.ttl() != null && (hint == null || parsed.ttl().compareTo(hint) > 0)) {
        hint = parsed.ttl();
      }
    }
    return adaptive.next(t.currentInterval(), changed, published, hint);
  }

  private PollOutcome publishAndRecord(Target t, FetchResult fetched, ParsedFeed parsed)
      throws PublishException {
    Map<String, ParsedEntry> byKey = new LinkedHashMap<>();
    Map<String, String> hashes = new LinkedHashMap<>();
    for (ParsedEntry entry : parsed.entries()) {
      String key = EntryKeys.of(t.keyUrl(), entry.guid(), entry.link());
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

    // An ETag that changes on every response while the entries do not publishes nothing and
    // counts as "unchanged" for the adaptive interval.
    Duration interval = nextInterval(t, !events.isEmpty(), parsed, fetched.maxAge());
    Instant next = Instant.now().plus(interval);
    String repairs = parsed.recovered() ? truncate(String.join("; ", parsed.repairs())) : null;
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
              state.currentIntervalSeconds = interval.toSeconds();
              state.lastRepairs = repairs;
              markHealthy(state);
              Feed feed = feeds.findById(t.id());
              moveIfPermanent(feed, fetched.permanentUrl());
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
        next,
        null,
        parsed.repairs());
  }

  private static void markHealthy(FeedPollState state) {
    state.lastFailureKind = null;
    state.failingSince = null;
    state.leaseOwner = null;
    state.leaseUntil = null;
  }

  /**
   * A feed that answered through 301/308 only moved for good: store the new URL, unless another
   * subscription already has it. Entry keys stay on the first URL so nothing is published twice.
   */
  private void moveIfPermanent(Feed feed, String permanentUrl) {
    if (permanentUrl == null) {
      return;
    }
    String target;
    try {
      target = FeedUrls.normalize(permanentUrl);
    } catch (IllegalArgumentException e) {
      return;
    }
    if (target.equals(feed.url)) {
      return;
    }
    if (feeds.findByUrl(target).isPresent()) {
      LOG.warnf(
          "feed moved permanently to an already subscribed URL, kept feedUrl=%s movedTo=%s",
          feed.url, target);
      return;
    }
    LOG.infof("feed moved permanently feedUrl=%s newUrl=%s", feed.url, target);
    feed.keyUrl = feed.identityUrl();
    feed.url = target;
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
    } else if (!hash.equals(seen.contentHash) || seen.lastSeenAt.isBefore(at.minus(SEEN_REFRESH))) {
      // An unchanged entry's row is touched at most hourly: a feed re-sent in full every few
      // minutes would otherwise rewrite all its rows on every poll.
      seen.contentHash = hash;
      seen.lastSeenAt = at;
    }
  }

  private PollOutcome recordNotModified(Target t, FetchResult fetched) {
    Duration interval = nextInterval(t, false, null, fetched.maxAge());
    Instant next = Instant.now().plus(interval);
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
              state.currentIntervalSeconds = interval.toSeconds();
              markHealthy(state);
              moveIfPermanent(feeds.findById(t.id()), fetched.permanentUrl());
            });
    LOG.debugf("not modified feedUrl=%s", t.url());
    return new PollOutcome(
        t.id(), PollStatus.NOT_MODIFIED, 304, 0, 0, 0, List.of(), null, next, null, List.of());
  }

  private PollOutcome recordDeferred(Target t) {
    // Spread the feeds of a blocked host over a minute after the block ends.
    Instant next = t.hostBlockedUntil().plusMillis(ThreadLocalRandom.current().nextLong(1, 60_000));
    String reason =
        "host " + t.host() + " asked every client to wait until " + t.hostBlockedUntil();
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              FeedPollState state = stateFor(t.id());
              if (state == null) {
                return;
              }
              state.lastStatus = PollStatus.DEFERRED;
              state.nextPollAt = next;
              state.leaseOwner = null;
              state.leaseUntil = null;
            });
    LOG.debugf("deferred feedUrl=%s until=%s", t.url(), next);
    return new PollOutcome(
        t.id(), PollStatus.DEFERRED, null, 0, 0, 0, List.of(), reason, next, null, List.of());
  }

  private PollOutcome recordGone(Target t, String message) {
    String error = truncate(message + "; polling stopped (410 Gone), PATCH active=true to resume");
    Instant now = Instant.now();
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              FeedPollState state = stateFor(t.id());
              if (state == null) {
                return;
              }
              state.active = false;
              state.lastStatus = PollStatus.GONE;
              state.lastHttpStatus = 410;
              state.lastError = error;
              state.lastFailureKind = FetchFailure.GONE.name();
              state.lastPolledAt = now;
              state.consecutiveFailures++;
              if (state.failingSince == null) {
                state.failingSince = now;
              }
              state.leaseOwner = null;
              state.leaseUntil = null;
            });
    LOG.warnf("feed gone, polling stopped feedUrl=%s", t.url());
    return new PollOutcome(
        t.id(),
        PollStatus.GONE,
        410,
        0,
        0,
        0,
        List.of(),
        error,
        null,
        FetchFailure.GONE.name(),
        List.of());
  }

  private PollOutcome recordRateLimited(Target t, Integer status, FetchException e) {
    Instant now = Instant.now();
    Instant latest = now.plus(config.maxRetryAfter());
    Instant until = e.retryAfter();
    if (until != null && until.isAfter(latest)) {
      until = latest;
    }
    if (until != null && until.isAfter(now) && t.host() != null) {
      Instant blockedUntil = until;
      // Shared through the database: every replica leaves the host alone until then.
      QuarkusTransaction.requiringNew()
          .run(() -> hostLimits.block(t.host(), blockedUntil, truncate500(e.getMessage()), now));
    }
    return recordFailure(t, status, FetchFailure.RATE_LIMITED.name(), e.getMessage(), until);
  }

  private PollOutcome recordFailure(
      Target t, Integer httpStatus, String kind, String reason, Instant notBefore) {
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
                  state.lastFailureKind = kind;
                  if (state.failingSince == null) {
                    state.failingSince = state.lastPolledAt;
                  }
                  state.nextPollAt =
                      state.lastPolledAt.plus(
                          backoff.delay(
                              state.consecutiveFailures, ThreadLocalRandom.current().nextDouble()));
                  if (notBefore != null && notBefore.isAfter(state.nextPollAt)) {
                    state.nextPollAt = notBefore;
                  }
                  state.leaseOwner = null;
                  state.leaseUntil = null;
                  return state.nextPollAt;
                });
    LOG.warnf(
        "poll failed feedUrl=%s httpStatus=%s error=%s nextPollAt=%s",
        t.url(), httpStatus, error, next);
    return new PollOutcome(
        t.id(), PollStatus.FAILED, httpStatus, 0, 0, 0, List.of(), error, next, kind, List.of());
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
        fetchedAt,
        entry.language());
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

  private static String truncate500(String text) {
    return text == null || text.length() <= 500 ? text : text.substring(0, 499) + "…";
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
      String keyUrl,
      String host,
      String title,
      String siteUrl,
      Duration fixedInterval,
      Duration currentInterval,
      String etag,
      String lastModified,
      Instant hostBlockedUntil) {}
}
