package io.cleanwire.fetcher.poll;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Chooses how long to wait before the next poll of a healthy feed from how often it really
 * publishes, its own hints ({@code <ttl>}, {@code Cache-Control: max-age}) and configured bounds.
 *
 * <p>With at least three publication dates the interval is half the median gap between the latest
 * ones (so a change is seen within about half its period); without dates it shrinks when the feed
 * changed and grows when it did not. A hint is a floor: the feed asked not to be polled more often.
 * The configured minimum and maximum always win.
 */
public final class AdaptiveInterval {

  private static final int RECENT = 10;
  private final Duration min;
  private final Duration max;

  public AdaptiveInterval(Duration min, Duration max) {
    if (min.isNegative() || min.isZero() || max.compareTo(min) < 0) {
      throw new IllegalArgumentException("adaptive interval needs 0 < min <= max");
    }
    this.min = min;
    this.max = max;
  }

  /**
   * @param current the interval used so far
   * @param changed whether this poll found new or changed entries
   * @param published publication dates of the entries in the document (any order, may be empty)
   * @param hint the feed's own freshness hint (ttl or max-age), may be null
   */
  public Duration next(
      Duration current, boolean changed, Collection<Instant> published, Duration hint) {
    Duration observed = medianGap(published);
    Duration next;
    if (observed != null) {
      next = observed.dividedBy(2);
    } else if (changed) {
      next = current.dividedBy(2);
    } else {
      next = current.plus(current.dividedBy(2));
    }
    if (hint != null && hint.compareTo(next) > 0) {
      next = hint;
    }
    if (next.compareTo(min) < 0) {
      return min;
    }
    return next.compareTo(max) > 0 ? max : next;
  }

  private static Duration medianGap(Collection<Instant> published) {
    List<Instant> dates =
        published.stream().distinct().sorted((a, b) -> b.compareTo(a)).limit(RECENT).toList();
    if (dates.size() < 3) {
      return null;
    }
    List<Duration> gaps = new ArrayList<>();
    for (int i = 1; i < dates.size(); i++) {
      gaps.add(Duration.between(dates.get(i), dates.get(i - 1)));
    }
    gaps.sort(Duration::compareTo);
    return gaps.get(gaps.size() / 2);
  }
}
