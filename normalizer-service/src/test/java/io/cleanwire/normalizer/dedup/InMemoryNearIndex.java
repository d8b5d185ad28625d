package io.cleanwire.normalizer.dedup;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A test double of the near-duplicate index with the database's first-claim-wins semantics. */
public final class InMemoryNearIndex implements NearIndex {

  private record Held(String entryKey, Instant at) {}

  private record Stored(NearSignature signature, Instant at) {}

  private final Map<Long, Held> bands = new ConcurrentHashMap<>();
  private final Map<String, Stored> signatures = new ConcurrentHashMap<>();

  @Override
  public String[] saveAndClaim(
      String entryKey, NearSignature signature, Instant now, Instant expiredBefore) {
    signatures.putIfAbsent(entryKey, new Stored(signature, now));
    return claim(entryKey, signature.bands(), now, expiredBefore);
  }

  @Override
  public String[] claim(String entryKey, long[] keys, Instant now, Instant expiredBefore) {
    String[] holders = new String[keys.length];
    for (int i = 0; i < keys.length; i++) {
      holders[i] =
          bands
              .compute(
                  keys[i],
                  (k, held) ->
                      held == null || held.at().isBefore(expiredBefore)
                          ? new Held(entryKey, now)
                          : held)
              .entryKey();
    }
    return holders;
  }

  @Override
  public Optional<String> findBandHolder(long band, Instant notBefore) {
    Held held = bands.get(band);
    return held == null || held.at().isBefore(notBefore)
        ? Optional.empty()
        : Optional.of(held.entryKey());
  }

  @Override
  public Optional<NearSignature> findSignature(String entryKey, Instant notBefore) {
    Stored s = signatures.get(entryKey);
    return s == null || s.at().isBefore(notBefore) ? Optional.empty() : Optional.of(s.signature());
  }

  @Override
  public int purge(Instant before) {
    int n = bands.size() + signatures.size();
    bands.values().removeIf(h -> h.at().isBefore(before));
    signatures.values().removeIf(s -> s.at().isBefore(before));
    return n - bands.size() - signatures.size();
  }
}
