package io.loadlens.iec21.p1;

import io.loadlens.model.IntervalSeries;
import io.loadlens.model.MeterId;
import io.loadlens.model.ObisCode;
import io.loadlens.model.ReadingBatch;
import io.loadlens.model.Unit;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Builds load-profile rows from the P1 stream a meter sends every 1 to 10 seconds: at each capture
 * period boundary, the cumulative import and export registers of the first telegram at or after the
 * boundary become the row for that boundary, as a DLMS meter's load profile would hold them. Not
 * thread-safe: one accumulator per meter, fed in telegram order.
 */
public final class P1ProfileAccumulator {
  private final MeterId meter;
  private final long periodSeconds;
  private long lastBoundary = Long.MIN_VALUE;

  public P1ProfileAccumulator(MeterId meter, int periodMinutes) {
    if (periodMinutes <= 0 || 60 % periodMinutes != 0 && periodMinutes % 60 != 0) {
      throw new IllegalArgumentException(
          "P1 profile period " + periodMinutes + " min must divide an hour or be whole hours");
    }
    this.meter = meter;
    this.periodSeconds = periodMinutes * 60L;
  }

  /** Feeds a telegram; returns a profile row batch when it is the first at or after a boundary. */
  public Optional<ReadingBatch> accept(P1Telegram telegram) {
    if (telegram.timestamp().isEmpty()) {
      return Optional.empty();
    }
    long t = telegram.timestamp().get().toEpochSecond();
    long boundary = Math.floorDiv(t, periodSeconds) * periodSeconds;
    if (boundary <= lastBoundary) {
      return Optional.empty();
    }
    lastBoundary = boundary;
    Optional<IntervalSeries> imp = row(telegram, ObisCode.ACTIVE_ENERGY_IMPORT, boundary);
    Optional<IntervalSeries> exp = row(telegram, ObisCode.ACTIVE_ENERGY_EXPORT, boundary);
    List<IntervalSeries> series =
        java.util.stream.Stream.of(imp, exp).flatMap(Optional::stream).toList();
    if (series.isEmpty()) {
      return Optional.empty();
    }
    UUID id =
        UUID.nameUUIDFromBytes(
            (meter + "|profile|" + boundary).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return Optional.of(new ReadingBatch(id, meter, "p1", Instant.ofEpochSecond(t), series));
  }

  private Optional<IntervalSeries> row(P1Telegram t, ObisCode obis, long boundary) {
    return t.values().stream()
        .filter(v -> v.obis().equals(obis) && v.unit() == Unit.WATT_HOUR)
        .findFirst()
        .map(
            v ->
                IntervalSeries.of(
                    meter, obis, Unit.WATT_HOUR, new long[] {boundary}, new double[] {v.value()}));
  }
}
