package io.loadlens.store.internal;

import io.loadlens.model.IntervalSeries;
import io.loadlens.model.MeterId;
import io.loadlens.model.ObisCode;
import io.loadlens.model.ReadingBatch;
import io.loadlens.store.Conflict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rows of one ingest call with their keys made unique before they reach the database: when
 * several series in the call share a meter and channel, they are merged and the first offered value
 * of each time wins (later equal values are duplicates, later different values conflicts). Most
 * calls carry one series per channel and pass through untouched.
 */
public final class IngestPlan {

  /** One series to stage, with the source of the batch it came in. */
  public record Part(IntervalSeries series, String source) {}

  private final List<Part> parts;
  private final long offered;
  private final long duplicates;
  private final List<Conflict> conflicts;

  private IngestPlan(List<Part> parts, long offered, long duplicates, List<Conflict> conflicts) {
    this.parts = parts;
    this.offered = offered;
    this.duplicates = duplicates;
    this.conflicts = conflicts;
  }

  private record Key(MeterId meter, ObisCode obis) {}

  public static IngestPlan of(List<ReadingBatch> batches, Instant now) {
    Map<Key, List<Part>> byKey = new LinkedHashMap<>();
    long offered = 0;
    for (ReadingBatch b : batches) {
      for (IntervalSeries s : b.series()) {
        offered += s.size();
        if (!s.isEmpty()) {
          byKey
              .computeIfAbsent(new Key(s.meter(), s.obis()), k -> new ArrayList<>(1))
              .add(new Part(s, b.source()));
        }
      }
    }
    List<Part> parts = new ArrayList<>(byKey.size());
    long dups = 0;
    List<Conflict> conflicts = new ArrayList<>();
    for (List<Part> same : byKey.values()) {
      if (same.size() == 1) {
        parts.add(same.get(0));
        continue;
      }
      TreeMap<Long, double[]> merged = new TreeMap<>(); // {value, status}
      Part first = same.get(0);
      for (Part p : same) {
        IntervalSeries s = p.series();
        for (int i = 0; i < s.size(); i++) {
          long t = s.epochSeconds()[i];
          double[] had = merged.putIfAbsent(t, new double[] {s.values()[i], s.status()[i]});
          if (had == null) {
            continue;
          }
          if (Double.compare(had[0], s.values()[i]) == 0) {
            dups++;
          } else {
            conflicts.add(
                new Conflict(
                    s.meter(),
                    s.obis(),
                    Instant.ofEpochSecond(t),
                    had[0],
                    s.values()[i],
                    p.source(),
                    now));
          }
        }
      }
      parts.add(new Part(mergedSeries(first.series(), merged), first.source()));
    }
    return new IngestPlan(parts, offered, dups, conflicts);
  }

  private static IntervalSeries mergedSeries(IntervalSeries like, TreeMap<Long, double[]> rows) {
    long[] t = new long[rows.size()];
    double[] v = new double[rows.size()];
    int[] st = new int[rows.size()];
    int i = 0;
    for (Map.Entry<Long, double[]> e : rows.entrySet()) {
      t[i] = e.getKey();
      v[i] = e.getValue()[0];
      st[i] = (int) e.getValue()[1];
      i++;
    }
    return new IntervalSeries(like.meter(), like.obis(), like.unit(), t, v, st);
  }

  public List<Part> parts() {
    return parts;
  }

  /** Rows to stage (unique keys). */
  public long stagedRows() {
    long n = 0;
    for (Part p : parts) {
      n += p.series().size();
    }
    return n;
  }

  public long offered() {
    return offered;
  }

  /** Rows repeated within the call with the same value. */
  public long inCallDuplicates() {
    return duplicates;
  }

  /** Rows repeated within the call with a different value. */
  public List<Conflict> inCallConflicts() {
    return conflicts;
  }

  /** Distinct calendar months (UTC, as epoch seconds of the month start) the rows fall in. */
  public java.util.SortedSet<Instant> monthsUtc() {
    java.util.TreeSet<Instant> months = new java.util.TreeSet<>();
    for (Part p : parts) {
      long[] t = p.series().epochSeconds();
      months.add(monthStart(t[0]));
      months.add(monthStart(t[t.length - 1]));
      // a series spanning more than two months: add the ones in between
      Instant m = monthStart(t[0]);
      Instant last = monthStart(t[t.length - 1]);
      while (m.isBefore(last)) {
        m = m.atOffset(java.time.ZoneOffset.UTC).plusMonths(1).toInstant();
        months.add(m);
      }
    }
    return months;
  }

  private static Instant monthStart(long epochSecond) {
    return Instant.ofEpochSecond(epochSecond)
        .atOffset(java.time.ZoneOffset.UTC)
        .withDayOfMonth(1)
        .truncatedTo(java.time.temporal.ChronoUnit.DAYS)
        .toInstant();
  }
}
