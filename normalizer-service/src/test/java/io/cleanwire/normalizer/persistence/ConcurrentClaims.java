package io.cleanwire.normalizer.persistence;

import io.cleanwire.normalizer.dedup.StoryDecider;
import io.cleanwire.normalizer.dedup.StoryDecision;
import io.cleanwire.normalizer.dedup.StoryMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs story decisions for several entries with the same canonical URL at the same moment. */
final class ConcurrentClaims {

  private ConcurrentClaims() {}

  static List<StoryDecision> race(StoryDecider decider, String canonicalUrl, List<String> entryKeys)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(entryKeys.size());
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<StoryDecision>> futures = new ArrayList<>();
      for (String key : entryKeys) {
        Callable<StoryDecision> claim =
            () -> {
              start.await();
              return decider
                  .decideAll(List.of(new StoryMatcher.Candidate(key, canonicalUrl, key, 0)))
                  .get(0);
            };
        futures.add(pool.submit(claim));
      }
      start.countDown();
      List<StoryDecision> decisions = new ArrayList<>();
      for (Future<StoryDecision> f : futures) {
        decisions.add(f.get());
      }
      return decisions;
    } finally {
      pool.shutdownNow();
    }
  }
}
