package io.loadlens.insights.eval;

import io.loadlens.model.EstimationMethod;
import io.loadlens.model.MeterId;
import io.loadlens.model.ObisCode;
import io.loadlens.model.Quality;
import io.loadlens.model.Unit;
import io.loadlens.model.ValidatedSeries;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/** Reads the SGSC 50-household extract (30-minute kWh, local time Australia/Sydney). */
final class SgscData {
  static final ZoneId SYDNEY = ZoneId.of("Australia/Sydney");
  static final int INTERVAL = 1800;
  private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  /** One raw row as in the file. */
  record Row(LocalDateTime local, double generalKwh, double controlledKwh) {}

  private SgscData() {}

  /** Raw rows per customer, in file order. */
  static Map<String, List<Row>> read(Path file) throws IOException {
    Map<String, List<Row>> out = new LinkedHashMap<>();
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file), 1 << 16),
                StandardCharsets.UTF_8))) {
      String line = r.readLine();
      while ((line = r.readLine()) != null) {
        String[] f = line.split(",");
        String id = f[0].replace("\"", "");
        LocalDateTime t = LocalDateTime.parse(f[1].replace("\"", ""), TS);
        out.computeIfAbsent(id, k -> new ArrayList<>()).add(new Row(t, parse(f[2]), parse(f[3])));
      }
    }
    return out;
  }

  private static double parse(String s) {
    String v = s.replace("\"", "").trim();
    return v.isEmpty() || v.equals("NA") ? Double.NaN : Double.parseDouble(v);
  }

  /**
   * Whether a local time exists in Sydney. The file holds rows at 02:00 and 02:30 on spring-forward
   * days, times that did not exist; both evaluations drop them.
   */
  static boolean exists(LocalDateTime local) {
    return !SYDNEY.getRules().getValidOffsets(local).isEmpty();
  }

  /**
   * The rows as a regular 30-minute series in Wh (kWh × 1000), gaps as MISSING. A local time seen
   * twice (the autumn daylight-saving overlap) takes the later offset the second time; rows at
   * local times that do not exist are dropped.
   */
  static ValidatedSeries series(String id, List<Row> rows, boolean withControlled) {
    java.util.Set<Long> seen = new java.util.HashSet<>();
    rows = rows.stream().filter(r -> exists(r.local())).toList();
    long[] epoch = new long[rows.size()];
    double[] wh = new double[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      Row row = rows.get(i);
      ZonedDateTime z = ZonedDateTime.ofLocal(row.local(), SYDNEY, null);
      long e = z.toEpochSecond();
      if (!seen.add(e)) {
        e = z.withLaterOffsetAtOverlap().toEpochSecond();
        seen.add(e);
      }
      epoch[i] = e;
      double c = withControlled && !Double.isNaN(row.controlledKwh()) ? row.controlledKwh() : 0;
      wh[i] = (row.generalKwh() + c) * 1000;
    }
    Integer[] idx = new Integer[rows.size()];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = i;
    }
    Arrays.sort(idx, (a, b) -> Long.compare(epoch[a], epoch[b]));
    long first = epoch[idx[0]];
    long last = epoch[idx[idx.length - 1]];
    int n = (int) ((last - first) / INTERVAL) + 1;
    long[] t = new long[n];
    double[] v = new double[n];
    Quality[] q = new Quality[n];
    Arrays.fill(v, Double.NaN);
    Arrays.fill(q, Quality.MISSING);
    for (int k = 0; k < n; k++) {
      t[k] = first + (long) k * INTERVAL;
    }
    for (Integer i : idx) {
      long off = epoch[i] - first;
      if (off % INTERVAL != 0) {
        continue;
      }
      int k = (int) (off / INTERVAL);
      if (!Double.isNaN(wh[i])) {
        v[k] = wh[i];
        q[k] = Quality.VALID;
      }
    }
    return new ValidatedSeries(
        MeterId.of(id),
        ObisCode.ACTIVE_ENERGY_IMPORT_INTERVAL,
        Unit.WATT_HOUR,
        INTERVAL,
        t,
        v,
        q,
        new EstimationMethod[n],
        new long[n],
        "raw");
  }
}
