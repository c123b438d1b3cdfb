package io.loadlens.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadlens.collector.config.FleetConfig;
import io.loadlens.collector.config.MeterConfig;
import io.loadlens.collector.config.MeterConfigBuilder;
import io.loadlens.collector.config.MeterKeys;
import io.loadlens.collector.config.Octets;
import io.loadlens.collector.testing.FakeMeters;
import io.loadlens.collector.testing.MutableClock;
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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FleetCollectorTest {
  static final Instant NOW = Instant.parse("2025-03-10T12:07:00Z");

  @TempDir Path state;
  final MutableClock clock = new MutableClock(NOW);
  final FakeMeters meters = new FakeMeters();
  final List<ReadingBatch> batches = new CopyOnWriteArrayList<>();
  final List<MeterEvent> events = new CopyOnWriteArrayList<>();

  static MeterConfig meter(String id, String group) {
    return new MeterConfigBuilder(MeterId.of(id), "127.0.0.1").group(group).build();
  }

  static FleetConfig fleet(int n, int groups) {
    List<MeterConfig> list = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      list.add(meter("M-" + i, groups == 0 ? "" : "g" + (i % groups)));
    }
    return new FleetConfig(null, list);
  }

  FleetCollector.Builder collector(FleetConfig fleet) {
    return FleetCollector.builder(fleet, meters, state)
        .clock(clock)
        .sleeper(clock.sleeper())
        .random(() -> 0.0)
        .readings(batches::add)
        .events(events::add)
        .settings(
            CollectorSettings.STANDARD
                .withInitialDays(1)
                .withBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30)));
  }

  @Test
  void readsEveryMeterAndDeliversOneDlmsBatchPerMeter() {
    PassSummary s = collector(fleet(20, 0)).build().runPass();

    assertThat(s.meters()).isEqualTo(20);
    assertThat(s.ok()).isEqualTo(20);
    assertThat(s.failed()).isZero();
    assertThat(batches).hasSize(20);
    assertThat(batches).allSatisfy(b -> assertThat(b.source()).isEqualTo("dlms"));
    assertThat(batches.get(0).series().get(0).obis()).isEqualTo(FakeMeters.ENERGY);
    // one day back from 12:07, aligned to 12:00 the day before: 97 capture times up to 12:00
    assertThat(batches.get(0).rowCount()).isEqualTo(97);
    assertThat(s.rows()).isEqualTo(20 * 97);
  }

  @Test
  void neverHasMoreThanMaxConnectionsSessionsOpen() {
    meters.sessionTime(Duration.ofMillis(3));
    PassSummary s =
        collector(fleet(200, 0))
            .sleeper(Sleeper.SYSTEM)
            .clock(java.time.Clock.systemUTC())
            .settings(CollectorSettings.STANDARD.withMaxConnections(4))
            .build()
            .runPass();

    assertThat(s.ok()).isEqualTo(200);
    assertThat(meters.maxOpen.get()).isBetween(1, 4);
  }

  @Test
  void neverHasMoreThanThePerGroupLimitOpenBehindOneGateway() {
    meters.sessionTime(Duration.ofMillis(3));
    PassSummary s =
        collector(fleet(120, 3))
            .sleeper(Sleeper.SYSTEM)
            .clock(java.time.Clock.systemUTC())
            .settings(
                CollectorSettings.STANDARD.withMaxConnections(100).withMaxConnectionsPerGroup(2))
            .build()
            .runPass();

    assertThat(s.ok()).isEqualTo(120);
    assertThat(meters.maxByGroup).containsOnlyKeys("g0", "g1", "g2");
    assertThat(meters.maxByGroup.values()).allSatisfy(m -> assertThat(m.get()).isBetween(1, 2));
  }

  @Test
  void retriesTimeoutsWithExponentialBackoffAndJitter() {
    MeterId id = MeterId.of("M-0");
    meters.failNextOpens(
        id,
        new ReadFailure(OperatorCode.TIMEOUT, "no answer to AARQ within 5000 ms"),
        new ReadFailure(OperatorCode.CONNECTION_FAILED, "connection refused"));

    PassSummary s = collector(fleet(1, 0)).build().runPass();

    assertThat(s.ok()).isEqualTo(1);
    // equal jitter with random 0: half of 1 s, then half of 2 s
    assertThat(clock.sleeps).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
    assertThat(meters.opens.get()).isEqualTo(3);
    assertThat(batches).hasSize(1);
  }

  @Test
  void givesUpAfterTheConfiguredRetriesAndReportsTheTimeout() {
    MeterId id = MeterId.of("M-0");
    ReadFailure timeout = new ReadFailure(OperatorCode.TIMEOUT, "no answer within 5000 ms");
    meters.failNextOpens(id, timeout, timeout, timeout, timeout);
    List<MeterOutcome> outcomes = new CopyOnWriteArrayList<>();

    PassSummary s =
        collector(fleet(1, 0))
            .listener(
                new CollectionListener() {
                  @Override
                  public void meterFinished(MeterOutcome o) {
                    outcomes.add(o);
                  }
                })
            .random(() -> 0.999)
            .build()
            .runPass();

    assertThat(s.failedByCode()).isEqualTo(Map.of(OperatorCode.TIMEOUT, 1));
    assertThat(outcomes.get(0).attempts()).isEqualTo(3); // 1 + retries (2)
    assertThat(outcomes.get(0).reason()).contains("no answer within 5000 ms");
    assertThat(clock.sleeps).hasSize(2);
    assertThat(clock.sleeps.get(1)).isGreaterThan(Duration.ofMillis(1990));
    assertThat(events)
        .singleElement()
        .satisfies(e -> assertThat(e.kind()).isEqualTo(MeterEvent.Kind.READ_FAILURE))
        .satisfies(e -> assertThat(e.code()).isEqualTo(OperatorCode.TIMEOUT));
    assertThat(batches).isEmpty();
  }

  @Test
  void neverRetriesAnAuthenticationFailure() {
    meters.failNextOpens(
        MeterId.of("M-0"),
        new ReadFailure(OperatorCode.AUTHENTICATION_FAILURE, "AARE: authentication failure"));

    PassSummary s = collector(fleet(1, 0)).build().runPass();

    assertThat(s.failedByCode()).containsEntry(OperatorCode.AUTHENTICATION_FAILURE, 1);
    assertThat(meters.opens.get()).isEqualTo(1);
    assertThat(clock.sleeps).isEmpty();
  }

  @Test
  void catchUpReadStartsOneSecondAfterTheLastStoredCapture() {
    Instant last = Instant.parse("2025-03-10T09:00:00Z");
    collector(fleet(1, 0)).captureTimes((m, p) -> Optional.of(last)).build().runPass();

    Instant[] range = meters.ranges.get(MeterId.of("M-0")).get(0);
    assertThat(range[0]).isEqualTo(last.plusSeconds(1));
    assertThat(range[1]).isEqualTo(NOW);
    assertThat(batches.get(0).series().get(0).time(0)).isEqualTo(last.plusSeconds(900));
    assertThat(batches.get(0).rowCount()).isEqualTo(12); // 09:15 .. 12:00
  }

  @Test
  void firstReadOfANeverReadMeterGoesBackInitialDays() {
    collector(fleet(1, 0))
        .settings(CollectorSettings.STANDARD.withInitialDays(3))
        .build()
        .runPass();

    Instant[] range = meters.ranges.get(MeterId.of("M-0")).get(0);
    assertThat(range[0]).isEqualTo(Instant.parse("2025-03-07T12:00:00Z"));
  }

  @Test
  void recordsEachMissingIntervalAsAGapEventWithCode0x09() {
    Instant last = Instant.parse("2025-03-10T10:00:00Z");
    long g1 = Instant.parse("2025-03-10T10:30:00Z").getEpochSecond();
    long g2 = Instant.parse("2025-03-10T10:45:00Z").getEpochSecond();
    meters.missing.put(MeterId.of("M-0"), t -> t == g1 || t == g2);

    PassSummary s =
        collector(fleet(1, 0)).captureTimes((m, p) -> Optional.of(last)).build().runPass();

    assertThat(s.ok()).isEqualTo(1);
    assertThat(s.gaps()).isEqualTo(2);
    assertThat(events)
        .filteredOn(e -> e.kind() == MeterEvent.Kind.GAP)
        .extracting(MeterEvent::start)
        .containsExactly(Instant.ofEpochSecond(g1), Instant.ofEpochSecond(g2));
    assertThat(events)
        .allSatisfy(e -> assertThat(e.code()).isEqualTo(OperatorCode.PROFILE_ENTRY_MISSING));
    assertThat(batches.get(0).rowCount()).isEqualTo(6); // 10:15 .. 12:00 without two
  }

  @Test
  void deliversRowsWithTheCriticalErrorBitAndReportsHardwareFault0x01() {
    meters.statusBits.put(MeterId.of("M-0"), ProfileStatus.CRITICAL_ERROR);

    PassSummary s = collector(fleet(1, 0)).build().runPass();

    assertThat(s.failedByCode()).containsEntry(OperatorCode.HARDWARE_FAULT, 1);
    assertThat(batches).hasSize(1);
    assertThat(java.util.Arrays.stream(batches.get(0).series().get(0).status()))
        .allSatisfy(st -> assertThat(st & ProfileStatus.CRITICAL_ERROR).isNotZero());
    assertThat(events)
        .singleElement()
        .satisfies(e -> assertThat(e.kind()).isEqualTo(MeterEvent.Kind.HARDWARE_FAULT))
        .satisfies(e -> assertThat(e.detail()).contains("in 97 of 97 rows"));
  }

  /** A meter with HLS-GMAC, whose sessions use invocation counters. */
  private static MeterConfig hlsMeter() {
    return new MeterConfigBuilder(MeterId.of("H-1"), "127.0.0.1")
        .security(MeterConfig.Security.HLS_GMAC)
        .systemTitle(Octets.ofHex("4C4C530000000001"))
        .keys(new MeterKeys(new byte[16], new byte[16], new byte[0]), null)
        .build();
  }

  @Test
  void persistsInvocationCountersAndStartsTheNextSessionFromThem() {
    MeterConfig hls = hlsMeter();
    FleetConfig fleet = new FleetConfig(Octets.ofHex("4C4C4E0000000001"), List.of(hls));

    collector(fleet).build().runPass();
    meters.failNextOpens(hls.id(), new ReadFailure(OperatorCode.TIMEOUT, "no answer"));
    collector(fleet).build().runPass(); // a new collector: counters come from the state dir

    // first session 0 -> 2; the failed open at 2 skips 16; the retry starts at 18
    assertThat(meters.countersOffered.get(hls.id())).containsExactly(0L, 2L, 18L);
  }

  @Test
  void aCounterTheMeterRefusesAsReplayedDoublesOncePerPassUntilItPassesTheMeters() {
    MeterConfig hls = hlsMeter();
    FleetConfig fleet = new FleetConfig(Octets.ofHex("4C4C4E0000000001"), List.of(hls));
    ReadFailure refused =
        new ReadFailure(OperatorCode.REPLAY_DETECTED, "invocation-counter-error", false, null);
    meters.failNextOpens(hls.id(), refused, refused, refused);

    for (int pass = 0; pass < 4; pass++) {
      collector(fleet).build().runPass();
    }

    // one attempt per pass (not retried): 0, then at least 65,536 on, then doubling, then read
    assertThat(meters.countersOffered.get(hls.id()))
        .containsExactly(0L, 65_536L, 131_072L, 262_144L);
  }

  @Test
  void keepsReadingOtherMetersWhileOneFailsEveryAttempt() {
    FleetConfig fleet = fleet(10, 0);
    ReadFailure lost = new ReadFailure(OperatorCode.CONNECTION_LOST, "reset by peer");
    meters.failNextOpens(MeterId.of("M-3"), lost, lost, lost);

    PassSummary s = collector(fleet).build().runPass();

    assertThat(s.ok()).isEqualTo(9);
    assertThat(s.failedByCode()).isEqualTo(Map.of(OperatorCode.CONNECTION_LOST, 1));
    assertThat(batches).extracting(b -> b.meter().value()).doesNotContain("M-3").hasSize(9);
    assertThat(IntStream.range(0, 10).filter(i -> i != 3))
        .allSatisfy(i -> assertThat(meters.ranges).containsKey(MeterId.of("M-" + i)));
  }

  @Test
  void skipsProfilesWhoseLastCaptureIsNotBeforeNow() {
    collector(fleet(1, 0)).captureTimes((m, p) -> Optional.of(NOW)).build().runPass();
    assertThat(meters.ranges.get(MeterId.of("M-0"))).isNull();
    assertThat(batches).isEmpty();
  }

  @Test
  void publishesReadsRowsFailuresByCodeAndSessionTimesToMicrometer() {
    var registry = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
    meters.failNextOpens(
        MeterId.of("M-1"), new ReadFailure(OperatorCode.AUTHENTICATION_FAILURE, "AARE rejected"));

    collector(fleet(3, 0)).meterRegistry(registry).build().runPass();

    assertThat(registry.counter("loadlens.collector.meters.read", "outcome", "ok").count())
        .isEqualTo(2);
    assertThat(registry.counter("loadlens.collector.failures", "code", "0x05").count())
        .isEqualTo(1);
    assertThat(registry.counter("loadlens.collector.rows").count()).isEqualTo(2 * 97);
    assertThat(registry.timer("loadlens.collector.session").count()).isEqualTo(3);
  }

  static ObisCode lp() {
    return ObisCode.LOAD_PROFILE_1;
  }
}
