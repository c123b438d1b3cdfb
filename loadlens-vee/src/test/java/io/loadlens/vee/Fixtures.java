package io.loadlens.vee;

import io.loadlens.model.IntervalSeries;
import io.loadlens.model.MeterId;
import io.loadlens.model.MeterInfo;
import io.loadlens.model.ObisCode;
import io.loadlens.model.Unit;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

/** Builds small inputs for the tests: 15-minute grids starting at a fixed instant. */
final class Fixtures {
  static final MeterId METER = MeterId.of("m1");
  static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z"); // a Monday
  static final int STEP = 900;

  private Fixtures() {}

  static MeterInfo info(ZoneId zone, double capacityKw) {
    return new MeterInfo(METER, "", "", "", capacityKw, zone, Map.of());
  }

  static MeterInfo utc() {
    return info(ZoneOffset.UTC, 0);
  }

  /** Interval rows stamped at the interval end; NaN values are left out (a gap). */
  static IntervalSeries intervals(Instant from, double[] values, int[] status) {
    int count = 0;
    for (double v : values) {
      count += Double.isNaN(v) ? 0 : 1;
    }
    long[] t = new long[count];
    double[] v = new double[count];
    int[] s = new int[count];
    int j = 0;
    for (int i = 0; i < values.length; i++) {
      if (!Double.isNaN(values[i])) {
        t[j] = from.getEpochSecond() + (long) (i + 1) * STEP;
        v[j] = values[i];
        s[j++] = status == null ? 0 : status[i];
      }
    }
    return new IntervalSeries(
        METER, ObisCode.ACTIVE_ENERGY_IMPORT_INTERVAL, Unit.WATT_HOUR, t, v, s);
  }

  /** Register readings at boundaries 0..n; NaN readings are left out. */
  static IntervalSeries register(Instant from, double[] readings, int[] status) {
    int count = 0;
    for (double v : readings) {
      count += Double.isNaN(v) ? 0 : 1;
    }
    long[] t = new long[count];
    double[] v = new double[count];
    int[] s = new int[count];
    int j = 0;
    for (int k = 0; k < readings.length; k++) {
      if (!Double.isNaN(readings[k])) {
        t[j] = from.getEpochSecond() + (long) k * STEP;
        v[j] = readings[k];
        s[j++] = status == null ? 0 : status[k];
      }
    }
    return new IntervalSeries(METER, ObisCode.ACTIVE_ENERGY_IMPORT, Unit.WATT_HOUR, t, v, s);
  }

  static double[] constant(int n, double v) {
    double[] a = new double[n];
    java.util.Arrays.fill(a, v);
    return a;
  }

  /** A varied but deterministic day shape, n values. */
  static double[] wavy(int n) {
    double[] a = new double[n];
    for (int i = 0; i < n; i++) {
      a[i] = 100 + 40 * Math.sin(i * 0.37) + (i % 7) * 3;
    }
    return a;
  }

  /**
   * A smooth day shape of n values (two harmonics of the day): the profile's smoothing over
   * neighbouring intervals changes it by less than 0.1 Wh, so estimates can be checked closely.
   */
  static double[] smoothDay(int n) {
    double[] a = new double[n];
    for (int i = 0; i < n; i++) {
      a[i] = smoothAt((double) i / n);
    }
    return a;
  }

  /** The smooth day shape at a fraction {@code f} of the day. */
  static double smoothAt(double f) {
    return 100 + 40 * Math.sin(2 * Math.PI * f) + 15 * Math.sin(4 * Math.PI * f + 1);
  }

  static VeeInput.Builder input(MeterInfo info, Instant from, int n) {
    return VeeInput.builder(
        info, Duration.ofSeconds(STEP), from, from.plusSeconds((long) n * STEP));
  }

  static VeeResult run(VeeInput in) {
    return new VeeEngine(VeeConfig.defaults()).run(in);
  }
}
