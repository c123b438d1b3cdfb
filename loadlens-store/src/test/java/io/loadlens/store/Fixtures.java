package io.loadlens.store;

import io.loadlens.model.IntervalSeries;
import io.loadlens.model.MeterId;
import io.loadlens.model.ObisCode;
import io.loadlens.model.ReadingBatch;
import io.loadlens.model.Unit;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Test data builders. */
final class Fixtures {
  private Fixtures() {}

  static final ObisCode ENERGY = ObisCode.ACTIVE_ENERGY_IMPORT_INTERVAL;
  static final long T0 = Instant.parse("2026-01-01T00:00:00Z").getEpochSecond();

  /** n rows of 15-minute data from T0 + first intervals, value = 10 * index + meter's hash. */
  static IntervalSeries series(String meter, int first, int n) {
    long[] t = new long[n];
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = T0 + (long) (first + i) * 900;
      v[i] = value(meter, first + i);
    }
    return IntervalSeries.of(MeterId.of(meter), ENERGY, Unit.WATT_HOUR, t, v);
  }

  static double value(String meter, int interval) {
    return interval * 10.0 + Math.abs(meter.hashCode() % 7);
  }

  static ReadingBatch batch(IntervalSeries... series) {
    return new ReadingBatch(
        UUID.randomUUID(), series[0].meter(), "test", Instant.ofEpochSecond(T0), List.of(series));
  }

  static Instant at(int interval) {
    return Instant.ofEpochSecond(T0 + interval * 900L);
  }
}
