package io.cleanwire.normalizer.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BandTableTest {

  @Test
  void holdsWhatAHashMapHoldsThroughGrowthAndRemoval() {
    BandTable table = new BandTable(10);
    Map<Long, Integer> reference = new HashMap<>();
    Random random = new Random(3);
    for (int i = 0; i < 200_000; i++) {
      // few distinct keys so that puts overwrite, runs collide and removals shift runs back
      long key = random.nextInt(50_000) * 0x9E3779B97F4A7C15L;
      int value = i % 97;
      table.put(key, value);
      reference.put(key, value);
      if (i % 20_000 == 19_999) {
        int gone = i % 7;
        int removed = table.removeIf(v -> v == gone);
        int expected = (int) reference.values().stream().filter(v -> v == gone).count();
        reference.values().removeIf(v -> v == gone);
        assertThat(removed).isEqualTo(expected);
        assertThat(table.size()).isEqualTo(reference.size());
      }
    }
    assertThat(table.size()).isEqualTo(reference.size());
    reference.forEach((k, v) -> assertThat(table.get(k)).as("key %d", k).isEqualTo(v));
    for (int i = 0; i < 10_000; i++) {
      long absent = (50_000L + random.nextInt(1_000_000)) * 0x9E3779B97F4A7C15L;
      assertThat(table.get(absent)).isEqualTo(-1);
    }
    assertThat(table.capacity()).isGreaterThan(table.size());
  }

  @Test
  void keyZeroIsAKeyLikeAnyOther() {
    BandTable table = new BandTable(4);
    assertThat(table.get(0)).isEqualTo(-1);
    table.put(0, 7);
    table.put(1, 8);
    assertThat(table.get(0)).isEqualTo(7);
    assertThat(table.size()).isEqualTo(2);
    assertThat(table.removeIf(v -> v == 7)).isEqualTo(1);
    assertThat(table.get(0)).isEqualTo(-1);
    assertThat(table.get(1)).isEqualTo(8);
  }

  @Test
  void removingEverythingLeavesAnEmptyTableThatStillWorks() {
    BandTable table = new BandTable(1_000);
    for (long k = 1; k <= 1_000; k++) {
      table.put(k * 31, (int) k);
    }
    assertThat(table.removeIf(v -> true)).isEqualTo(1_000);
    assertThat(table.size()).isZero();
    table.put(62, 2);
    assertThat(table.get(62)).isEqualTo(2);
    assertThat(table.get(31)).isEqualTo(-1);
  }
}
