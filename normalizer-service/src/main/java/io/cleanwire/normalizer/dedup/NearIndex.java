package io.cleanwire.normalizer.dedup;

import java.time.Instant;
import java.util.Optional;

/**
 * The shared near-duplicate index: entries' signatures and the LSH bands they claimed, on the
 * database so that every replica sees the same state. A band's first claimant holds it (a primary
 * key decides races); every later claimant learns who holds it and is compared with that entry. A
 * claimant that does not match the holder goes on to the band's next slot, a key of its own.
 */
public interface NearIndex {

  /**
   * Stores {@code entryKey}'s signature unless stored (a redelivery stores the same one) and claims
   * each of its bands unless a claim newer than {@code expiredBefore} holds it (an expired claim is
   * taken over); returns each band's holder after the call, in band order. The signature must be
   * readable by anyone who can see one of the claims.
   */
  String[] saveAndClaim(
      String entryKey, NearSignature signature, Instant now, Instant expiredBefore);

  /**
   * Claims each of {@code keys} (further slots of the entry's bands, {@link
   * NearDuplicates#slotKey}) as {@link #saveAndClaim} claims the bands, for an entry whose
   * signature is stored; returns each key's holder after the call, in the order given.
   */
  String[] claim(String entryKey, long[] keys, Instant now, Instant expiredBefore);

  /** The holder of {@code band} if its claim is not older than {@code notBefore}. */
  Optional<String> findBandHolder(long band, Instant notBefore);

  /** {@code entryKey}'s signature if stored not before {@code notBefore}. */
  Optional<NearSignature> findSignature(String entryKey, Instant notBefore);

  /** Deletes signatures and band claims older than {@code before}; returns rows deleted. */
  int purge(Instant before);
}
