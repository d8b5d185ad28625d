package io.cleanwire.normalizer.dedup;

import java.util.Optional;

/**
 * The shared dedup index; implemented on the database so that every replica sees the same state,
 * with unique constraints deciding races.
 *
 * <p>Every {@code claim…}/{@code save…} method is insert-or-read-the-winner: it returns what is
 * stored after the call, which is the caller's value only if the caller won.
 */
public interface DedupStore {

  Optional<StoryDecision> findDecision(String entryKey);

  /** Stores the decision for {@code entryKey} unless one exists; returns the stored one. */
  StoryDecision saveDecision(
      String entryKey, StoryDecision decision, String canonicalUrl, String fingerprint);

  Optional<Claim> findUrl(String canonicalUrl);

  /** Claims {@code canonicalUrl} for {@code claim} unless claimed; returns the holder. */
  Claim claimUrl(String canonicalUrl, Claim claim);

  /** Moves a URL claim held by {@code entryKey} to another story (after a content match). */
  void moveUrlClaim(String canonicalUrl, String entryKey, String storyId);

  Optional<Claim> findContent(String fingerprint);

  /** Claims {@code fingerprint} for {@code claim} unless claimed; returns the holder. */
  Claim claimContent(String fingerprint, Claim claim);

  /** Moves a content claim held by {@code entryKey} to another story (after a near match). */
  void moveContentClaim(String fingerprint, String entryKey, String storyId);
}
