package io.cleanwire.normalizer.language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NgramTableTest {

  @Test
  void oneProbeYieldsTheCostOfTheNgramInEveryLanguageThatHasIt() {
    NgramTable.Builder builder = new NgramTable.Builder();
    builder.add(42, 3, 1000);
    builder.add(7, 3, 50);
    builder.add(42, 9, 2000);
    builder.add(42, 1, 10);
    NgramTable table = builder.build();

    int slot = table.find(42);
    Map<Integer, Integer> costs = new HashMap<>();
    for (int p = table.start(slot); p < table.start(slot) + table.length(slot); p++) {
      costs.put(table.language(p), table.cost(p));
    }
    assertThat(costs).containsExactlyInAnyOrderEntriesOf(Map.of(3, 1000, 9, 2000, 1, 10));
    assertThat(table.length(table.find(7))).isEqualTo(1);
    assertThat(table.find(8)).isEqualTo(-1);
    assertThat(table.size()).isEqualTo(2);
    assertThat(table.postings()).isEqualTo(4);
  }

  @Test
  void keepsEveryNgramWhenItGrowsFarBeyondItsFirstCapacity() {
    NgramTable.Builder builder = new NgramTable.Builder();
    for (long key = 1; key <= 100_000; key++) {
      builder.add(key * 2_654_435_761L, (int) (key % 70), (int) (key % 30_000));
    }
    NgramTable table = builder.build();
    for (long key = 1; key <= 100_000; key++) {
      int slot = table.find(key * 2_654_435_761L);
      assertThat(slot).isNotNegative();
      assertThat(table.language(table.start(slot))).isEqualTo((int) (key % 70));
      assertThat(table.cost(table.start(slot))).isEqualTo((int) (key % 30_000));
    }
    assertThat(table.find(3)).isEqualTo(-1);
  }

  @Test
  void clampsCostsToAShortAndRejectsTheEmptyKey() {
    NgramTable.Builder builder = new NgramTable.Builder();
    builder.add(5, 0, 1_000_000);
    assertThat(builder.build().cost(0)).isEqualTo(Short.MAX_VALUE);
    assertThatThrownBy(() -> new NgramTable.Builder().add(0, 1, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
