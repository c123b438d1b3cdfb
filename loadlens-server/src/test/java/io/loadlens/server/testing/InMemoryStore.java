package io.loadlens.server.testing;

import io.loadlens.model.IntervalSeries;
import io.loadlens.model.MeterEvent;
import io.loadlens.model.MeterId;
import io.loadlens.model.MeterInfo;
import io.loadlens.model.ObisCode;
import io.loadlens.model.ReadingBatch;
import io.loadlens.model.Unit;
import io.loadlens.model.ValidatedSeries;
import io.loadlens.store.Conflict;
import io.loadlens.store.EventCount;
import io.loadlens.store.IngestResult;
import io.loadlens.store.InsightRecord;
import io.loadlens.store.ManualEdit;
import io.loadlens.store.Store;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A hand-written in-memory {@link Store} for server tests: one series per meter and channel. */
public final class InMemoryStore implements Store {

  private record Key(MeterId meter, ObisCode obis) {}

  private final Map<MeterId, MeterInfo> meters = new ConcurrentHashMap<>();
  private final Map<Key, IntervalSeries> raw = new ConcurrentHashMap<>();
  private final Map<Key, ValidatedSeries> validated = new ConcurrentHashMap<>();
  private final List<ManualEdit> edits = new CopyOnWriteArrayList<>();
  private final List<MeterEvent> events = new CopyOnWriteArrayList<>();
  private final Map<String, InsightRecord> insights = new ConcurrentHashMap<>();

  /** Replaces the raw series of its meter and channel (tests set whole series). */
  public void putRaw(IntervalSeries s) {
    raw.put(new Key(s.meter(), s.obis()), s);
  }

  @Override
  public IngestResult ingest(List<ReadingBatch> batches) {
    long n = 0;
    for (ReadingBatch b : batches) {
      for (IntervalSeries s : b.series()) {
        putRaw(s);
        n += s.size();
      }
    }
    return new IngestResult(n, n, 0, 0);
  }

  @Override
  public Optional<Instant> lastCaptureTime(MeterId meter, ObisCode obis) {
    IntervalSeries s = raw.get(new Key(meter, obis));
    return s == null || s.isEmpty() ? Optional.empty() : Optional.of(s.time(s.size() - 1));
  }

  @Override
  public Map<MeterId, Instant> lastCaptureTimes(ObisCode obis) {
    Map<MeterId, Instant> out = new TreeMap<>();
    raw.forEach(
        (k, s) -> {
          if (k.obis().equals(obis) && !s.isEmpty()) {
            out.put(k.meter(), s.time(s.size() - 1));
          }
        });
    return out;
  }

  @Override
  public IntervalSeries readRaw(MeterId meter, ObisCode obis, Instant from, Instant to) {
    IntervalSeries s = raw.get(new Key(meter, obis));
    if (s == null) {
      return IntervalSeries.empty(meter, obis, Unit.WATT_HOUR);
    }
    int[] r = range(s.epochSeconds(), from, to);
    return new IntervalSeries(
        meter,
        obis,
        s.unit(),
        Arrays.copyOfRange(s.epochSeconds(), r[0], r[1]),
        Arrays.copyOfRange(s.values(), r[0], r[1]),
        Arrays.copyOfRange(s.status(), r[0], r[1]));
  }

  private static int[] range(long[] t, Instant from, Instant to) {
    int a = Arrays.binarySearch(t, from.getEpochSecond());
    a = a < 0 ? -a - 1 : a;
    int b = Arrays.binarySearch(t, to.getEpochSecond());
    b = b < 0 ? -b - 1 : b;
    return new int[] {a, Math.max(a, b)};
  }

  @Override
  public List<ObisCode> channels(MeterId meter) {
    return raw.keySet().stream()
        .filter(k -> k.meter().equals(meter))
        .map(Key::obis)
        .sorted()
        .toList();
  }

  @Override
  public long rawRowCount() {
    return raw.values().stream().mapToLong(IntervalSeries::size).sum();
  }

  @Override
  public IntervalSeries aggregate(ObisCode obis, Instant from, Instant to, Duration bucket) {
    TreeMap<Long, Double> sum = new TreeMap<>();
    long step = bucket.toSeconds();
    raw.forEach(
        (k, s) -> {
          if (!k.obis().equals(obis)) {
            return;
          }
          for (int i = 0; i < s.size(); i++) {
            long t = s.epochSeconds()[i];
            if (t >= from.getEpochSecond() && t < to.getEpochSecond()) {
              sum.merge(Math.floorDiv(t, step) * step, s.values()[i], Double::sum);
            }
          }
        });
    return IntervalSeries.of(
        MeterId.of("fleet"),
        obis,
        Unit.WATT_HOUR,
        sum.keySet().stream().mapToLong(Long::longValue).toArray(),
        sum.values().stream().mapToDouble(Double::doubleValue).toArray());
  }

  @Override
  public void upsertMeters(Collection<MeterInfo> ms) {
    ms.forEach(m -> meters.put(m.id(), m));
  }

  @Override
  public List<MeterInfo> meters() {
    return meters.values().stream().sorted(Comparator.comparing(MeterInfo::id)).toList();
  }

  @Override
  public Optional<MeterInfo> meter(MeterId id) {
    return Optional.ofNullable(meters.get(id));
  }

  @Override
  public void replaceValidated(ValidatedSeries series) {
    validated.put(new Key(series.meter(), series.obis()), series);
  }

  @Override
  public Optional<ValidatedSeries> readValidated(
      MeterId meter, ObisCode obis, Instant from, Instant to) {
    ValidatedSeries s = validated.get(new Key(meter, obis));
    if (s == null) {
      return Optional.empty();
    }
    int[] r = range(s.epochSeconds(), from, to);
    return Optional.of(
        new ValidatedSeries(
            meter,
            obis,
            s.unit(),
            s.intervalSeconds(),
            Arrays.copyOfRange(s.epochSeconds(), r[0], r[1]),
            Arrays.copyOfRange(s.values(), r[0], r[1]),
            Arrays.copyOfRange(s.quality(), r[0], r[1]),
            Arrays.copyOfRange(s.method(), r[0], r[1]),
            Arrays.copyOfRange(s.reasons(), r[0], r[1]),
            s.veeVersion()));
  }

  @Override
  public void recordEdit(ManualEdit edit) {
    edits.add(edit);
  }

  @Override
  public List<ManualEdit> edits(MeterId meter) {
    return edits.stream().filter(e -> e.meter().equals(meter)).toList();
  }

  @Override
  public void recordEvents(Collection<MeterEvent> evs) {
    events.addAll(evs);
  }

  @Override
  public List<MeterEvent> events(MeterId meter, Instant from, Instant to) {
    return events(from, to, Integer.MAX_VALUE).stream()
        .filter(e -> e.meter().equals(meter))
        .toList();
  }

  @Override
  public List<MeterEvent> events(Instant from, Instant to, int limit) {
    List<MeterEvent> out = new ArrayList<>();
    for (MeterEvent e : events) {
      boolean overlaps =
          e.start().isBefore(to)
              && (e.end().isAfter(from)
                  || e.start().equals(from)
                  || (e.start().equals(e.end()) && !e.start().isBefore(from)));
      if (overlaps) {
        out.add(e);
      }
    }
    out.sort(Comparator.comparing(MeterEvent::start));
    return out.subList(0, Math.min(limit, out.size()));
  }

  /** Events overlapping [from, to), newest start first. */
  private List<MeterEvent> newestFirst(Instant from, Instant to) {
    List<MeterEvent> all = new ArrayList<>(events(from, to, Integer.MAX_VALUE));
    all.sort(Comparator.comparing(MeterEvent::start).reversed());
    return all;
  }

  @Override
  public List<MeterEvent> recentErrors(Instant from, Instant to, int limit) {
    return newestFirst(from, to).stream().filter(e -> e.code() != null).limit(limit).toList();
  }

  @Override
  public List<MeterEvent> latestEvents(Instant from, Instant to, Set<MeterEvent.Kind> kinds) {
    Map<MeterId, MeterEvent> newest = new java.util.LinkedHashMap<>();
    for (MeterEvent e : newestFirst(from, to)) {
      if (kinds.contains(e.kind())) {
        newest.putIfAbsent(e.meter(), e);
      }
    }
    return List.copyOf(newest.values());
  }

  @Override
  public List<EventCount> eventCounts(Instant from, Instant to) {
    Map<String, List<MeterEvent>> groups = new TreeMap<>();
    for (MeterEvent e : events(from, to, Integer.MAX_VALUE)) {
      String key = e.code() != null ? "c" + e.code() : "k" + e.kind();
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(e);
    }
    List<EventCount> out = new ArrayList<>();
    for (List<MeterEvent> g : groups.values()) {
      MeterEvent first = g.get(0);
      out.add(
          new EventCount(
              first.code(),
              first.code() == null ? first.kind() : null,
              g.size(),
              g.stream().map(MeterEvent::meter).distinct().count(),
              g.stream().map(MeterEvent::start).max(Comparator.naturalOrder()).orElseThrow()));
    }
    return out;
  }

  @Override
  public List<Conflict> conflicts(MeterId meter) {
    return List.of();
  }

  @Override
  public void putInsight(String subject, String kind, String json, Instant computedAt) {
    insights.put(subject + "\u0000" + kind, new InsightRecord(subject, kind, json, computedAt));
  }

  @Override
  public Optional<InsightRecord> insight(String subject, String kind) {
    return Optional.ofNullable(insights.get(subject + "\u0000" + kind));
  }

  @Override
  public List<InsightRecord> insights(String subject) {
    return insights.values().stream()
        .filter(r -> r.subject().equals(subject))
        .sorted(Comparator.comparing(InsightRecord::kind))
        .toList();
  }

  @Override
  public void recordDeadLetter(Instant receivedAt, String source, String reason, byte[] payload) {
    throw new UnsupportedOperationException("the server never writes dead letters");
  }

  @Override
  public List<io.loadlens.store.DeadLetter> deadLetters(int limit) {
    return List.of();
  }

  @Override
  public void exportValues(
      io.loadlens.store.ExportFilter filter,
      java.util.function.Consumer<io.loadlens.store.StoredValue> sink) {
    throw new UnsupportedOperationException("the server exports through readRaw/readValidated");
  }

  @Override
  public void close() {}
}
