package io.cleanwire.normalizer.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HoldersTest {

  @Test
  void keepsEveryHolderThroughRemovalPackingAndReuse() {
    Holders holders = new Holders();
    List<Integer> numbers = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      // keys of every length and some outside ASCII
      numbers.add(holders.add("entry-" + i + "-é".repeat(i % 7), i));
    }
    assertThat(holders.removeBefore(2_500)).isEqualTo(2_500);
    assertThat(holders.size()).isEqualTo(2_500);
    for (int i = 2_500; i < 5_000; i++) {
      DedupBatch.Held held = holders.get(numbers.get(i));
      assertThat(held.entryKey()).isEqualTo("entry-" + i + "-é".repeat(i % 7));
      assertThat(held.claimedMicros()).isEqualTo(i);
    }
    // removed numbers are given out again, and the new holders read back whole
    int again = holders.add("again", 9_000);
    assertThat(again).isLessThan(2_500);
    assertThat(holders.get(again)).isEqualTo(new DedupBatch.Held("again", 9_000));
    assertThat(holders.get(numbers.get(4_999)).entryKey()).startsWith("entry-4999-");
    assertThat(holders.size()).isEqualTo(2_501);
  }
}
