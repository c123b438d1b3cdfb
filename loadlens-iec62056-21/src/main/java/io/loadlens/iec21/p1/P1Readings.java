package io.loadlens.iec21.p1;

import io.loadlens.model.IntervalSeries;
import io.loadlens.model.MeterId;
import io.loadlens.model.ObisCode;
import io.loadlens.model.ReadingBatch;
import io.loadlens.model.Unit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** Turns decoded P1 telegrams into the readings loadlens carries and stores. */
public final class P1Readings {
  private P1Readings() {}

  /**
   * One batch with a series per OBIS code of the telegram. Values with their own capture time
   * (M-Bus devices, demand history) keep it; a code that appears at several times (e-MUCS history)
   * becomes a series of several rows.
   */
  public static ReadingBatch toBatch(MeterId meter, P1Telegram telegram, Instant readAt) {
    Map<ObisCode, TreeMap<Long, P1Value>> byObis = new TreeMap<>();
    for (P1Value v : telegram.values()) {
      byObis
          .computeIfAbsent(v.obis(), k -> new TreeMap<>())
          .putIfAbsent(v.time().toEpochSecond(), v);
    }
    List<IntervalSeries> series = new ArrayList<>();
    for (Map.Entry<ObisCode, TreeMap<Long, P1Value>> e : byObis.entrySet()) {
      TreeMap<Long, P1Value> rows = e.getValue();
      long[] times = new long[rows.size()];
      double[] values = new double[rows.size()];
      Unit unit = rows.firstEntry().getValue().unit();
      int i = 0;
      for (Map.Entry<Long, P1Value> r : rows.entrySet()) {
        times[i] = r.getKey();
        values[i++] = r.getValue().value();
      }
      series.add(IntervalSeries.of(meter, e.getKey(), unit, times, values));
    }
    return new ReadingBatch(
        UUID.nameUUIDFromBytes(key(meter, telegram)), meter, "p1", readAt, series);
  }

  /** A stable batch id: the same telegram re-sent gets the same id. */
  private static byte[] key(MeterId meter, P1Telegram t) {
    return (meter
            + "|"
            + t.timestamp().map(Object::toString).orElse("")
            + "|"
            + t.crc().expected()
            + "|"
            + t.values().size())
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }
}
