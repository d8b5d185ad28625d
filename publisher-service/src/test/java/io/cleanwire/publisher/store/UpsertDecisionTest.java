package io.cleanwire.publisher.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The upsert decision depends on the two versions only, so every replica and replay agrees. */
class UpsertDecisionTest {

  static final Instant T1 = Instant.parse("2024-01-01T00:00:00.000001Z");
  static final Instant T2 = Instant.parse("2024-01-01T00:00:00.000002Z");

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("first version", null, new Version(T1, null, "a"), UpsertDecision.INSERT),
        Arguments.of(
            "redelivered event",
            new Version(T1, null, "a"),
            new Version(T1, null, "a"),
            UpsertDecision.SKIP),
        Arguments.of(
            "newer normalization",
            new Version(T1, null, "a"),
            new Version(T2, null, "b"),
            UpsertDecision.REPLACE),
        Arguments.of(
            "late older normalization",
            new Version(T2, null, "b"),
            new Version(T1, null, "a"),
            UpsertDecision.SKIP),
        Arguments.of(
            "same normalizedAt, feed updated later",
            new Version(T1, T1, "b"),
            new Version(T1, T2, "a"),
            UpsertDecision.REPLACE),
        Arguments.of(
            "same times, larger eventId wins",
            new Version(T1, T1, "a"),
            new Version(T1, T1, "b"),
            UpsertDecision.REPLACE),
        Arguments.of(
            "same times, smaller eventId loses",
            new Version(T1, T1, "b"),
            new Version(T1, T1, "a"),
            UpsertDecision.SKIP),
        Arguments.of(
            "missing normalizedAt is oldest",
            new Version(null, null, "z"),
            new Version(T1, null, "a"),
            UpsertDecision.REPLACE),
        Arguments.of(
            "nanoseconds beyond the stored microseconds are not a newer version",
            new Version(T1, null, "a"),
            new Version(T1.plusNanos(999), null, "a"),
            UpsertDecision.SKIP));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void decidesFromVersionsOnly(
      String name, Version stored, Version incoming, UpsertDecision expected) {
    assertThat(UpsertDecision.decide(stored, incoming)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void replacingIsAntisymmetricSoReplicasAgree(
      String name, Version stored, Version incoming, UpsertDecision expected) {
    if (stored != null && expected == UpsertDecision.REPLACE) {
      assertThat(UpsertDecision.decide(incoming, stored)).isEqualTo(UpsertDecision.SKIP);
    }
  }
}
