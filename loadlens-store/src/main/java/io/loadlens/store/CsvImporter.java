package io.loadlens.store;

import io.loadlens.model.IntervalSeries;
import io.loadlens.model.MeterId;
import io.loadlens.model.ObisCode;
import io.loadlens.model.ProfileStatus;
import io.loadlens.model.Quality;
import io.loadlens.model.ReadingBatch;
import io.loadlens.model.Unit;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.GZIPInputStream;

/**
 * Loads interval readings from CSV (plain or gzip) into a store through a {@link ColumnMapping}.
 * Rows are buffered per meter and channel, sorted, and ingested in batches; a bad line is rejected
 * with its line number and field, never dropped silently. Local times in a DST overlap are resolved
 * in file order: the first occurrence takes the earlier offset, a repeat the later one.
 */
public final class CsvImporter {
  private static final int MAX_REASONS = 100;
  private static final int FLUSH_VALUES = 1_000_000;
  private static final int CALL_VALUES = 200_000;

  private final Store store;
  private final ColumnMapping mapping;
  private final InstantSource clock;

  public CsvImporter(Store store, ColumnMapping mapping, InstantSource clock) {
    this.store = store;
    this.mapping = mapping;
    this.clock = clock;
  }

  /** Imports a file; {@code .gz} files (or any starting with the gzip magic) are decompressed. */
  public ImportReport importFile(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return importStream(in);
    }
  }

  public ImportReport importStream(InputStream raw) throws IOException {
    BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
    in.mark(2);
    int b0 = in.read();
    int b1 = in.read();
    in.reset();
    InputStream data = (b0 == 0x1f && b1 == 0x8b) ? new GZIPInputStream(in, 1 << 16) : in;
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(data, StandardCharsets.UTF_8), 1 << 16)) {
      return new Run().read(r);
    }
  }

  private static final class Channel {
    final MeterId meter;
    final ObisCode obis;
    final Unit unit;
    long[] t = new long[256];
    double[] v = new double[256];
    int[] status = new int[256];
    int n;

    Channel(MeterId meter, ObisCode obis, Unit unit) {
      this.meter = meter;
      this.obis = obis;
      this.unit = unit;
    }

    void add(long time, double value, int st) {
      if (n == t.length) {
        t = java.util.Arrays.copyOf(t, n * 2);
        v = java.util.Arrays.copyOf(v, n * 2);
        status = java.util.Arrays.copyOf(status, n * 2);
      }
      t[n] = time;
      v[n] = value;
      status[n] = st;
      n++;
    }
  }

  private record ChannelKey(MeterId meter, ObisCode obis) {}

  /** The state of one import. */
  private final class Run {
    final Map<ChannelKey, Channel> channels = new LinkedHashMap<>();
    final Map<String, MeterId> meters = new HashMap<>();
    final Set<String> overlapSeen = new HashSet<>();
    final List<String> reasons = new ArrayList<>();
    final DateTimeFormatter fmt =
        mapping.timestampPattern().equalsIgnoreCase("iso")
            ? null
            : DateTimeFormatter.ofPattern(mapping.timestampPattern());
    long rows;
    long rejected;
    long skipped;
    long buffered;
    long inFileDuplicates;
    IngestResult total = IngestResult.NONE;
    Map<String, Integer> col;

    ImportReport read(BufferedReader r) throws IOException {
      String line;
      long lineNo = 0;
      while ((line = r.readLine()) != null) {
        lineNo++;
        if (col == null) {
          if (mapping.headerStartsWith() == null || line.startsWith(mapping.headerStartsWith())) {
            col = header(line, lineNo);
          }
          continue;
        }
        if (line.isBlank()) {
          continue;
        }
        rows++;
        try {
          row(Csv.split(line), lineNo);
        } catch (IllegalArgumentException e) {
          reject(e.getMessage());
        }
        if (buffered >= FLUSH_VALUES) {
          flush();
        }
      }
      if (col == null) {
        throw new IOException(
            "no header line"
                + (mapping.headerStartsWith() == null
                    ? ""
                    : " starting with '" + mapping.headerStartsWith() + "'")
                + " found");
      }
      flush();
      return new ImportReport(
          rows,
          total.offered(),
          total.inserted(),
          total.duplicates() + inFileDuplicates,
          total.conflicts(),
          skipped,
          rejected,
          reasons);
    }

    void reject(String reason) {
      rejected++;
      if (reasons.size() < MAX_REASONS) {
        reasons.add(reason);
      }
    }

    Map<String, Integer> header(String line, long lineNo) throws IOException {
      List<String> names = Csv.split(line);
      Map<String, Integer> m = new HashMap<>();
      for (int i = 0; i < names.size(); i++) {
        m.put(names.get(i).trim(), i);
      }
      List<String> needed = new ArrayList<>(mapping.timestampColumns());
      if (mapping.meterColumn() != null) {
        needed.add(mapping.meterColumn());
      }
      mapping.values().forEach(v -> needed.add(v.column()));
      for (String c :
          new String[] {mapping.obisColumn(), mapping.unitColumn(), mapping.qualityColumn()}) {
        if (c != null) {
          needed.add(c);
        }
      }
      for (String n : needed) {
        if (!m.containsKey(n)) {
          throw new IOException(
              "header (line " + lineNo + ") has no column '" + n + "'; it has " + names);
        }
      }
      return m;
    }

    String field(List<String> f, String name, long lineNo) {
      int i = col.get(name);
      if (i >= f.size()) {
        throw new IllegalArgumentException(
            "line " + lineNo + ": field " + name + " is missing (" + f.size() + " fields)");
      }
      return f.get(i).trim();
    }

    void row(List<String> f, long lineNo) {
      int status = 0;
      if (mapping.qualityColumn() != null) {
        String q = field(f, mapping.qualityColumn(), lineNo);
        if (!q.equals(Quality.VALID.name()) && !q.equals(Quality.SUSPECT.name())) {
          skipped++;
          return;
        }
        status = q.equals(Quality.SUSPECT.name()) ? ProfileStatus.DATA_NOT_VALID : 0;
      }
      MeterId meter = meter(f, lineNo);
      long time = time(f, meter, lineNo);
      for (ColumnMapping.ValueColumn vc : mapping.values()) {
        String text = field(f, vc.column(), lineNo);
        double value;
        try {
          value = Double.parseDouble(text) * vc.multiplier();
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(
              "line " + lineNo + ": field " + vc.column() + ": '" + text + "' is not a number");
        }
        if (!Double.isFinite(value)) {
          throw new IllegalArgumentException(
              "line " + lineNo + ": field " + vc.column() + ": '" + text + "' is not finite");
        }
        ObisCode obis = vc.obis();
        Unit unit = vc.unit();
        if (mapping.obisColumn() != null) {
          obis = parse(f, mapping.obisColumn(), lineNo, ObisCode::parse);
          unit =
              mapping.unitColumn() == null
                  ? unit
                  : parse(f, mapping.unitColumn(), lineNo, Unit::fromSymbol);
        }
        Unit u = unit;
        ObisCode o = obis;
        channels
            .computeIfAbsent(new ChannelKey(meter, o), k -> new Channel(meter, o, u))
            .add(time, value, status);
        buffered++;
      }
    }

    <T> T parse(
        List<String> f, String column, long lineNo, java.util.function.Function<String, T> p) {
      String text = field(f, column, lineNo);
      try {
        return p.apply(text);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "line " + lineNo + ": field " + column + ": " + e.getMessage(), e);
      }
    }

    MeterId meter(List<String> f, long lineNo) {
      if (mapping.meterColumn() == null) {
        return mapping.fixedMeter();
      }
      String id = field(f, mapping.meterColumn(), lineNo);
      MeterId m = meters.get(id);
      if (m == null) {
        m = parse(f, mapping.meterColumn(), lineNo, MeterId::of);
        meters.put(id, m);
      }
      return m;
    }

    long time(List<String> f, MeterId meter, long lineNo) {
      StringBuilder sb = new StringBuilder();
      for (String c : mapping.timestampColumns()) {
        if (!sb.isEmpty()) {
          sb.append(' ');
        }
        sb.append(field(f, c, lineNo));
      }
      String text = sb.toString();
      String cols = String.join("+", mapping.timestampColumns());
      long t;
      try {
        if (fmt == null) {
          t = OffsetDateTime.parse(text).toEpochSecond();
        } else {
          t = local(LocalDateTime.parse(text, fmt), meter, text, cols, lineNo);
        }
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(
            "line "
                + lineNo
                + ": field "
                + cols
                + ": '"
                + text
                + "' does not match "
                + mapping.timestampPattern());
      }
      if (mapping.intervalSeconds() > 0 && Math.floorMod(t, mapping.intervalSeconds()) != 0) {
        throw new IllegalArgumentException(
            "line "
                + lineNo
                + ": field "
                + cols
                + ": '"
                + text
                + "' is not on the "
                + mapping.intervalSeconds()
                + " s interval grid");
      }
      return t;
    }

    long local(LocalDateTime ldt, MeterId meter, String text, String cols, long lineNo) {
      List<ZoneOffset> offsets = mapping.zone().getRules().getValidOffsets(ldt);
      if (offsets.isEmpty()) {
        throw new IllegalArgumentException(
            "line "
                + lineNo
                + ": field "
                + cols
                + ": local time '"
                + text
                + "' does not exist in "
                + mapping.zone()
                + " (clocks went forward)");
      }
      ZoneOffset off = offsets.get(0);
      if (offsets.size() > 1) {
        // DST overlap: first occurrence earlier offset, the repeat the later one
        if (!overlapSeen.add(meter.value() + '|' + ldt)) {
          off = offsets.get(1);
        }
      }
      return ldt.toEpochSecond(off);
    }

    void flush() {
      List<ReadingBatch> call = new ArrayList<>();
      int inCall = 0;
      Instant now = clock.instant();
      for (Channel ch : channels.values()) {
        IntervalSeries s = sorted(ch);
        call.add(new ReadingBatch(UUID.randomUUID(), ch.meter, mapping.source(), now, List.of(s)));
        inCall += s.size();
        if (inCall >= CALL_VALUES) {
          total = total.plus(store.ingest(call));
          call = new ArrayList<>();
          inCall = 0;
        }
      }
      if (!call.isEmpty()) {
        total = total.plus(store.ingest(call));
      }
      channels.clear();
      buffered = 0;
    }

    /** Sorts a channel's rows by time; a repeated time keeps the first row. */
    IntervalSeries sorted(Channel ch) {
      Integer[] idx = new Integer[ch.n];
      for (int i = 0; i < ch.n; i++) {
        idx[i] = i;
      }
      java.util.Arrays.sort(idx, (a, b) -> Long.compare(ch.t[a], ch.t[b]));
      long[] t = new long[ch.n];
      double[] v = new double[ch.n];
      int[] st = new int[ch.n];
      int k = 0;
      for (int j = 0; j < ch.n; j++) {
        int i = idx[j];
        if (k > 0 && t[k - 1] == ch.t[i]) {
          if (Double.compare(v[k - 1], ch.v[i]) == 0) {
            inFileDuplicates++;
          } else {
            reject(
                ch.meter
                    + " "
                    + ch.obis
                    + " at "
                    + Instant.ofEpochSecond(ch.t[i])
                    + ": the file has two different values ("
                    + v[k - 1]
                    + ", "
                    + ch.v[i]
                    + "); the first is kept");
          }
          continue;
        }
        t[k] = ch.t[i];
        v[k] = ch.v[i];
        st[k] = ch.status[i];
        k++;
      }
      return new IntervalSeries(
          ch.meter,
          ch.obis,
          ch.unit,
          java.util.Arrays.copyOf(t, k),
          java.util.Arrays.copyOf(v, k),
          java.util.Arrays.copyOf(st, k));
    }
  }
}
