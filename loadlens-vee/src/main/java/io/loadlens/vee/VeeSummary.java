package io.loadlens.vee;

import io.loadlens.model.EstimationMethod;
import io.loadlens.model.MeterEvent;
import io.loadlens.model.MeterId;
import io.loadlens.model.Quality;
import io.loadlens.model.ValidatedSeries;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What VEE found and did for one meter (all its channels): intervals by quality, by reason and by
 * estimation method, and findings by kind. Counts are arrays indexed by the enums' ordinals.
 *
 * @param meter the meter
 * @param intervals intervals in all validated channels
 * @param byQuality intervals per {@link Quality} ordinal
 * @param byReason intervals carrying each {@link ValidationReason} ordinal
 * @param byMethod intervals per {@link EstimationMethod} ordinal
 * @param findingsByKind findings per {@link MeterEvent.Kind} ordinal
 */
public record VeeSummary(
    MeterId meter,
    long intervals,
    long[] byQuality,
    long[] byReason,
    long[] byMethod,
    long[] findingsByKind) {

  public VeeSummary {
    Objects.requireNonNull(meter, "meter");
    byQuality = sized("byQuality", byQuality, Quality.values().length);
    byReason = sized("byReason", byReason, ValidationReason.values().length);
    byMethod = sized("byMethod", byMethod, EstimationMethod.values().length);
    findingsByKind = sized("findingsByKind", findingsByKind, MeterEvent.Kind.values().length);
  }

  private static long[] sized(String field, long[] a, int n) {
    if (a == null || a.length != n) {
      throw new IllegalArgumentException(
          "VeeSummary." + field + " needs " + n + " counts, got " + (a == null ? 0 : a.length));
    }
    return a.clone();
  }

  /** Counts the validated series and findings of one meter. */
  public static VeeSummary of(MeterId meter, List<ValidatedSeries> series, List<MeterEvent> found) {
    long[] q = new long[Quality.values().length];
    long[] r = new long[ValidationReason.values().length];
    long[] m = new long[EstimationMethod.values().length];
    long[] k = new long[MeterEvent.Kind.values().length];
    long n = 0;
    for (ValidatedSeries s : series) {
      Quality[] quality = s.quality();
      EstimationMethod[] method = s.method();
      long[] reasons = s.reasons();
      n += quality.length;
      for (int i = 0; i < quality.length; i++) {
        q[quality[i].ordinal()]++;
        if (method[i] != null) {
          m[method[i].ordinal()]++;
        }
        for (long bits = reasons[i]; bits != 0; bits &= bits - 1) {
          r[Long.numberOfTrailingZeros(bits)]++;
        }
      }
    }
    for (MeterEvent e : found) {
      k[e.kind().ordinal()]++;
    }
    return new VeeSummary(meter, n, q, r, m, k);
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

  public long count(MeterEvent.Kind kind) {
    return findingsByKind[kind.ordinal()];
  }

  /** Estimated intervals as a percentage of all intervals (0 when there are none). */
  public double estimatedPercent() {
    return intervals == 0 ? 0 : 100.0 * count(Quality.ESTIMATED) / intervals;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VeeSummary s
        && meter.equals(s.meter)
        && intervals == s.intervals
        && Arrays.equals(byQuality, s.byQuality)
        && Arrays.equals(byReason, s.byReason)
        && Arrays.equals(byMethod, s.byMethod)
        && Arrays.equals(findingsByKind, s.findingsByKind);
  }

  @Override
  public int hashCode() {
    return Objects.hash(meter, intervals, Arrays.hashCode(byQuality));
  }

  @Override
  public String toString() {
    return String.format(
        "VeeSummary[%s: %d intervals, %d missing, %.2f %% estimated, %d findings]",
        meter,
        intervals,
        count(Quality.MISSING),
        estimatedPercent(),
        Arrays.stream(findingsByKind).sum());
  }
}
