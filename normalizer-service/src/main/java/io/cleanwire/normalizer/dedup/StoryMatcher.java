package io.cleanwire.normalizer.dedup;

import io.cleanwire.events.MatchedBy;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides which story an entry belongs to: a stored decision is replayed; otherwise the canonical
 * URL (as its {@link DedupUrlKey}), then the exact content fingerprint, then the near-duplicate
 * signature ({@link NearDuplicates}) is matched against the shared index.
 *
 * <p>Site-root URLs ({@code https://example.org/}) never match: feeds that link every entry to
 * their home page would otherwise collapse into one story. Content matches need enough text (see
 * {@link #StoryMatcher(DedupStore, int)}), so that two empty "Daily briefing" entries stay apart.
 */
public final class StoryMatcher implements StoryDecider {

  private final DedupStore store;
  private final int contentMatchMinChars;
  private final NearDuplicates near;

  /**
   * @param contentMatchMinChars minimum length of the content's plain text for a content match
   */
  public StoryMatcher(DedupStore store, int contentMatchMinChars) {
    this(store, contentMatchMinChars, null);
  }

  /**
   * @param near near-duplicate matching, or null for exact matching only
   */
  public StoryMatcher(DedupStore store, int contentMatchMinChars, NearDuplicates near) {
    this.store = store;
    this.contentMatchMinChars = contentMatchMinChars;
    this.near = near;
  }

  /** What the matcher needs to know about an entry. */
  public record Candidate(
      String entryKey,
      String canonicalUrl,
      String fingerprint,
      int textLength,
      NearSignature signature) {

    public Candidate(String entryKey, String canonicalUrl, String fingerprint, int textLength) {
      this(entryKey, canonicalUrl, fingerprint, textLength, null);
    }
  }

  @Override
  public List<StoryDecision> decideAll(List<Candidate> entries) {
    List<StoryDecision> out = new ArrayList<>(entries.size());
    for (Candidate entry : entries) {
      out.add(decide(entry));
    }
    return out;
  }

  /** Decides and records; every later call for the same entryKey returns the same decision. */
  public StoryDecision decide(Candidate entry) {
    Optional<StoryDecision> stored = store.findDecision(entry.entryKey());
    if (stored.isPresent()) {
      return stored.get();
    }
    String url = matchableUrl(entry.canonicalUrl());
    String fingerprint = contentMatchable(entry) ? entry.fingerprint() : null;
    StoryDecision decision = StoryDecision.startsStory(entry.entryKey());
    String movedTo = null;
    if (url != null) {
      Claim holder = store.claimUrl(url, new Claim(entry.entryKey(), entry.entryKey()));
      if (!holder.entryKey().equals(entry.entryKey())) {
        decision = StoryDecision.joins(holder.storyId(), MatchedBy.URL);
      } else if (!holder.storyId().equals(entry.entryKey())) {
        // our own earlier claim (a crash before the decision was saved) already points elsewhere:
        // the content or near match that moved it is found again below, with its reason
        movedTo = holder.storyId();
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
    if (decision.startsStory() && near != null && entry.signature() != null) {
      Optional<NearDuplicates.Match> match =
          near.claimAndMatch(entry.entryKey(), entry.signature());
      if (match.isPresent()) {
        String storyId = awaitStory(match.get().entryKey());
        decision =
            new StoryDecision(
                storyId, match.get().entryKey(), MatchedBy.NEAR, match.get().similarity());
        // later copies with this URL or content must join the story, not this entry
        if (url != null) {
          store.moveUrlClaim(url, entry.entryKey(), storyId);
        }
        if (fingerprint != null) {
          store.moveContentClaim(fingerprint, entry.entryKey(), storyId);
        }
      }
    }
    if (decision.startsStory() && movedTo != null) {
      decision = StoryDecision.joins(movedTo, MatchedBy.CONTENT);
    }
    return store.saveDecision(
        entry.entryKey(), decision, entry.canonicalUrl(), entry.fingerprint());
  }

  /** The decision {@link #decide} would make now, without recording anything. */
  @Override
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
    if (near != null && entry.signature() != null) {
      Optional<NearDuplicates.Match> match = near.lookup(entry.entryKey(), entry.signature());
      if (match.isPresent()) {
        String storyId =
            store
                .findDecision(match.get().entryKey())
                .map(StoryDecision::storyId)
                .orElse(match.get().entryKey());
        return new StoryDecision(
            storyId, match.get().entryKey(), MatchedBy.NEAR, match.get().similarity());
      }
    }
    return StoryDecision.startsStory(entry.entryKey());
  }

  /**
   * The story of the entry this one joins. A holder's bands and its decision are committed together
   * ({@code JdbcStoryDecider}), and an entry of the same batch was decided before any later entry
   * could see its bands, so the decision is there. Only state left by an interrupted older version
   * (claims written, decision not) can lack it: the holder then stands for its own story.
   */
  private String awaitStory(String entryKey) {
    return store.findDecision(entryKey).map(StoryDecision::storyId).orElse(entryKey);
  }

  private boolean contentMatchable(Candidate entry) {
    return entry.fingerprint() != null && entry.textLength() >= contentMatchMinChars;
  }

  /** The URL's dedup key ({@link DedupUrlKey}), or null for a site root or no URL. */
  public static String matchableUrl(String canonicalUrl) {
    if (canonicalUrl == null) {
      return null;
    }
    try {
      URI uri = URI.create(canonicalUrl);
      String path = uri.getRawPath();
      boolean root =
          (path == null || path.isEmpty() || "/".equals(path)) && uri.getRawQuery() == null;
      return root ? null : DedupUrlKey.of(canonicalUrl);
    } catch (IllegalArgumentException e) {
      return DedupUrlKey.of(canonicalUrl);
    }
  }
}
