package io.loadlens.vee.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/** Reads the shared real data sets described in {@code ../shared/data/README.md}. */
final class LoadData {
  private LoadData() {}

  /**
   * UCI "Individual household electric power consumption", 1-minute kW, summed to 15-minute Wh as a
   * meter stores it ({@code Wh = sum(kW) * 1000 / 60}). An interval with any missing minute ({@code
   * ?}) has no true value.
   */
  static Household uci(Path file) throws IOException {
    int step = 900;
    long from = Long.MIN_VALUE;
    Map<Long, double[]> slots = new LinkedHashMap<>(); // slot start -> {sum kW, minutes, missing}
    try (BufferedReader r = reader(file)) {
      String line = r.readLine(); // header
      while ((line = r.readLine()) != null) {
        String[] f = line.split(",", -1);
        LocalDateTime t = LocalDateTime.of(date(f[1]), LocalTime.parse(pad(f[2])));
        long epoch = t.toEpochSecond(ZoneOffset.UTC);
        if (from == Long.MIN_VALUE) {
          from = epoch - Math.floorMod(epoch, step);
        }
        double[] s = slots.computeIfAbsent(epoch - Math.floorMod(epoch, step), k -> new double[3]);
        if (f[3].equals("?") || f[3].isEmpty()) {
          s[2]++;
        } else {
          s[0] += Double.parseDouble(f[3]);
          s[1]++;
        }
      }
    }
    long last = slots.keySet().stream().mapToLong(Long::longValue).max().orElse(from);
    double[] truth = new double[(int) ((last - from) / step) + 1];
    Arrays.fill(truth, Double.NaN);
    for (Map.Entry<Long, double[]> e : slots.entrySet()) {
      double[] s = e.getValue();
      if (s[1] == step / 60 && s[2] == 0) {
        truth[(int) ((e.getKey() - from) / step)] = s[0] * 1000.0 / 60.0;
      }
    }
    return new Household("uci", from, step, truth);
  }

  /** The data set writes dates as d/M/yy or d/M/yyyy. */
  private static LocalDate date(String dmy) {
    String[] p = dmy.split("/");
    int year = Integer.parseInt(p[2]);
    return LocalDate.of(
        year < 100 ? 2000 + year : year, Integer.parseInt(p[1]), Integer.parseInt(p[0]));
  }

  private static String pad(String hms) {
    return hms.length() == 7 ? "0" + hms : hms;
  }

  /**
   * The SGSC 50-customer extract, 30-minute kWh of general supply, as Wh. Rows with a repeated time
   * (none expected) keep the first value.
   */
  static List<Household> sgsc(Path file) throws IOException {
    DateTimeFormatter fmt = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    int step = 1800;
    Map<String, List<long[]>> rows = new LinkedHashMap<>();
    Map<String, List<Double>> vals = new LinkedHashMap<>();
    try (BufferedReader r = reader(file)) {
      String line = r.readLine();
      while ((line = r.readLine()) != null) {
        String[] f = line.split(",", -1);
        String id = f[0].replace("\"", "");
        String ts = f[1].replace("\"", "");
        if (ts.length() == 10) {
          ts = ts + " 00:00:00";
        }
        long epoch = LocalDateTime.parse(ts, fmt).toEpochSecond(ZoneOffset.UTC);
        if (f[2].isEmpty() || f[2].equals("NA")) {
          continue;
        }
        rows.computeIfAbsent(id, k -> new ArrayList<>()).add(new long[] {epoch});
        vals.computeIfAbsent(id, k -> new ArrayList<>()).add(Double.parseDouble(f[2]) * 1000.0);
      }
    }
    List<Household> out = new ArrayList<>();
    for (String id : rows.keySet()) {
      List<long[]> t = rows.get(id);
      List<Double> v = vals.get(id);
      long from = Long.MAX_VALUE;
      long to = Long.MIN_VALUE;
      for (long[] x : t) {
        from = Math.min(from, x[0]);
        to = Math.max(to, x[0]);
      }
      from -= Math.floorMod(from, step);
      double[] truth = new double[(int) ((to - from) / step) + 1];
      Arrays.fill(truth, Double.NaN);
      for (int j = 0; j < t.size(); j++) {
        int k = (int) ((t.get(j)[0] - from) / step);
        if (Math.floorMod(t.get(j)[0] - from, step) == 0 && Double.isNaN(truth[k])) {
          truth[k] = v.get(j);
        }
      }
      out.add(new Household("sgsc-" + id, from, step, truth));
    }
    return out;
  }

  private static BufferedReader reader(Path file) throws IOException {
    return new BufferedReader(
        new InputStreamReader(
            new GZIPInputStream(Files.newInputStream(file), 1 << 16), StandardCharsets.UTF_8),
        1 << 16);
  }
}
