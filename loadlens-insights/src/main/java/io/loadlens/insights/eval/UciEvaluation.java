package io.loadlens.insights.eval;

import io.loadlens.insights.ApplianceDetection;
import io.loadlens.insights.ApplianceKind;
import io.loadlens.insights.ConsumerInput;
import io.loadlens.insights.ConsumerInsights;
import io.loadlens.insights.Disaggregation;
import io.loadlens.insights.InsightConfig;
import io.loadlens.insights.InsightEngine;
import io.loadlens.insights.VoltageQuality;
import io.loadlens.model.EstimationMethod;
import io.loadlens.model.IntervalSeries;
import io.loadlens.model.MeterId;
import io.loadlens.model.ObisCode;
import io.loadlens.model.Quality;
import io.loadlens.model.Unit;
import io.loadlens.model.ValidatedSeries;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * The UCI household (France, 1-minute data, first half of 2007) aggregated to 15 minutes as a meter
 * stores it; sub-meter 3 (water heater and air conditioner) is the ground truth for the
 * thermostatic-load detector. Minute voltages, averaged to 10 minutes, feed the EN 50160 check.
 */
final class UciEvaluation {
  static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  static final int INTERVAL = 900;

  /**
   * An interval counts as truly active when sub-meter 3 recorded at least 60 Wh in it (the ~1 kW
   * load on for about 3.5 of 15 minutes).
   */
  static final double TRUTH_ACTIVE_WH = 60;

  private UciEvaluation() {}

  static void run(Path file, PrintStream out) throws IOException {
    // Minute index from 2007-01-01 00:00 local; the file's clock is local time (UTC+1/+2).
    int minutes = 181 * 1440 + 1440;
    double[] gap = new double[minutes];
    double[] sub3 = new double[minutes];
    double[] volt = new double[minutes];
    Arrays.fill(gap, Double.NaN);
    Arrays.fill(sub3, Double.NaN);
    Arrays.fill(volt, Double.NaN);
    LocalDate day0 = LocalDate.of(2007, 1, 1);
    int max = 0;
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file), 1 << 16),
                StandardCharsets.UTF_8))) {
      String line = r.readLine();
      while ((line = r.readLine()) != null) {
        String[] f = line.split(",");
        String[] d = f[1].split("/");
        LocalDate date =
            LocalDate.of(
                2000 + Integer.parseInt(d[2]) % 100,
                Integer.parseInt(d[1]),
                Integer.parseInt(d[0]));
        String[] t = f[2].split(":");
        int m =
            (int) (date.toEpochDay() - day0.toEpochDay()) * 1440
                + Integer.parseInt(t[0]) * 60
                + Integer.parseInt(t[1]);
        if (m < 0 || m >= minutes || f[3].equals("?")) {
          continue;
        }
        gap[m] = Double.parseDouble(f[3]);
        volt[m] = Double.parseDouble(f[5]);
        sub3[m] = Double.parseDouble(f[9]);
        max = Math.max(max, m + 1);
      }
    }
    int n = max / 15;
    long start = day0.atStartOfDay(ZoneId.of("UTC")).toEpochSecond();
    long[] t = new long[n];
    double[] wh = new double[n];
    double[] truthWh = new double[n];
    Quality[] q = new Quality[n];
    for (int k = 0; k < n; k++) {
      t[k] = start + (long) k * INTERVAL;
      double s = 0;
      double s3 = 0;
      int present = 0;
      for (int j = k * 15; j < k * 15 + 15; j++) {
        if (!Double.isNaN(gap[j])) {
          s += gap[j] / 60 * 1000;
          s3 += sub3[j];
          present++;
        }
      }
      boolean ok = present >= 12;
      wh[k] = ok ? s * 15 / present : Double.NaN;
      truthWh[k] = ok ? s3 * 15 / present : Double.NaN;
      q[k] = !ok ? Quality.MISSING : present == 15 ? Quality.VALID : Quality.ESTIMATED;
    }
    // The file's clock is local wall time; the series keeps it as UTC-stamped wall time and is
    // analysed in UTC so hours of day stay the household's own.
    ZoneId wall = ZoneId.of("UTC");
    ValidatedSeries s =
        new ValidatedSeries(
            MeterId.of("uci-household"),
            ObisCode.ACTIVE_ENERGY_IMPORT_INTERVAL,
            Unit.WATT_HOUR,
            INTERVAL,
            t,
            wh,
            q,
            new EstimationMethod[n],
            new long[n],
            "uci-15min");
    IntervalSeries voltage10 = tenMinuteVoltage(volt, max, start);
    ConsumerInsights c =
        InsightEngine.analyse(
            ConsumerInput.of(s, wall).withVoltages(List.of(voltage10)), InsightConfig.defaults());
    Disaggregation.ThermostaticLoad tl = Disaggregation.thermostatic(s, wall);
    report(out, n, q, truthWh, tl, c);
  }

  private static IntervalSeries tenMinuteVoltage(double[] volt, int max, long start) {
    int n = max / 10;
    long[] t = new long[n];
    double[] v = new double[n];
    for (int k = 0; k < n; k++) {
      t[k] = start + k * 600L;
      double s = 0;
      int c = 0;
      for (int j = k * 10; j < k * 10 + 10; j++) {
        if (!Double.isNaN(volt[j])) {
          s += volt[j];
          c++;
        }
      }
      v[k] = c == 0 ? Double.NaN : s / c;
    }
    return IntervalSeries.of(MeterId.of("uci-household"), ObisCode.VOLTAGE_L1, Unit.VOLT, t, v);
  }

  private static void report(
      PrintStream out,
      int n,
      Quality[] q,
      double[] truthWh,
      Disaggregation.ThermostaticLoad tl,
      ConsumerInsights c) {
    int tp = 0;
    int fp = 0;
    int fn = 0;
    double trueKwh = 0;
    double estKwh = 0;
    int days = 0;
    for (int k = 0; k < n; k++) {
      if (q[k] == Quality.MISSING) {
        continue;
      }
      boolean truth = truthWh[k] >= TRUTH_ACTIVE_WH;
      boolean est = tl.active()[k];
      tp += truth && est ? 1 : 0;
      fp += !truth && est ? 1 : 0;
      fn += truth && !est ? 1 : 0;
      trueKwh += truthWh[k] / 1000;
      estKwh += tl.kwh()[k];
      days++;
    }
    double d = days / 96.0;
    double precision = (double) tp / (tp + fp);
    double recall = (double) tp / (tp + fn);
    out.printf(Locale.ROOT, "UCI household, 15-minute, %.0f days with data%n", d);
    out.printf(
        Locale.ROOT,
        "sub-meter 3 tracker: power %.2f kW, %d cycles, step prominence %.2f; active intervals precision %.3f recall %.3f"
            + " F1 %.3f (truth: >= %.0f Wh in the interval)%n",
        tl.powerKw(),
        tl.cycles(),
        tl.stepProminence(),
        precision,
        recall,
        2 * precision * recall / (precision + recall),
        TRUTH_ACTIVE_WH);
    out.printf(
        Locale.ROOT,
        "energy: estimated %.2f kWh/day vs metered %.2f kWh/day (error %+.1f %%)%n",
        estKwh / d,
        trueKwh / d,
        100 * (estKwh / trueKwh - 1));
    ApplianceDetection wh = c.appliance(ApplianceKind.WATER_HEATER);
    out.printf(
        Locale.ROOT,
        "engine verdict WATER_HEATER: detected=%s confidence %.2f, %.2f kWh/day: %s%n",
        wh.detected(),
        wh.confidence(),
        wh.kwhPerDay(),
        wh.evidence());
    VoltageQuality v = c.voltage().get(0);
    out.printf(
        Locale.ROOT,
        "voltage (10-min means, indicative EN 50160): %d/%d weeks compliant, worst week %.1f %%"
            + " within ±10 %%, min %.1f V max %.1f V, %d sags, %d swells, compliant=%s%n",
        v.weeksCompliant(),
        v.weeksAssessed(),
        100 * v.worstWeekShareWithin(),
        v.minV(),
        v.maxV(),
        v.sags(),
        v.swells(),
        v.compliant());
    c.headline().forEach(h -> out.println("  - " + h));
  }
}
