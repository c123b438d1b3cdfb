package io.loadlens.collector.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadlens.collector.ProfileRows;
import io.loadlens.collector.config.MeterConfigBuilder;
import io.loadlens.collector.testing.MutableClock;
import io.loadlens.model.MeterEvent;
import io.loadlens.model.MeterId;
import io.loadlens.model.ObisCode;
import io.loadlens.model.Unit;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InternalsTest {
  static final Instant NOW = Instant.parse("2025-03-10T12:07:00Z");

  @Test
  void catchUpOfANeverReadMeterStartsInitialDaysBackAlignedToThePeriod() {
    var r = CatchUp.range(Optional.empty(), NOW, 2, 900).orElseThrow();
    assertThat(r.from()).isEqualTo(Instant.parse("2025-03-08T12:00:00Z"));
    assertThat(r.to()).isEqualTo(NOW);
    assertThat(r.continues()).isFalse();
  }

  @Test
  void catchUpContinuesOneSecondAfterTheLastStoredCapture() {
    var r = CatchUp.range(Optional.of(Instant.parse("2025-03-10T11:45:00Z")), NOW, 2, 900);
    assertThat(r).contains(new CatchUp.Range(Instant.parse("2025-03-10T11:45:01Z"), NOW, true));
    assertThat(CatchUp.range(Optional.of(NOW.plusSeconds(3600)), NOW, 2, 900)).isEmpty();
  }

  @Test
  void findsMissingGridPointsBetweenStoredDataAndTheLastRow() {
    long[] rows = {1800, 3600, 4500};
    assertThat(GapFinder.missing(rows, 1, true, 900)).containsExactly(900, 2700);
    assertThat(GapFinder.missing(rows, 1, false, 900)).containsExactly(2700);
    assertThat(GapFinder.missing(new long[0], 1, true, 900)).isEmpty();
  }

  @Test
  void judgesGapsOnTheRowsOwnPhase() {
    long[] rows = {60, 960, 2760};
    assertThat(GapFinder.missing(rows, 0, true, 900)).containsExactly(1860);
  }

  @Test
  void dropsRowsOutsideTheRangeAndRepeatedTimesAndReportsThemAsClockEvents() {
    var meter = new MeterConfigBuilder(MeterId.of("M"), "h").build();
    long base = Instant.parse("2025-03-10T11:00:00Z").getEpochSecond();
    long future = Instant.parse("2030-01-01T00:00:00Z").getEpochSecond();
    ProfileRows hostile =
        new ProfileRows(
            ObisCode.LOAD_PROFILE_1,
            900,
            List.of(new ProfileRows.Column(ObisCode.ACTIVE_ENERGY_IMPORT, Unit.WATT_HOUR)),
            new long[] {base + 900, base, future, base + 900},
            new int[] {0, 0, 0, 0},
            new double[][] {{2, 1, 99, 3}});
    var range = new CatchUp.Range(Instant.ofEpochSecond(base), NOW, true);

    var c = ProfileConverter.convert(meter, hostile, range);

    assertThat(c.rows()).isEqualTo(2);
    assertThat(c.series().get(0).epochSeconds()).containsExactly(base, base + 900);
    assertThat(c.series().get(0).values()).containsExactly(1, 2);
    assertThat(c.events())
        .extracting(MeterEvent::kind)
        .containsExactly(MeterEvent.Kind.CLOCK, MeterEvent.Kind.CLOCK);
    assertThat(c.events().get(0).detail()).startsWith("1 rows of 1-0:99.1.0.255 lie outside");
  }

  @Test
  void backoffDoublesUpToItsCeilingWithEqualJitter() {
    Backoff b = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(5), () -> 0.0);
    assertThat(List.of(b.delay(1), b.delay(2), b.delay(3), b.delay(4), b.delay(100)))
        .containsExactly(
            Duration.ofMillis(500),
            Duration.ofSeconds(1),
            Duration.ofSeconds(2),
            Duration.ofMillis(2500),
            Duration.ofMillis(2500));
    Backoff top = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(5), () -> 0.5);
    assertThat(top.delay(2)).isEqualTo(Duration.ofMillis(1500));
  }

  @Test
  void rateLimiterSpacesNewConnectionsInFakeTime() throws InterruptedException {
    MutableClock clock = new MutableClock(NOW);
    RateLimiter r = new RateLimiter(4, clock, clock.sleeper());
    for (int i = 0; i < 9; i++) {
      r.acquire();
    }
    // 9 connections at 4 per second: the ninth opens 2 s after the first
    assertThat(clock.instant()).isEqualTo(NOW.plusSeconds(2));
    assertThat(clock.sleeps).allSatisfy(d -> assertThat(d).isEqualTo(Duration.ofMillis(250)));
  }

  @Test
  void invocationCountersSurviveARestartAndNeverGoBack(@TempDir Path state) {
    MeterId m = MeterId.of("SIM-00001");
    InvocationCounters a = new InvocationCounters(state);
    assertThat(a.next(m)).isZero();
    a.advance(m, 42);
    a.advance(m, 7);
    InvocationCounters b = new InvocationCounters(state);
    assertThat(b.next(m)).isEqualTo(42);
  }
}
