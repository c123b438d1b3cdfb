package io.loadlens.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadlens.collector.config.FleetConfig;
import io.loadlens.collector.config.FleetDefaults;
import io.loadlens.collector.config.FleetFiles;
import io.loadlens.collector.dlms.DlmsMeterReader;
import io.loadlens.collector.testing.MutableClock;
import io.loadlens.dlms.client.Framing;
import io.loadlens.dlms.client.SecurityLevel;
import io.loadlens.model.IntervalSeries;
import io.loadlens.model.MeterEvent;
import io.loadlens.model.MeterId;
import io.loadlens.model.ObisCode;
import io.loadlens.model.OperatorCode;
import io.loadlens.model.ReadingBatch;
import io.loadlens.simulator.FleetMeter;
import io.loadlens.simulator.FleetSpec;
import io.loadlens.simulator.SimulatedFleet;
import io.loadlens.simulator.fault.FaultKind;
import io.loadlens.simulator.fault.FaultSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads the real simulator (loadlens-simulator, in this JVM) with every named fault, through the
 * fleet file it writes, then reads again and compares the store with what the meters hold.
 */
class SimulatorEndToEndTest {
  static final Instant START = Instant.parse("2025-03-10T12:07:00Z");
  static final int DAYS = 10;

  @TempDir Path work;
  @TempDir Path state;
  final MutableClock clock = new MutableClock(START);
  final Map<String, Boolean> store = new ConcurrentHashMap<>();
  final Map<MeterId, Long> last = new ConcurrentHashMap<>();
  final AtomicLong redelivered = new AtomicLong();
  final List<MeterEvent> events = new CopyOnWriteArrayList<>();
  final Map<MeterId, MeterOutcome> outcomes = new ConcurrentHashMap<>();

  void store(ReadingBatch b) {
    for (IntervalSeries s : b.series()) {
      for (long t : s.epochSeconds()) {
        if (store.put(s.meter() + "|" + s.obis() + "|" + t, true) != null) {
          redelivered.incrementAndGet();
        }
        last.merge(s.meter(), t, Math::max);
      }
    }
  }

  /**
   * One pass with TIMEOUT_VAL 4 s: above what a healthy meter needs on a loaded machine, below the
   * simulator's 7 s stall.
   */
  PassSummary pass(Path fleetFile, int retries) {
    FleetConfig fleet =
        FleetFiles.read(fleetFile, new FleetDefaults(Duration.ofSeconds(4), retries, 15));
    outcomes.clear();
    return FleetCollector.builder(fleet, new DlmsMeterReader(fleet.clientSystemTitle()), state)
        .clock(clock)
        .settings(
            CollectorSettings.STANDARD
                .withInitialDays(DAYS + 1)
                .withBackoff(Duration.ofMillis(10), Duration.ofMillis(50)))
        .captureTimes((m, p) -> Optional.ofNullable(last.get(m)).map(Instant::ofEpochSecond))
        .readings(this::store)
        .events(events::add)
        .listener(
            new CollectionListener() {
              @Override
              public void meterFinished(MeterOutcome o) {
                outcomes.put(o.meter(), o);
              }
            })
        .build()
        .runPass();
  }

  @Test
  void readsHealthyMetersReportsEachFaultWithItsCodeAndTheNextPassFillsWhatWasMissed() {
    Map<MeterId, Set<FaultKind>> pins = new LinkedHashMap<>();
    int n = 1;
    for (FaultKind k : FaultKind.values()) {
      pins.put(MeterId.of(String.format("SIM-%05d", n++)), Set.of(k));
    }
    int meters = n + 3; // three healthy meters after the faulty ones
    String first =
        "127."
            + ThreadLocalRandom.current().nextInt(60, 200)
            + "."
            + ThreadLocalRandom.current().nextInt(1, 250)
            + ".1";
    FleetSpec spec =
        new FleetSpec(
            meters,
            DAYS,
            15,
            SecurityLevel.HLS_GMAC,
            Framing.WRAPPER,
            first,
            FleetSpec.DLMS_PORT,
            new FaultSpec(Map.of(), pins),
            42,
            ZoneOffset.UTC);

    try (SimulatedFleet sim = SimulatedFleet.start(spec, clock, work)) {
      Map<MeterId, Set<FaultKind>> faults = new HashMap<>();
      for (FleetMeter m : sim.meters()) {
        faults.put(m.identity().id(), sim.groundTruth().faults(m.identity().id()));
      }

      PassSummary one = pass(sim.fleetFile(), 0);

      assertThat(one.meters()).isEqualTo(meters);
      for (var e : faults.entrySet()) {
        MeterOutcome o = outcomes.get(e.getKey());
        Set<FaultKind> f = e.getValue();
        String why = e.getKey() + " " + f + " -> " + o;
        if (f.contains(FaultKind.WRONG_KEY)) {
          assertThat(o.code()).as(why).contains(OperatorCode.AUTHENTICATION_FAILURE);
        } else if (f.contains(FaultKind.OFFLINE)) {
          assertThat(o.code()).as(why).contains(OperatorCode.CONNECTION_FAILED);
        } else if (java.util.Collections.disjoint(f, FaultPolicyKinds)) {
          // data faults: what the meter holds decides the code
          Expected x = expected(sim, e.getKey());
          assertThat(o.rows()).as(why).isEqualTo(x.rows());
          assertThat(o.gaps()).as(why).isEqualTo(x.gaps());
          assertThat(o.faultRows()).as(why).isEqualTo(x.faultRows());
          assertThat(o.code()).as(why).isEqualTo(x.code());
          dataFaultsSeen.addAll(f);
          gapsSeen += x.gaps();
        } else if (f.contains(FaultKind.SLOW)) {
          assertThat(o.code()).as(why).contains(OperatorCode.TIMEOUT);
        } else if (f.contains(FaultKind.DROP_MID_BLOCK)) {
          assertThat(o.code()).as(why).contains(OperatorCode.CONNECTION_LOST);
        } else if (f.contains(FaultKind.CORRUPT_FCS)) {
          assertThat(o.ok()).as(why).isFalse();
        }
      }
      assertThat(dataFaultsSeen)
          .contains(FaultKind.OUTAGE, FaultKind.MISSING_ENTRIES, FaultKind.HARDWARE_FAULT);
      assertThat(gapsSeen).isPositive();
      assertThat(events)
          .filteredOn(e -> e.kind() == MeterEvent.Kind.GAP)
          .hasSize(gapsSeen)
          .allSatisfy(e -> assertThat(e.code()).isEqualTo(OperatorCode.PROFILE_ENTRY_MISSING));

      clock.advance(Duration.ofHours(1));
      PassSummary two = pass(sim.fleetFile(), 2);

      Map<OperatorCode, Integer> failed = new HashMap<>(two.failedByCode());
      // the hardware fault persists: its new rows still carry ERR and are delivered
      assertThat(failed.remove(OperatorCode.HARDWARE_FAULT)).isEqualTo(1);
      assertThat(failed)
          .as("%s", outcomes.values().stream().filter(o -> !o.ok()).toList())
          .isEqualTo(
              Map.of(OperatorCode.AUTHENTICATION_FAILURE, 1, OperatorCode.CONNECTION_FAILED, 1));
      assertThat(redelivered.get()).isZero();
      assertThat(store.keySet()).isEqualTo(truth(sim, faults));
    }
  }

  @Test
  void aCollectorThatLostItsInvocationCountersReadsItsHlsMetersAgainInTheSamePass()
      throws Exception {
    String first = "127." + ThreadLocalRandom.current().nextInt(60, 200) + ".251.1";
    FleetSpec spec = FleetSpec.of(3, 2, 7).withFirstAddress(first); // HLS-GMAC over the wrapper
    try (SimulatedFleet sim = SimulatedFleet.start(spec, clock, work)) {
      assertThat(pass(sim.fleetFile(), 0).failedByCode()).isEmpty();
      Path counters = state.resolve("invocation-counters");
      Map<String, Long> before = new HashMap<>();
      try (var files = java.nio.file.Files.list(counters)) {
        for (Path f : files.toList()) {
          before.put(
              f.getFileName().toString(),
              Long.parseLong(java.nio.file.Files.readString(f).strip()));
          java.nio.file.Files.delete(f); // the state directory is lost
        }
      }
      assertThat(before).hasSize(3).allSatisfy((m, c) -> assertThat(c).isPositive());

      clock.advance(Duration.ofHours(1));
      PassSummary again = pass(sim.fleetFile(), 0);

      // each meter refused counter 0, its public client said where it stands, and the session
      // above it read the new hour
      assertThat(again.failedByCode()).isEmpty();
      assertThat(outcomes.values()).allSatisfy(o -> assertThat(o.rows()).isPositive());
      for (var e : before.entrySet()) {
        long now =
            Long.parseLong(java.nio.file.Files.readString(counters.resolve(e.getKey())).strip());
        assertThat(now).as(e.getKey()).isGreaterThan(e.getValue());
      }
    }
  }

  static final Set<FaultKind> FaultPolicyKinds =
      Set.of(FaultKind.SLOW, FaultKind.DROP_MID_BLOCK, FaultKind.CORRUPT_FCS);

  final Set<FaultKind> dataFaultsSeen = new HashSet<>();
  int gapsSeen;

  record Expected(int rows, int gaps, int faultRows, Optional<OperatorCode> code) {}

  /** What a first read of the meter must find: holes between its first and last row, ERR rows. */
  Expected expected(SimulatedFleet sim, MeterId id) {
    FleetMeter m =
        sim.meters().stream().filter(x -> x.identity().id().equals(id)).findFirst().orElseThrow();
    var profile = m.data().profiles().get(0);
    var rows =
        m.data().rows(profile.obis(), START.minus(Duration.ofDays(DAYS + 1)), clock.instant());
    long[] t = rows.epochSeconds();
    int period = profile.capturePeriodSeconds();
    int gaps = t.length == 0 ? 0 : (int) ((t[t.length - 1] - t[0]) / period + 1 - t.length);
    int err = 0;
    for (int st : rows.status()) {
      err += (st & io.loadlens.model.ProfileStatus.CRITICAL_ERROR) != 0 ? 1 : 0;
    }
    Optional<OperatorCode> code =
        err > 0
            ? Optional.of(OperatorCode.HARDWARE_FAULT)
            : gaps > 0 ? Optional.of(OperatorCode.PROFILE_ENTRY_MISSING) : Optional.empty();
    return new Expected(t.length, gaps, err, code);
  }

  /** Every row every readable meter holds from the initial horizon to now, by meter, OBIS, time. */
  Set<String> truth(SimulatedFleet sim, Map<MeterId, Set<FaultKind>> faults) {
    Set<String> keys = new HashSet<>();
    Instant from = START.minus(Duration.ofDays(DAYS + 1));
    for (FleetMeter m : sim.meters()) {
      Set<FaultKind> f = faults.get(m.identity().id());
      if (f.contains(FaultKind.WRONG_KEY) || f.contains(FaultKind.OFFLINE)) {
        continue;
      }
      var profile = m.data().profiles().get(0);
      var rows = m.data().rows(profile.obis(), from, clock.instant());
      for (long t : rows.epochSeconds()) {
        for (var col : profile.columns()) {
          keys.add(m.identity().id() + "|" + col.obis() + "|" + t);
        }
      }
    }
    return keys;
  }

  static ObisCode lp() {
    return ObisCode.LOAD_PROFILE_1;
  }
}
