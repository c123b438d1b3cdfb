package io.loadlens.server.testing;

import io.loadlens.model.EstimationMethod;
import io.loadlens.model.IntervalSeries;
import io.loadlens.model.MeterEvent;
import io.loadlens.model.MeterId;
import io.loadlens.model.MeterInfo;
import io.loadlens.model.OperatorCode;
import io.loadlens.model.Quality;
import io.loadlens.model.Unit;
import io.loadlens.model.ValidatedSeries;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The {@link SampleData} year (MTR0001-MTR0003, read up to 2024-12-30 23:45) as the collector
 * leaves it at {@link #NOW}, plus:
 *
 * <ul>
 *   <li>{@link #FAILING} MTR0002: read on time, but a hardware fault (0x01) 5 h before now;
 *   <li>{@link #STALE} MTR0004: last capture 2024-12-19 23:45, an authentication failure (0x05) on
 *       12-28 and a timeout on 12-29;
 *   <li>{@link #NEVER_READ} MTR0005: registered, no readings, no events;
 *   <li>MTR0003: a missing profile entry (0x09) on 12-30;
 *   <li>MTR0001: an outage on 2024-06-10 and a gap on 2024-09-01 (drawn as bands).
 * </ul>
 *
 * In the 7 days up to now there are 4 errors 0x01 (3 meters), 4 errors 0x05, 1 error 0x09 and 1
 * TIMEOUT; in the last 24 h only MTR0002 failed.
 */
public final class CollectedFleet {

  public static final Instant NOW = Instant.parse("2024-12-31T06:00:00Z");
  public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  public static final MeterId FAILING = MeterId.of("MTR0002");
  public static final MeterId STALE = MeterId.of("MTR0004");
  public static final MeterId NEVER_READ = MeterId.of("MTR0005");

  private CollectedFleet() {}

  public static InMemoryStore create() {
    InMemoryStore store = new InMemoryStore();
    SampleData.fill(store, 3, 365);
    for (MeterId id : List.of(STALE, NEVER_READ)) {
      store.upsertMeters(
          List.of(
              new MeterInfo(id, "south", "F1", "T1", 9.2, ZoneId.of("Europe/Brussels"), Map.of())));
    }
    readUntil(store, STALE, Instant.parse("2024-12-01T00:00:00Z"), 19);
    store.recordEvents(
        List.of(
            event(
                FAILING,
                MeterEvent.Kind.HARDWARE_FAULT,
                "2024-12-31T01:00:00Z",
                "2024-12-31T01:15:00Z",
                OperatorCode.HARDWARE_FAULT,
                "critical error status (ERR) in 1-0:99.1.0.255"),
            event(
                STALE,
                MeterEvent.Kind.READ_FAILURE,
                "2024-12-28T02:00:00Z",
                "2024-12-28T02:01:00Z",
                OperatorCode.AUTHENTICATION_FAILURE,
                "association rejected: authentication failure (after 1 attempts)"),
            event(
                STALE,
                MeterEvent.Kind.READ_FAILURE,
                "2024-12-29T02:00:00Z",
                "2024-12-29T02:03:00Z",
                OperatorCode.TIMEOUT,
                "no answer within 30 s (after 3 attempts)"),
            event(
                MeterId.of("MTR0003"),
                MeterEvent.Kind.GAP,
                "2024-12-30T12:00:00Z",
                "2024-12-30T12:15:00Z",
                OperatorCode.PROFILE_ENTRY_MISSING,
                "no entry for capture time 2024-12-30T12:00:00Z in 1-0:99.1.0.255"),
            event(
                MeterId.of("MTR0001"),
                MeterEvent.Kind.OUTAGE,
                "2024-06-10T08:00:00Z",
                "2024-06-10T14:00:00Z",
                null,
                "power down (PDN) for 6 h"),
            event(
                MeterId.of("MTR0001"),
                MeterEvent.Kind.GAP,
                "2024-09-01T00:00:00Z",
                "2024-09-01T06:00:00Z",
                OperatorCode.PROFILE_ENTRY_MISSING,
                "24 intervals missing")));
    return store;
  }

  private static MeterEvent event(
      MeterId meter,
      MeterEvent.Kind kind,
      String start,
      String end,
      OperatorCode code,
      String detail) {
    return new MeterEvent(meter, kind, Instant.parse(start), Instant.parse(end), code, detail);
  }

  /** Raw and validated (all valid) 15-minute data of {@code days} days from {@code start}. */
  private static void readUntil(InMemoryStore store, MeterId id, Instant start, int days) {
    int n = days * 96;
    long[] t = new long[n];
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = start.getEpochSecond() + (long) i * SampleData.STEP;
      v[i] = 80 + 40 * Math.sin(i * Math.PI / 48);
    }
    store.putRaw(new IntervalSeries(id, SampleData.OBIS, Unit.WATT_HOUR, t, v, new int[n]));
    Quality[] q = new Quality[n];
    Arrays.fill(q, Quality.VALID);
    store.replaceValidated(
        new ValidatedSeries(
            id,
            SampleData.OBIS,
            Unit.WATT_HOUR,
            SampleData.STEP,
            t,
            v,
            q,
            new EstimationMethod[n],
            new long[n],
            "vee-1"));
  }
}
