package io.loadlens.insights;

import io.loadlens.model.EstimationMethod;
import io.loadlens.model.IntervalSeries;
import io.loadlens.model.MeterId;
import io.loadlens.model.ObisCode;
import io.loadlens.model.Quality;
import io.loadlens.model.Unit;
import io.loadlens.model.ValidatedSeries;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;

/** Builds series whose truth is known by construction. */
final class Synthetic {
  static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

  /** Demand in kW as a function of the interval start in local time. */
  interface KwAt {
    double kw(ZonedDateTime localStart, int index);
  }

  private Synthetic() {}

  static ValidatedSeries series(
      String meter, LocalDate first, int days, int intervalSeconds, ZoneId zone, KwAt f) {
    long start = first.atStartOfDay(zone).toEpochSecond();
    long end = first.plusDays(days).atStartOfDay(zone).toEpochSecond();
    int n = (int) ((end - start) / intervalSeconds);
    long[] t = new long[n];
    double[] wh = new double[n];
    double hours = intervalSeconds / 3600.0;
    for (int i = 0; i < n; i++) {
      t[i] = start + (long) i * intervalSeconds;
      ZonedDateTime local = java.time.Instant.ofEpochSecond(t[i]).atZone(zone);
      wh[i] = f.kw(local, i) * hours * 1000;
    }
    return validated(meter, intervalSeconds, t, wh);
  }

  static ValidatedSeries validated(String meter, int intervalSeconds, long[] t, double[] wh) {
    int n = t.length;
    Quality[] q = new Quality[n];
    Arrays.fill(q, Quality.VALID);
    for (int i = 0; i < n; i++) {
      if (Double.isNaN(wh[i])) {
        q[i] = Quality.MISSING;
      }
    }
    return new ValidatedSeries(
        MeterId.of(meter),
        ObisCode.ACTIVE_ENERGY_IMPORT_INTERVAL,
        Unit.WATT_HOUR,
        intervalSeconds,
        t,
        wh,
        q,
        new EstimationMethod[n],
        new long[n],
        "test");
  }

  static IntervalSeries channel(ValidatedSeries like, ObisCode obis, Unit unit, double[] values) {
    return IntervalSeries.of(like.meter(), obis, unit, like.epochSeconds(), values);
  }

  /**
   * A plain household: 150 W always on, morning and evening activity whose level varies from day to
   * day (0.5..1.5 times), no big appliances.
   */
  static double household(ZonedDateTime t) {
    int h = t.getHour();
    double kw = 0.15;
    long day = t.toLocalDate().toEpochDay();
    double f = 0.5 + Math.floorMod(day * 2654435761L, 1000) / 1000.0;
    double g = 0.5 + Math.floorMod(day * 40503L + 17, 1000) / 1000.0;
    if (h >= 7 && h < 9) {
      kw += 0.6 * f;
    } else if (h >= 17 && h < 22) {
      kw += 0.9 * g;
    } else if (h >= 9 && h < 17) {
      kw += 0.2 * f * g;
    }
    return kw;
  }
}
