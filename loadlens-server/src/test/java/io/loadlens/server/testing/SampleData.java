package io.loadlens.server.testing;

import io.loadlens.model.EstimationMethod;
import io.loadlens.model.IntervalSeries;
import io.loadlens.model.MeterEvent;
import io.loadlens.model.MeterId;
import io.loadlens.model.MeterInfo;
import io.loadlens.model.ObisCode;
import io.loadlens.model.OperatorCode;
import io.loadlens.model.ProfileStatus;
import io.loadlens.model.Quality;
import io.loadlens.model.Unit;
import io.loadlens.model.ValidatedSeries;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * Fills a store with a small deterministic fleet: 15-minute household curves, VEE, events,
 * insights.
 */
public final class SampleData {

  public static final ObisCode OBIS = ObisCode.ACTIVE_ENERGY_IMPORT_INTERVAL;
  public static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
  public static final int STEP = 900;

  private SampleData() {}

  public static List<MeterId> fill(InMemoryStore store, int meters, int days) {
    List<MeterId> ids = new java.util.ArrayList<>();
    for (int m = 0; m < meters; m++) {
      MeterId id = MeterId.of(String.format("MTR%04d", m + 1));
      ids.add(id);
      store.upsertMeters(
          List.of(
              new MeterInfo(
                  id,
                  m % 2 == 0 ? "north" : "south",
                  "F" + (m % 3),
                  "T" + (m % 5),
                  9.2,
                  ZoneId.of("Europe/Brussels"),
                  Map.of("maker", "acme"))));
      int n = days * 96;
      long[] t = new long[n];
      double[] v = new double[n];
      int[] st = new int[n];
      for (int i = 0; i < n; i++) {
        t[i] = START.getEpochSecond() + (long) i * STEP;
        double hour = (i % 96) / 4.0;
        double evening = Math.exp(-Math.pow(hour - 19 - m % 3, 2) / 4);
        double morning = 0.5 * Math.exp(-Math.pow(hour - 7.5, 2) / 2);
        v[i] =
            Math.round((60 + 250 * evening + 150 * morning + 20 * Math.sin(i * 0.37 + m)) * 10)
                / 10.0;
      }
      st[10] = ProfileStatus.POWER_DOWN;
      store.putRaw(new IntervalSeries(id, OBIS, Unit.WATT_HOUR, t, v, st));
      Quality[] q = new Quality[n];
      EstimationMethod[] em = new EstimationMethod[n];
      double[] vv = v.clone();
      java.util.Arrays.fill(q, Quality.VALID);
      for (int i = 40; i < 44; i++) {
        q[i] = Quality.ESTIMATED;
        em[i] = EstimationMethod.INTERPOLATED;
      }
      q[50] = Quality.MISSING;
      vv[50] = Double.NaN;
      store.replaceValidated(
          new ValidatedSeries(id, OBIS, Unit.WATT_HOUR, STEP, t, vv, q, em, new long[n], "vee-1"));
      store.recordEvents(
          List.of(
              new MeterEvent(
                  id,
                  MeterEvent.Kind.GAP,
                  START.plusSeconds(50L * STEP),
                  START.plusSeconds(51L * STEP),
                  OperatorCode.PROFILE_ENTRY_MISSING,
                  "1 interval missing"),
              new MeterEvent(
                  id,
                  MeterEvent.Kind.READ_FAILURE,
                  START.plusSeconds(3600),
                  START.plusSeconds(3600),
                  m == 0 ? OperatorCode.AUTHENTICATION_FAILURE : OperatorCode.TIMEOUT,
                  "read failed")));
      if (days > 30) {
        Instant late = START.plusSeconds((long) (n - 96 * (m + 1)) * STEP);
        store.recordEvents(
            List.of(
                new MeterEvent(
                    id,
                    MeterEvent.Kind.HARDWARE_FAULT,
                    late,
                    late,
                    OperatorCode.HARDWARE_FAULT,
                    "critical error bit"),
                new MeterEvent(
                    id,
                    MeterEvent.Kind.READ_FAILURE,
                    late.plusSeconds(7200),
                    late.plusSeconds(7200),
                    OperatorCode.AUTHENTICATION_FAILURE,
                    "GMAC tag mismatch")));
      }
      store.putInsight(id.value(), "consumer", consumerDoc(id), START.plusSeconds((long) n * STEP));
      store.putInsight(
          id.value(),
          "segment",
          "{\"segment\":0,\"label\":\"evening peakers, out 08:00–18:00 on weekdays\",\"size\":2,"
              + "\"consumers\":3,\"meanAnnualKwh\":3657.0}",
          START.plusSeconds((long) n * STEP));
    }
    store.putInsight("fleet", "fleet", FLEET_DOC, START.plusSeconds((long) days * 86400));
    return ids;
  }

  static String consumerDoc(MeterId id) {
    return """
        {"meter":"%s","consumption":{"totalKwh":1234.5,"dailyMeanKwh":3.4},
         "baseLoad":{"watts":180.0},"loadFactor":0.31,
         "peaks":[{"time":"2024-01-03T18:45:00Z","kw":3.9},{"time":"2024-01-05T19:00:00Z","kw":3.6}],
         "appliances":[{"name":"heat pump","confidence":0.82,"evidence":"winter-only 2 kW cycles"},
                       {"name":"EV charger","confidence":0.4,"evidence":"7 kW blocks at night"}],
         "anomalies":[{"start":"2024-01-04T02:00:00Z","end":"2024-01-04T04:00:00Z","score":4.2,"description":"night load 3x usual"}],
         "tariffs":[{"name":"flat","annualCost":410.2},{"name":"time-of-use","annualCost":372.9}],
         "battery":{"capacityKwh":5,"annualSavings":61.5,"selfConsumptionGain":0.18},
         "typicalDays":{"weekday":[0.2,0.2,0.2,0.2,0.2,0.3,0.5,0.7,0.5,0.3,0.3,0.3,0.3,0.3,0.3,0.4,0.5,0.8,1.2,1.4,1.1,0.8,0.5,0.3],
                        "weekend":[0.3,0.2,0.2,0.2,0.2,0.2,0.3,0.5,0.7,0.8,0.7,0.6,0.6,0.5,0.5,0.5,0.6,0.8,1.1,1.2,1.0,0.8,0.6,0.4]},
         "extra":{"note":"new field"}}
        """
        .formatted(id.value());
  }

  static final String FLEET_DOC =
      """
      {"consumers":3,"segmentation":{"criterion":"shape","k":2,"silhouette":0.61,"segments":[{"id":0,"label":"evening peakers","size":2,"peakHour":19,"centroidShape":[0.2,0.2,0.2,0.2,0.2,0.3,0.5,0.6,0.4,0.3,0.3,0.3,0.3,0.3,0.3,0.4,0.6,0.9,1.3,1.4,1.1,0.8,0.5,0.3],
                    "routineShape":[0.1,0.1,0.1,0.1,0.1,0.2,1.4,1.4,0.1,0.1,0.1,0.1,0.1,0.1,0.1,0.1,0.2,0.4,2.4,2.4,2.4,2.4,1.5,0.3,0.1,0.1,0.1,0.1,0.1,0.2,0.3,0.8,1.2,1.0,0.9,0.8,0.9,0.8,0.8,0.8,0.9,1.0,2.3,2.4,2.4,2.4,1.6,0.4]},
                   {"id":1,"label":"flat","size":1,"peakHour":12,"centroidShape":[0.5,0.5,0.5,0.5,0.5,0.5,0.5,0.5,0.5,0.5,0.5,0.5,0.5,0.5,0.5,0.5,0.5,0.5,0.5,0.5,0.5,0.5,0.5,0.5]}]},
       "forecast":{"method":"similar-day","forDay":"2024-01-11","kwBySlot":[12.1,11.4,10.9,10.2,9.8,10.5,13.0,16.2],"backtestDays":14,"mapePercent":8.1,"nmaePercent":6.4},
       "coincidentPeak":{"time":"2024-01-03T18:45:00Z","kw":9.5}}
      """;
}
