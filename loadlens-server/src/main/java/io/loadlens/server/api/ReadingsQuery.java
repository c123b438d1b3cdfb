package io.loadlens.server.api;

import io.loadlens.model.IntervalSeries;
import io.loadlens.model.MeterId;
import io.loadlens.model.ObisCode;
import io.loadlens.model.Quality;
import io.loadlens.model.ValidatedSeries;
import io.loadlens.store.Store;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Reads a channel raw or validated and optionally aggregates it into coarser buckets. */
public final class ReadingsQuery {

  /** Which data to read. */
  public enum Source {
    RAW,
    VALIDATED
  }

  /** How to combine the intervals of one bucket. */
  public enum Aggregation {
    SUM,
    MEAN,
    MIN,
    MAX
  }

  /** Worst-first order used to give a bucket the quality of its worst interval. */
  private static final Map<Quality, Integer> RANK =
      Map.of(
          Quality.VALID, 0,
          Quality.EDITED, 1,
          Quality.ESTIMATED, 2,
          Quality.SUSPECT, 3,
          Quality.MISSING, 4);

  private final Store store;

  public ReadingsQuery(Store store) {
    this.store = store;
  }

  public Readings read(
      MeterId meter,
      ObisCode obis,
      Params.Range range,
      Source source,
      Duration resolution,
      Aggregation agg,
      ZoneId zone) {
    return switch (source) {
      case RAW ->
          raw(store.readRaw(meter, obis, range.from(), range.to()), range, resolution, agg, zone);
      case VALIDATED ->
          store
              .readValidated(meter, obis, range.from(), range.to())
              .map(s -> validated(s, range, resolution, agg, zone))
              .orElseThrow(
                  () ->
                      ApiException.notFound(
                          "no validated data for meter "
                              + meter
                              + " "
                              + obis
                              + " (VEE has not run)"));
    };
  }

  /**
   * The default aggregation: sums for energy per interval (OBIS value group D = 29, "energy over a
   * period", IEC 62056-6-1 §7.5.2), means for everything else.
   */
  public static Aggregation defaultAggregation(ObisCode obis) {
    return obis.d() == 29 ? Aggregation.SUM : Aggregation.MEAN;
  }

  private static Readings raw(
      IntervalSeries s, Params.Range r, Duration res, Aggregation agg, ZoneId zone) {
    long nativeStep = step(s.epochSeconds());
    long[] t = s.epochSeconds();
    double[] v = s.values();
    if (res == null || res.toSeconds() <= nativeStep) {
      return new Readings(
          s.meter().value(),
          s.obis().toString(),
          s.unit().symbol(),
          "raw",
          nativeStep,
          "none",
          r.from(),
          r.to(),
          t.length,
          t,
          v,
          null,
          null,
          s.status(),
          null,
          null);
    }
    Buckets b = Buckets.of(t, res, zone);
    double[] out = combine(b, v, agg);
    int[] st = new int[b.count()];
    for (int i = 0; i < t.length; i++) {
      st[b.index()[i]] |= s.status()[i];
    }
    return new Readings(
        s.meter().value(),
        s.obis().toString(),
        s.unit().symbol(),
        "raw",
        res.toSeconds(),
        lower(agg),
        r.from(),
        r.to(),
        b.count(),
        b.starts(),
        out,
        null,
        null,
        st,
        null,
        null);
  }

  private static Readings validated(
      ValidatedSeries s, Params.Range r, Duration res, Aggregation agg, ZoneId zone) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    EnumMap<Quality, Integer> byQ = new EnumMap<>(Quality.class);
    for (Quality q : s.quality()) {
      byQ.merge(q, 1, Integer::sum);
    }
    byQ.forEach((q, n) -> counts.put(q.name(), n));
    long[] t = s.epochSeconds();
    if (res == null || res.toSeconds() <= s.intervalSeconds()) {
      String[] q = new String[t.length];
      String[] m = new String[t.length];
      for (int i = 0; i < t.length; i++) {
        q[i] = s.quality()[i] == null ? null : s.quality()[i].name();
        m[i] = s.method()[i] == null ? null : s.method()[i].name();
      }
      return new Readings(
          s.meter().value(),
          s.obis().toString(),
          s.unit().symbol(),
          "validated",
          s.intervalSeconds(),
          "none",
          r.from(),
          r.to(),
          t.length,
          t,
          s.values(),
          q,
          m,
          null,
          counts,
          s.veeVersion());
    }
    Buckets b = Buckets.of(t, res, zone);
    double[] out = combine(b, s.values(), agg);
    Quality[] worst = new Quality[b.count()];
    String[] method = new String[b.count()];
    for (int i = 0; i < t.length; i++) {
      int k = b.index()[i];
      Quality q = s.quality()[i];
      if (worst[k] == null || RANK.get(q) > RANK.get(worst[k])) {
        worst[k] = q;
      }
      if (method[k] == null && s.method()[i] != null) {
        method[k] = s.method()[i].name();
      }
    }
    String[] q = Arrays.stream(worst).map(x -> x == null ? null : x.name()).toArray(String[]::new);
    return new Readings(
        s.meter().value(),
        s.obis().toString(),
        s.unit().symbol(),
        "validated",
        res.toSeconds(),
        lower(agg),
        r.from(),
        r.to(),
        b.count(),
        b.starts(),
        out,
        q,
        method,
        null,
        counts,
        s.veeVersion());
  }

  private static String lower(Aggregation a) {
    return a.name().toLowerCase(Locale.ROOT);
  }

  private static long step(long[] t) {
    long best = Long.MAX_VALUE;
    for (int i = 1; i < Math.min(t.length, 50); i++) {
      best = Math.min(best, t[i] - t[i - 1]);
    }
    return best == Long.MAX_VALUE ? 0 : best;
  }

  private static double[] combine(Buckets b, double[] v, Aggregation agg) {
    int n = b.count();
    double[] acc = new double[n];
    int[] cnt = new int[n];
    Arrays.fill(acc, Double.NaN);
    for (int i = 0; i < v.length; i++) {
      double x = v[i];
      if (Double.isNaN(x)) {
        continue;
      }
      int k = b.index()[i];
      double a = acc[k];
      acc[k] =
          Double.isNaN(a)
              ? x
              : switch (agg) {
                case SUM, MEAN -> a + x;
                case MIN -> Math.min(a, x);
                case MAX -> Math.max(a, x);
              };
      cnt[k]++;
    }
    if (agg == Aggregation.MEAN) {
      for (int k = 0; k < n; k++) {
        if (cnt[k] > 0) {
          acc[k] /= cnt[k];
        }
      }
    }
    return acc;
  }

  /** Maps sorted times to bucket indexes; day-multiple buckets follow the meter's local days. */
  record Buckets(long[] starts, int[] index) {
    int count() {
      return starts.length;
    }

    static Buckets of(long[] t, Duration res, ZoneId zone) {
      long step = res.toSeconds();
      boolean days = step % 86_400 == 0;
      int[] idx = new int[t.length];
      long[] starts = new long[t.length];
      int n = 0;
      long current = Long.MIN_VALUE;
      for (int i = 0; i < t.length; i++) {
        long start = days ? dayStart(t[i], zone, step / 86_400) : Math.floorDiv(t[i], step) * step;
        if (start != current) {
          current = start;
          starts[n++] = start;
        }
        idx[i] = n - 1;
      }
      return new Buckets(Arrays.copyOf(starts, n), idx);
    }

    private static long dayStart(long t, ZoneId zone, long days) {
      var date = Instant.ofEpochSecond(t).atZone(zone).toLocalDate();
      long epochDay = Math.floorDiv(date.toEpochDay(), days) * days;
      return java.time.LocalDate.ofEpochDay(epochDay).atStartOfDay(zone).toEpochSecond();
    }
  }
}
