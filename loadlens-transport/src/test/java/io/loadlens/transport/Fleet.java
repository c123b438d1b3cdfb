package io.loadlens.transport;

import io.loadlens.model.IntervalSeries;
import io.loadlens.model.MeterId;
import io.loadlens.model.ObisCode;
import io.loadlens.model.ProfileStatus;
import io.loadlens.model.ReadingBatch;
import io.loadlens.model.Unit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/** A synthetic fleet: meters read every day, 96 quarter-hour rows per read, with ground truth. */
public final class Fleet {
  public static final Instant START = Instant.parse("2024-03-01T00:00:00Z");

  private Fleet() {}

  /** {@code meters × reads} batches of {@code rows} 15-minute rows each, in read order. */
  public static List<ReadingBatch> batches(int meters, int reads, int rows, long seed) {
    Random rnd = new Random(seed);
    List<ReadingBatch> out = new ArrayList<>();
    for (int r = 0; r < reads; r++) {
      for (int m = 0; m < meters; m++) {
        MeterId meter = MeterId.of(String.format("E%07d", m));
        long[] t = new long[rows];
        double[] v = new double[rows];
        int[] st = new int[rows];
        long base = START.getEpochSecond() + (long) r * rows * 900;
        for (int i = 0; i < rows; i++) {
          t[i] = base + i * 900L;
          v[i] = Math.round(rnd.nextDouble() * 400_000) / 1000.0;
          st[i] = rnd.nextInt(50) == 0 ? ProfileStatus.POWER_DOWN : 0;
        }
        IntervalSeries s =
            new IntervalSeries(
                meter, ObisCode.ACTIVE_ENERGY_IMPORT_INTERVAL, Unit.WATT_HOUR, t, v, st);
        out.add(
            new ReadingBatch(
                new UUID(seed, (long) r * meters + m),
                meter,
                "dlms",
                Instant.ofEpochSecond(t[rows - 1] + 62),
                List.of(s)));
      }
    }
    return out;
  }

  /** The ground truth: every row keyed by meter, OBIS and capture time. */
  public static Map<MemorySink.Key, Double> truth(List<ReadingBatch> batches) {
    Map<MemorySink.Key, Double> m = new HashMap<>();
    for (ReadingBatch b : batches) {
      MemorySink.put(m, b);
    }
    return m;
  }
}
