package io.cleanwire.normalizer.dedup;

import io.cleanwire.events.MatchedBy;
import java.net.URI;
import java.util.Optional;

/**
 * Decides which story an entry belongs to: a stored decision is replayed; otherwise the canonical
 * URL, then the exact content fingerprint, is matched against the shared index.
 *
 * <p>Site-root URLs ({@code https://example.org/}) never match: feeds that link every entry to
 * their home page would otherwise collapse into one story. Content matches need enough text (see
 * {@link #StoryMatcher(DedupStore, int)}), so that two empty "Daily briefing" entries stay apart.
 */
public final class StoryMatcher {

  private final DedupStore store;
  private final int contentMatchMinChars;

  /**
   * @param contentMatchMinChars minimum length of the content's plain text for a content match
   */
  public StoryMatcher(DedupStore store, int contentMatchMinChars) {
    this.store = store;
    this.contentMatchMinChars = contentMatchMinChars;
  }

  /** What the matcher needs to know about an entry. */
  public record Candidate(
      String entryKey, String canonicalUrl, String fingerprint, int textLength) {}

  /** Decides and records; every later call for the same entryKey returns the same decision. */
  public StoryDecision decide(Candidate entry) {
    Optional<StoryDecision> stored = store.findDecision(entry.entryKey());
    if (stored.isPresent()) {
      return stored.get();
    }
    String url = matchableUrl(entry.canonicalUrl());
    String fingerprint = contentMatchable(entry) ? entry.fingerprint() : null;
    StoryDecision decision = StoryDecision.startsStory(entry.entryKey());
    if (url != null) {
      Claim holder = store.claimUrl(url, new Claim(entry.entryKey(), entry.entryKey()));
      if (!holder.entryKey().equals(entry.entryKey())) {
        decision = StoryDecision.joins(holder.storyId(), MatchedBy.URL);
      } else if (!holder.storyId().equals(entry.entryKey())) {
        // our own earlier claim (a crash before the decision was saved) already points elsewhere
        decision = StoryDecision.joins(holder.storyId(), MatchedBy.CONTENT);
      }
    }
    if (decision.startsStory() && fingerprint != null) {
      Claim holder = store.claimContent(fingerprint, new Claim(entry.entryKey(), entry.entryKey()));
      if (!holder.entryKey().equals(entry.entryKey())) {
        decision = StoryDecision.joins(holder.storyId(), MatchedBy.CONTENT);
        if (url != null) {
          // later entries with this URL must join the content's story, not ours
          store.moveUrlClaim(url, entry.entryKey(), holder.storyId());
        }
      }
    }
    return store.saveDecision(
        entry.entryKey(), decision, entry.canonicalUrl(), entry.fingerprint());
  }

  /** The decision {@link #decide} would make now, without recording anything. */
  public StoryDecision lookup(Candidate entry) {
    Optional<StoryDecision> stored = store.findDecision(entry.entryKey());
    if (stored.isPresent()) {
      return stored.get();
    }
    String url = matchableUrl(entry.canonicalUrl());
    if (url != null) {
      Optional<Claim> holder = store.findUrl(url);
      if (holder.isPresent() && !holder.get().entryKey().equals(entry.entryKey())) {
        return StoryDecision.joins(holder.get().storyId(), MatchedBy.URL);
      }
    }
    if (contentMatchable(entry)) {
      Optional<Claim> holder = store.findContent(entry.fingerprint());
      if (holder.isPresent() && !holder.get().entryKey().equals(entry.entryKey())) {
        return StoryDecision.joins(holder.get().storyId(), MatchedBy.CONTENT);
      }
    }
    return StoryDecision.startsStory(entry.entryKey());
  }

  private boolean contentMatchable(Candidate entry) {
    return entry.fingerprint() != null && entry.textLength() >= contentMatchMinChars;
  }

  static String matchableUrl(String canonicalUrl) {
    if (canonicalUrl == null) {
      return null;
    }
    try {
      URI uri = URI.create(canonicalUrl);
      String path = uri.getRawPath();
      boolean root =
          (path == null || path.isEmpty() || "/".equals(path)) && uri.getRawQuery() == null;
      return root ? null : canonicalUrl;
    } catch (IllegalArgumentException e) {
      return canonicalUrl;
    }
  }
}
