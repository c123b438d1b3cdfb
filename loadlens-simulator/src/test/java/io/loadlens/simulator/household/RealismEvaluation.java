package io.loadlens.simulator.household;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Compares synthetic households with the 50 real SGSC households (Ausgrid trial, Sydney, 30-minute
 * kWh): mean daily energy per household, daily peak and base load, the average daily shape, and the
 * winter/summer ratio. Run:
 *
 * <pre>
 * ./mvnw -q -o -pl loadlens-simulator test-compile exec:java \
 *   -Dexec.classpathScope=test -Dexec.mainClass=io.loadlens.simulator.household.RealismEvaluation \
 *   -Dexec.args="../shared/data/sgsc50.csv.gz"
 * </pre>
 */
public final class RealismEvaluation {
  private static final ZoneId SYDNEY = ZoneId.of("Australia/Sydney");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  /** Half-hourly kW of complete days: {@code days.get(i)[slot]}, with the household and month. */
  record Days(List<double[]> days, List<Integer> household, List<Integer> month) {
    Days() {
      this(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    }

    void add(int h, int monthValue, double[] kw) {
      days.add(kw);
      household.add(h);
      month.add(monthValue);
    }
  }

  /** The figures compared. */
  record Figures(
      int households,
      int days,
      double[] dailyKwhPerHousehold,
      double[] dailyPeakKw,
      double[] dailyBaseKw,
      double[] shape,
      double winterSummerRatio) {}

  private RealismEvaluation() {}

  public static void main(String[] args) throws IOException {
    Path file = Path.of(args.length > 0 ? args[0] : "../shared/data/sgsc50.csv.gz");
    int households = args.length > 1 ? Integer.parseInt(args[1]) : 50;
    int days = args.length > 2 ? Integer.parseInt(args[2]) : 365;
    long seed = args.length > 3 ? Long.parseLong(args[3]) : 2013;
    if (!Files.isReadable(file)) {
      System.out.println("skipped: " + file + " is not readable");
      return;
    }
    Figures real = figures(readSgsc(file));
    Figures synthetic = figures(synthesise(households, days, seed));
    System.out.print(report(real, synthetic));
  }

  static Days readSgsc(Path file) throws IOException {
    Map<Long, Integer> ids = new HashMap<>();
    Map<String, double[]> byDay = new HashMap<>();
    Map<String, int[]> counts = new HashMap<>();
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
      in.readLine();
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String[] f = line.split(",");
        long customer = Long.parseLong(f[0]);
        int h = ids.computeIfAbsent(customer, c -> ids.size());
        LocalDateTime t = LocalDateTime.parse(f[1].replace("\"", ""), TIME);
        int slot = t.getHour() * 2 + t.getMinute() / 30;
        double kwh = parse(f[2]) + parse(f[3]);
        String key = h + "|" + t.toLocalDate();
        byDay.computeIfAbsent(key, k -> new double[48])[slot] += kwh * 2;
        counts.computeIfAbsent(key, k -> new int[1])[0]++;
      }
    }
    Days result = new Days();
    byDay.keySet().stream()
        .sorted()
        .forEach(
            key -> {
              if (counts.get(key)[0] == 48) {
                String[] parts = key.split("\\|");
                result.add(
                    Integer.parseInt(parts[0]),
                    LocalDate.parse(parts[1]).getMonthValue(),
                    byDay.get(key));
              }
            });
    return result;
  }

  private static double parse(String s) {
    return s.isEmpty() || s.equals("NA") ? 0 : Double.parseDouble(s);
  }

  /**
   * Gross consumption of synthetic households in Sydney: all appliances before PV, without EV
   * charging (the SGSC households of 2011-2014 had neither PV generation nor EVs).
   */
  static Days synthesise(int households, int days, long seed) {
    HouseholdSimulator sim = new HouseholdSimulator(new Weather(seed, Climate.SYDNEY), SYDNEY, 30);
    Days result = new Days();
    LocalDate first = LocalDate.of(2013, 1, 1);
    for (int h = 0; h < households; h++) {
      Household household = Household.generate(Seeds.derive(seed, h), Climate.SYDNEY);
      for (int d = 0; d < days; d++) {
        LocalDate date = first.plusDays(d);
        DayEnergy day = sim.simulate(household, date, null);
        if (day.intervals() != 48) {
          continue;
        }
        double[] kw = new double[48];
        for (int a = 0; a < day.kinds().size(); a++) {
          ApplianceKind kind = day.kinds().get(a);
          if (!kind.generates() && kind != ApplianceKind.EV_CHARGER) {
            for (int k = 0; k < 48; k++) {
              kw[k] += day.applianceMilliWh()[a][k] / 1e6 * 2;
            }
          }
        }
        result.add(h, date.getMonthValue(), kw);
      }
    }
    return result;
  }

  static Figures figures(Days data) {
    Map<Integer, double[]> perHousehold = new HashMap<>();
    double[] peaks = new double[data.days().size()];
    double[] bases = new double[data.days().size()];
    double[] shape = new double[48];
    double winter = 0;
    double summer = 0;
    int winterDays = 0;
    int summerDays = 0;
    for (int i = 0; i < data.days().size(); i++) {
      double[] kw = data.days().get(i);
      double kwh = Arrays.stream(kw).sum() / 2;
      double[] acc = perHousehold.computeIfAbsent(data.household().get(i), k -> new double[2]);
      acc[0] += kwh;
      acc[1]++;
      peaks[i] = Arrays.stream(kw).max().orElse(0);
      bases[i] = Arrays.stream(kw).min().orElse(0);
      for (int k = 0; k < 48; k++) {
        shape[k] += kw[k];
      }
      int month = data.month().get(i);
      if (month >= 6 && month <= 8) {
        winter += kwh;
        winterDays++;
      } else if (month == 12 || month <= 2) {
        summer += kwh;
        summerDays++;
      }
    }
    double mean = Arrays.stream(shape).sum() / 48;
    for (int k = 0; k < 48; k++) {
      shape[k] /= mean;
    }
    double[] daily = perHousehold.values().stream().mapToDouble(a -> a[0] / a[1]).toArray();
    double ratio = (winter / Math.max(1, winterDays)) / (summer / Math.max(1, summerDays));
    return new Figures(perHousehold.size(), data.days().size(), daily, peaks, bases, shape, ratio);
  }

  static double quantile(double[] values, double q) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  }

  static double correlation(double[] a, double[] b) {
    double ma = Arrays.stream(a).average().orElse(0);
    double mb = Arrays.stream(b).average().orElse(0);
    double sab = 0;
    double saa = 0;
    double sbb = 0;
    for (int i = 0; i < a.length; i++) {
      sab += (a[i] - ma) * (b[i] - mb);
      saa += (a[i] - ma) * (a[i] - ma);
      sbb += (b[i] - mb) * (b[i] - mb);
    }
    return sab / Math.sqrt(saa * sbb);
  }

  static String report(Figures real, Figures synthetic) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%-34s %22s %22s%n", "", "SGSC (real)", "synthetic"));
    row(
        sb,
        "households / complete days",
        real.households() + " / " + real.days(),
        synthetic.households() + " / " + synthetic.days());
    triple(
        sb,
        "daily kWh per household p10/50/90",
        real.dailyKwhPerHousehold(),
        synthetic.dailyKwhPerHousehold());
    triple(sb, "daily peak 30-min kW p10/50/90", real.dailyPeakKw(), synthetic.dailyPeakKw());
    triple(sb, "daily base (min 30-min) kW p10/50/90", real.dailyBaseKw(), synthetic.dailyBaseKw());
    row(
        sb,
        "winter/summer daily kWh",
        fmt(real.winterSummerRatio()),
        fmt(synthetic.winterSummerRatio()));
    for (int hour : new int[] {4, 8, 13, 18, 20, 23}) {
      row(
          sb,
          String.format(Locale.ROOT, "shape at %02d:00 (x mean)", hour),
          fmt(real.shape()[hour * 2]),
          fmt(synthetic.shape()[hour * 2]));
    }
    sb.append(
        String.format(
            Locale.ROOT,
            "daily shape correlation (48 half-hours): %.3f%n",
            correlation(real.shape(), synthetic.shape())));
    return sb.toString();
  }

  private static void triple(StringBuilder sb, String label, double[] real, double[] synthetic) {
    row(sb, label, q3(real), q3(synthetic));
  }

  private static String q3(double[] v) {
    return fmt(quantile(v, 0.1)) + " / " + fmt(quantile(v, 0.5)) + " / " + fmt(quantile(v, 0.9));
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }

  private static void row(StringBuilder sb, String label, String real, String synthetic) {
    sb.append(String.format(Locale.ROOT, "%-34s %22s %22s%n", label, real, synthetic));
  }
}
