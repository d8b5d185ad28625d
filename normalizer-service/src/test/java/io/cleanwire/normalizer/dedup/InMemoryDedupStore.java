package io.cleanwire.normalizer.dedup;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A test double of the dedup index with the same insert-or-read semantics as the database. */
public final class InMemoryDedupStore implements DedupStore {

  private final Map<String, StoryDecision> decisions = new ConcurrentHashMap<>();
  private final Map<String, Claim> urls = new ConcurrentHashMap<>();
  private final Map<String, Claim> contents = new ConcurrentHashMap<>();

  @Override
  public Optional<StoryDecision> findDecision(String entryKey) {
    return Optional.ofNullable(decisions.get(entryKey));
  }

  @Override
  public StoryDecision saveDecision(
      String entryKey, StoryDecision decision, String canonicalUrl, String fingerprint) {
    return decisions.computeIfAbsent(entryKey, k -> decision);
  }

  @Override
  public Optional<Claim> findUrl(String canonicalUrl) {
    return Optional.ofNullable(urls.get(canonicalUrl));
  }

  @Override
  public Claim claimUrl(String canonicalUrl, Claim claim) {
    return urls.computeIfAbsent(canonicalUrl, k -> claim);
  }

  @Override
  public void moveUrlClaim(String canonicalUrl, String entryKey, String storyId) {
    urls.computeIfPresent(
        canonicalUrl, (k, c) -> c.entryKey().equals(entryKey) ? new Claim(entryKey, storyId) : c);
  }

  @Override
  public Optional<Claim> findContent(String fingerprint) {
    return Optional.ofNullable(contents.get(fingerprint));
  }

  @Override
  public Claim claimContent(String fingerprint, Claim claim) {
    return contents.computeIfAbsent(fingerprint, k -> claim);
  }

  @Override
  public void moveContentClaim(String fingerprint, String entryKey, String storyId) {
    contents.computeIfPresent(
        fingerprint, (k, c) -> c.entryKey().equals(entryKey) ? new Claim(entryKey, storyId) : c);
  }
}
