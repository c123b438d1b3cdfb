package io.loadlens.vee;

import io.loadlens.model.EstimationMethod;
import io.loadlens.model.MeterEvent;
import io.loadlens.model.Quality;
import java.util.Arrays;

/**
 * The per-meter {@link VeeSummary VeeSummaries} of a fleet added up. Immutable; {@link #plus}
 * returns a new summary, so partial sums from parallel workers combine in any order.
 *
 * @param meters meters counted
 * @param intervals intervals in all their validated channels
 * @param byQuality intervals per {@link Quality} ordinal
 * @param byReason intervals per {@link ValidationReason} ordinal
 * @param byMethod intervals per {@link EstimationMethod} ordinal
 * @param findingsByKind findings per {@link MeterEvent.Kind} ordinal
 */
public record FleetSummary(
    long meters,
    long intervals,
    long[] byQuality,
    long[] byReason,
    long[] byMethod,
    long[] findingsByKind) {

  public FleetSummary {
    byQuality = byQuality.clone();
    byReason = byReason.clone();
    byMethod = byMethod.clone();
    findingsByKind = findingsByKind.clone();
  }

  public static FleetSummary empty() {
    return new FleetSummary(
        0,
        0,
        new long[Quality.values().length],
        new long[ValidationReason.values().length],
        new long[EstimationMethod.values().length],
        new long[MeterEvent.Kind.values().length]);
  }

  /** Sums the given meter summaries. */
  public static FleetSummary of(Iterable<VeeSummary> summaries) {
    FleetSummary f = empty();
    for (VeeSummary s : summaries) {
      f = f.plus(s);
    }
    return f;
  }

  /** This summary with one more meter added. */
  public FleetSummary plus(VeeSummary s) {
    return new FleetSummary(
        meters + 1,
        intervals + s.intervals(),
        add(byQuality, s.byQuality()),
        add(byReason, s.byReason()),
        add(byMethod, s.byMethod()),
        add(findingsByKind, s.findingsByKind()));
  }

  /** Two fleet summaries added (e.g. from two workers). */
  public FleetSummary plus(FleetSummary o) {
    return new FleetSummary(
        meters + o.meters,
        intervals + o.intervals,
        add(byQuality, o.byQuality),
        add(byReason, o.byReason),
        add(byMethod, o.byMethod),
        add(findingsByKind, o.findingsByKind));
  }

  private static long[] add(long[] a, long[] b) {
    long[] r = a.clone();
    for (int i = 0; i < r.length; i++) {
      r[i] += b[i];
    }
    return r;
  }

  public long count(Quality quality) {
    return byQuality[quality.ordinal()];
  }

  public long count(ValidationReason reason) {
    return byReason[reason.ordinal()];
  }

  public long count(EstimationMethod method) {
    return byMethod[method.ordinal()];
  }

  public double estimatedPercent() {
    return intervals == 0 ? 0 : 100.0 * count(Quality.ESTIMATED) / intervals;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FleetSummary s
        && meters == s.meters
        && intervals == s.intervals
        && Arrays.equals(byQuality, s.byQuality)
        && Arrays.equals(byReason, s.byReason)
        && Arrays.equals(byMethod, s.byMethod)
        && Arrays.equals(findingsByKind, s.findingsByKind);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(meters) * 31 + Long.hashCode(intervals);
  }

  @Override
  public String toString() {
    return String.format(
        "FleetSummary[%d meters, %d intervals, %.3f %% estimated, %d missing]",
        meters, intervals, estimatedPercent(), count(Quality.MISSING));
  }
}
