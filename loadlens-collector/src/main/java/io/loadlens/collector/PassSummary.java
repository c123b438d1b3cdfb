package io.loadlens.collector;

import io.loadlens.model.OperatorCode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The result of one collection pass over the fleet.
 *
 * @param started when the pass began
 * @param meters meters in the pass
 * @param ok meters whose profile was transferred (with or without gaps)
 * @param failedByCode meters that failed, or delivered rows flagged as a hardware fault, by code
 * @param rows rows delivered
 * @param gaps missing intervals found (each also sent as a GAP event)
 * @param duration wall-clock time of the pass
 * @param p50 median session time ({@link MeterOutcome#sessionTime()}, nearest rank)
 * @param p99 99th-percentile session time (nearest rank)
 */
public record PassSummary(
    Instant started,
    int meters,
    int ok,
    Map<OperatorCode, Integer> failedByCode,
    long rows,
    long gaps,
    Duration duration,
    Duration p50,
    Duration p99) {

  public PassSummary {
    failedByCode = Collections.unmodifiableMap(new EnumMap<>(failedByCode));
  }

  /** The number of meters that failed. */
  public int failed() {
    return failedByCode.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** Summarises outcomes; {@code duration} is the pass's wall-clock time. */
  public static PassSummary of(Instant started, List<MeterOutcome> outcomes, Duration duration) {
    Map<OperatorCode, Integer> failed = new EnumMap<>(OperatorCode.class);
    int ok = 0;
    long rows = 0;
    long gaps = 0;
    List<Duration> times = new ArrayList<>(outcomes.size());
    for (MeterOutcome o : outcomes) {
      if (o.ok()) {
        ok++;
      } else {
        failed.merge(o.code().orElseThrow(), 1, Integer::sum);
      }
      rows += o.rows();
      gaps += o.gaps();
      times.add(o.sessionTime());
    }
    Collections.sort(times);
    return new PassSummary(
        started,
        outcomes.size(),
        ok,
        failed,
        rows,
        gaps,
        duration,
        rank(times, 0.50),
        rank(times, 0.99));
  }

  /** Nearest-rank percentile of sorted values; zero when there are none. */
  static Duration rank(List<Duration> sorted, double p) {
    if (sorted.isEmpty()) {
      return Duration.ZERO;
    }
    int index = (int) Math.ceil(p * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }
}
