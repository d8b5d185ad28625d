package io.cleanwire.normalizer.persistence;

import io.cleanwire.events.MatchedBy;
import io.cleanwire.normalizer.dedup.Claim;
import io.cleanwire.normalizer.dedup.ContentFingerprint;
import io.cleanwire.normalizer.dedup.DedupStore;
import io.cleanwire.normalizer.dedup.StoryDecision;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The dedup index on the database (H2 or PostgreSQL) through Panache.
 *
 * <p>Each insert runs in its own short transaction: PostgreSQL aborts a whole transaction on a
 * unique violation, so "insert, and on conflict read the winner" needs the insert to fail alone.
 * Partial progress is safe because the steps are idempotent for the same entryKey and the final
 * decision row is written last.
 */
@ApplicationScoped
public class JpaDedupStore implements DedupStore {

  @Override
  public Optional<StoryDecision> findDecision(String entryKey) {
    return read(
        () ->
            EntryDecision.<EntryDecision>findByIdOptional(entryKey).map(JpaDedupStore::toDecision));
  }

  @Override
  public StoryDecision saveDecision(
      String entryKey, StoryDecision decision, String canonicalUrl, String fingerprint) {
    return insertOrRead(
        () -> {
          EntryDecision row = new EntryDecision();
          row.entryKey = entryKey;
          row.storyId = decision.storyId();
          row.duplicateOf = decision.duplicateOf();
          row.matchedBy = decision.matchedBy() == null ? null : decision.matchedBy().name();
          row.similarity = decision.similarity();
          row.canonicalUrl = canonicalUrl;
          row.exactFingerprint = fingerprint;
          row.decidedAt = Instant.now();
          row.persistAndFlush();
          return decision;
        },
        () -> findDecision(entryKey));
  }

  @Override
  public Optional<Claim> findUrl(String canonicalUrl) {
    String hash = ContentFingerprint.sha256Hex(canonicalUrl);
    return read(
        () -> UrlClaim.<UrlClaim>findByIdOptional(hash).map(c -> new Claim(c.entryKey, c.storyId)));
  }

  @Override
  public Claim claimUrl(String canonicalUrl, Claim claim) {
    return insertOrRead(
        () -> {
          UrlClaim row = new UrlClaim();
          row.urlHash = ContentFingerprint.sha256Hex(canonicalUrl);
          row.canonicalUrl = canonicalUrl;
          row.entryKey = claim.entryKey();
          row.storyId = claim.storyId();
          row.claimedAt = Instant.now();
          row.persistAndFlush();
          return claim;
        },
        () -> findUrl(canonicalUrl));
  }

  @Override
  public void moveUrlClaim(String canonicalUrl, String entryKey, String storyId) {
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                UrlClaim.update(
                    "storyId = ?1 where urlHash = ?2 and entryKey = ?3",
                    storyId,
                    ContentFingerprint.sha256Hex(canonicalUrl),
                    entryKey));
  }

  @Override
  public void moveContentClaim(String fingerprint, String entryKey, String storyId) {
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                ContentClaim.update(
                    "storyId = ?1 where fingerprint = ?2 and entryKey = ?3",
                    storyId,
                    fingerprint,
                    entryKey));
  }

  @Override
  public Optional<Claim> findContent(String fingerprint) {
    return read(
        () ->
            ContentClaim.<ContentClaim>findByIdOptional(fingerprint)
                .map(c -> new Claim(c.entryKey, c.storyId)));
  }

  @Override
  public Claim claimContent(String fingerprint, Claim claim) {
    return insertOrRead(
        () -> {
          ContentClaim row = new ContentClaim();
          row.fingerprint = fingerprint;
          row.entryKey = claim.entryKey();
          row.storyId = claim.storyId();
          row.claimedAt = Instant.now();
          row.persistAndFlush();
          return claim;
        },
        () -> findContent(fingerprint));
  }

  private static <T> T read(Supplier<T> query) {
    return QuarkusTransaction.requiringNew().call(query::get);
  }

  /**
   * Runs {@code insert} in its own transaction; when it fails (the unique constraint lost a race,
   * or the row already exists) returns what {@code winner} reads instead. If nothing can be read
   * the insert failed for another reason, which is rethrown.
   */
  private static <T> T insertOrRead(Supplier<T> insert, Supplier<Optional<T>> winner) {
    Optional<T> existing = winner.get();
    if (existing.isPresent()) {
      return existing.get();
    }
    try {
      return QuarkusTransaction.requiringNew().call(insert::get);
    } catch (RuntimeException e) {
      return winner.get().orElseThrow(() -> e);
    }
  }

  private static StoryDecision toDecision(EntryDecision row) {
    MatchedBy matchedBy =
        row.matchedBy == null
            ? null
            : Arrays.stream(MatchedBy.values())
                .filter(m -> m.name().equals(row.matchedBy))
                .findFirst()
                .orElseThrow();
    return new StoryDecision(row.storyId, row.duplicateOf, matchedBy, row.similarity);
  }
}
