package io.loadlens.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadlens.collector.bench.LocalFleet;
import io.loadlens.collector.bench.SyntheticMeter;
import io.loadlens.collector.config.FleetConfig;
import io.loadlens.collector.config.MeterConfig;
import io.loadlens.collector.dlms.DlmsMeterReader;
import io.loadlens.collector.testing.MutableClock;
import io.loadlens.model.IntervalSeries;
import io.loadlens.model.MeterEvent;
import io.loadlens.model.MeterId;
import io.loadlens.model.ObisCode;
import io.loadlens.model.OperatorCode;
import io.loadlens.model.ProfileStatus;
import io.loadlens.model.ReadingBatch;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads real DLMS/COSEM meters (the loadlens server engine on loopback, HLS-GMAC) with faults, then
 * reads again after the faults heal, and compares the store with the meters' ground truth.
 */
class DlmsEndToEndTest {
  static final Instant START = Instant.parse("2025-03-10T12:07:00Z");
  static final int N = 12;
  static final int STALL = 8;
  static final int DROP = 9;
  static final int WRONG_KEY = 10;
  static final int FAULTY = 11;
  static final int OUTAGE = 2;

  /** TIMEOUT_VAL: generous for a loaded build machine; the stalled meter never answers anyway. */
  static final Duration TIMEOUT = Duration.ofSeconds(2);

  @TempDir Path state;
  final MutableClock clock = new MutableClock(START);
  final LocalFleet fleet = LocalFleet.start(N, clock);
  final IdempotentStore store = new IdempotentStore();
  final List<MeterEvent> events = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    fleet.close();
  }

  /** An in-memory store keyed by meter, OBIS and capture time, counting re-deliveries. */
  static final class IdempotentStore implements ReadingSink, CaptureTimeSource {
    final Map<String, Double> rows = new ConcurrentHashMap<>();
    final Map<MeterId, Long> last = new ConcurrentHashMap<>();
    final AtomicLong redelivered = new AtomicLong();

    @Override
    public void accept(ReadingBatch batch) {
      for (IntervalSeries s : batch.series()) {
        for (int i = 0; i < s.size(); i++) {
          String key = s.meter() + "|" + s.obis() + "|" + s.epochSeconds()[i];
          if (rows.put(key, s.values()[i]) != null) {
            redelivered.incrementAndGet();
          }
          last.merge(s.meter(), s.epochSeconds()[i], Math::max);
        }
      }
    }

    @Override
    public Optional<Instant> lastCaptureTime(MeterId meter, ObisCode profile) {
      return Optional.ofNullable(last.get(meter)).map(Instant::ofEpochSecond);
    }
  }

  FleetCollector collector(FleetConfig config) {
    return FleetCollector.builder(config, new DlmsMeterReader(LocalFleet.CLIENT_TITLE), state)
        .clock(clock)
        .settings(
            CollectorSettings.STANDARD
                .withInitialDays(1)
                .withBackoff(Duration.ofMillis(20), Duration.ofMillis(100)))
        .captureTimes(store)
        .readings(store)
        .events(events::add)
        .build();
  }

  FleetConfig config(boolean wrongKey) {
    FleetConfig good = fleet.fleetConfig(TIMEOUT, 1);
    if (!wrongKey) {
      return good;
    }
    List<MeterConfig> meters = new ArrayList<>(good.meters());
    meters.set(
        WRONG_KEY,
        fleet.meterConfig(fleet.member(WRONG_KEY), TIMEOUT, 1, LocalFleet.key("other", 0)));
    return new FleetConfig(good.clientSystemTitle(), meters);
  }

  static long slot(String t) {
    return Instant.parse(t).getEpochSecond();
  }

  @Test
  void readsHealthyMetersReportsFaultyOnesAndTheNextPassFillsWhatWasMissed() {
    long outageFrom = slot("2025-03-10T03:00:00Z");
    long outageTo = slot("2025-03-10T04:00:00Z");
    fleet.member(OUTAGE).data().missing(t -> t >= outageFrom && t < outageTo);
    fleet.member(STALL).faults().stall = true;
    fleet.member(DROP).faults().drop = true;
    fleet.member(FAULTY).data().statusBits(ProfileStatus.CRITICAL_ERROR);

    PassSummary first = collector(config(true)).runPass();

    assertThat(first.ok()).isEqualTo(8);
    assertThat(first.failedByCode())
        .isEqualTo(
            Map.of(
                OperatorCode.TIMEOUT, 1,
                OperatorCode.CONNECTION_LOST, 1,
                OperatorCode.AUTHENTICATION_FAILURE, 1,
                OperatorCode.HARDWARE_FAULT, 1));
    assertThat(first.gaps()).isEqualTo(4);
    assertThat(events)
        .filteredOn(e -> e.kind() == MeterEvent.Kind.GAP)
        .allSatisfy(e -> assertThat(e.code()).isEqualTo(OperatorCode.PROFILE_ENTRY_MISSING))
        .extracting(e -> e.start().getEpochSecond())
        .containsExactlyInAnyOrder(outageFrom, outageFrom + 900, outageFrom + 1800, outageTo - 900);
    assertThat(store.last).containsKey(fleet.member(FAULTY).id());

    // two hours later the faults are gone and the key is corrected
    clock.advance(Duration.ofHours(2));
    fleet.member(STALL).faults().stall = false;
    fleet.member(DROP).faults().drop = false;
    fleet.member(FAULTY).data().statusBits(0);
    PassSummary second = collector(config(false)).runPass();

    assertThat(second.ok()).isEqualTo(N);
    assertThat(second.gaps()).isZero();
    assertThat(store.redelivered.get()).isZero();
    Map<String, Double> truth = groundTruth(outageFrom, outageTo);
    assertThat(new java.util.TreeSet<>(store.rows.keySet()))
        .as("lost intervals")
        .containsAll(truth.keySet());
    assertThat(new java.util.TreeSet<>(truth.keySet()))
        .as("intervals the meters never had")
        .containsAll(store.rows.keySet());
    assertThat(store.rows).isEqualTo(truth);
  }

  Map<String, Double> groundTruth(long outageFrom, long outageTo) {
    Map<String, Double> truth = new ConcurrentHashMap<>();
    long to = clock.instant().getEpochSecond();
    for (LocalFleet.Member m : fleet.members()) {
      // meters never read before the second pass start at that pass's initial_days horizon
      boolean firstReadLate = m.index() == STALL || m.index() == DROP || m.index() == WRONG_KEY;
      long from = firstReadLate ? slot("2025-03-09T14:00:00Z") : slot("2025-03-09T12:00:00Z");
      for (long t = from; t <= to; t += SyntheticMeter.PERIOD) {
        if (m.index() == OUTAGE && t >= outageFrom && t < outageTo) {
          continue;
        }
        truth.put(
            m.id() + "|" + ObisCode.ACTIVE_ENERGY_IMPORT + "|" + t,
            (double) SyntheticMeter.energy(m.index(), t));
      }
    }
    return truth;
  }
}
