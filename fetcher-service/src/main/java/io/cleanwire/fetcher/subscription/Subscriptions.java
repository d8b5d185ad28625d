package io.cleanwire.fetcher.subscription;

import io.cleanwire.fetcher.http.FeedHttpClient;
import io.cleanwire.fetcher.opml.OpmlCodec;
import io.cleanwire.fetcher.opml.OpmlException;
import io.cleanwire.fetcher.opml.OpmlOutline;
import io.cleanwire.fetcher.persistence.Feed;
import io.cleanwire.fetcher.persistence.FeedPollState;
import io.cleanwire.fetcher.persistence.FeedPollStateRepository;
import io.cleanwire.fetcher.persistence.FeedRepository;
import io.cleanwire.fetcher.persistence.PollStatus;
import io.cleanwire.fetcher.persistence.SeenEntryRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/** Subscribes, lists, removes, imports and exports feeds; a new feed is due for polling at once. */
@ApplicationScoped
public class Subscriptions {

  private static final Logger LOG = Logger.getLogger(Subscriptions.class);

  private final FeedRepository feeds;
  private final FeedPollStateRepository states;
  private final SeenEntryRepository seenEntries;
  private final FeedHttpClient http;
  private final OpmlCodec opml = new OpmlCodec();

  public Subscriptions(
      FeedRepository feeds,
      FeedPollStateRepository states,
      SeenEntryRepository seenEntries,
      FeedHttpClient http) {
    this.feeds = feeds;
    this.states = states;
    this.seenEntries = seenEntries;
    this.http = http;
  }

  /**
   * A change to a subscription; null fields stay as they are.
   *
   * @param url a new feed URL (checked like a new subscription)
   * @param title a new title; blank clears it
   * @param pollInterval the feed's own fixed interval; zero or negative returns it to the adaptive
   *     schedule
   * @param active false pauses polling, true resumes it (also after a 410) and makes it due now
   */
  public record Change(String url, String title, java.time.Duration pollInterval, Boolean active) {}

  /**
   * Applies a change to a subscription.
   *
   * @return the updated subscription, or empty when there is no such feed
   * @throws IllegalArgumentException when the new URL is invalid, refused or already subscribed
   */
  @Transactional
  public Optional<Subscription> update(long id, Change change) {
    Feed feed = feeds.findById(id);
    if (feed == null) {
      return Optional.empty();
    }
    FeedPollState state = states.findById(id);
    if (change.url() != null) {
      String normalized = checkedUrl(change.url());
      if (!normalized.equals(feed.url)) {
        if (feeds.findByUrl(normalized).isPresent()) {
          throw new IllegalArgumentException("another feed already has url " + normalized);
        }
        feed.keyUrl = feed.identityUrl();
        feed.url = normalized;
        // New address, new validators: the old ones belong to the old server.
        state.etag = null;
        state.lastModified = null;
        state.nextPollAt = Instant.now();
      }
    }
    if (change.title() != null) {
      feed.setTitleClipped(change.title());
    }
    if (change.pollInterval() != null) {
      feed.pollIntervalSeconds =
          change.pollInterval().isNegative() || change.pollInterval().isZero()
              ? null
              : change.pollInterval().toSeconds();
    }
    if (change.active() != null && change.active() != state.active) {
      state.active = change.active();
      if (state.active) {
        state.nextPollAt = Instant.now();
      }
    }
    LOG.infof("updated feedUrl=%s id=%d change=%s", feed.url, id, change);
    return Optional.of(Subscription.of(feed, state));
  }

  private String checkedUrl(String url) {
    String normalized = FeedUrls.normalize(url);
    Optional<String> refusal = http.addressRefusal(normalized);
    if (refusal.isPresent()) {
      throw new IllegalArgumentException(refusal.get());
    }
    return normalized;
  }

  /**
   * The result of a subscribe call.
   *
   * @param subscription the feed, new or already there
   * @param created false when the URL was already subscribed
   */
  public record Subscribed(Subscription subscription, boolean created) {}

  /**
   * One rejected OPML outline.
   *
   * @param url the URL as written in the file
   * @param title the outline's title, may be null
   * @param reason why it was not subscribed
   */
  public record Rejected(String url, String title, String reason) {}

  /**
   * What an OPML import did.
   *
   * @param imported feeds newly subscribed
   * @param existing feeds that were already subscribed
   * @param rejected outlines that could not be subscribed, with reasons
   */
  public record ImportResult(
      List<Subscription> imported, List<Subscription> existing, List<Rejected> rejected) {}

  @Transactional
  public List<Subscription> list() {
    Map<Long, FeedPollState> byFeed =
        states.listAll().stream().collect(Collectors.toMap(s -> s.feedId, Function.identity()));
    return feeds.listByIdAscending().stream()
        .map(f -> Subscription.of(f, byFeed.get(f.id)))
        .toList();
  }

  @Transactional
  public Optional<Subscription> get(long id) {
    return feeds.findByIdOptional(id).map(f -> Subscription.of(f, states.findById(f.id)));
  }

  /**
   * Subscribes a feed, or returns the existing subscription of the same URL.
   *
   * @throws IllegalArgumentException when the URL is not an absolute http(s) URL
   */
  public Subscribed subscribe(String url, String title) {
    return subscribe(url, title, null);
  }

  /**
   * Subscribes a feed with a known site URL (from OPML), or returns the existing subscription.
   *
   * @throws IllegalArgumentException when the URL is not an absolute http(s) URL
   */
  @Transactional
  public Subscribed subscribe(String url, String title, String siteUrl) {
    String normalized = checkedUrl(url);
    Optional<Feed> existing = feeds.findByUrl(normalized);
    if (existing.isPresent()) {
      Feed feed = existing.get();
      return new Subscribed(Subscription.of(feed, states.findById(feed.id)), false);
    }
    Instant now = Instant.now();
    Feed feed = new Feed();
    feed.url = normalized;
    feed.setTitleClipped(title);
    feed.setSiteUrlIfFits(siteUrl);
    feed.createdAt = now;
    feeds.persistAndFlush(feed);
    FeedPollState state = new FeedPollState();
    state.feedId = feed.id;
    state.lastStatus = PollStatus.NEVER_POLLED;
    state.nextPollAt = now;
    states.persist(state);
    LOG.infof("subscribed feedUrl=%s id=%d", feed.url, feed.id);
    return new Subscribed(Subscription.of(feed, state), true);
  }

  /** Removes a feed with its poll state and seen entries; false when there was no such feed. */
  @Transactional
  public boolean delete(long id) {
    Feed feed = feeds.findById(id);
    if (feed == null) {
      return false;
    }
    seenEntries.deleteForFeed(id);
    states.deleteById(id);
    feeds.delete(feed);
    LOG.infof("unsubscribed feedUrl=%s id=%d", feed.url, id);
    return true;
  }

  /**
   * Subscribes every feed of an OPML document; each outline is judged on its own, so one bad URL
   * does not stop the others.
   */
  public ImportResult importOpml(byte[] document) throws OpmlException {
    List<OpmlOutline> outlines = opml.read(document);
    List<Subscription> imported = new ArrayList<>();
    List<Subscription> existing = new ArrayList<>();
    List<Rejected> rejected = new ArrayList<>();
    for (OpmlOutline outline : outlines) {
      try {
        Subscribed result = subscribe(outline.xmlUrl(), outline.title(), outline.htmlUrl());
        (result.created() ? imported : existing).add(result.subscription());
      } catch (IllegalArgumentException e) {
        rejected.add(new Rejected(outline.xmlUrl(), outline.title(), e.getMessage()));
      }
    }
    return new ImportResult(imported, existing, rejected);
  }

  /** All subscriptions as an OPML 2.0 document. */
  public String exportOpml() {
    List<OpmlOutline> outlines =
        list().stream().map(s -> new OpmlOutline(s.url(), s.title(), s.siteUrl())).toList();
    return opml.write("Cleanwire subscriptions", outlines);
  }
}
