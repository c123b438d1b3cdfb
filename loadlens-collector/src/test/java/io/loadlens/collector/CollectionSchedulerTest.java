package io.loadlens.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loadlens.collector.config.FleetConfig;
import io.loadlens.collector.config.MeterConfigBuilder;
import io.loadlens.collector.testing.FakeMeters;
import io.loadlens.collector.testing.MutableClock;
import io.loadlens.model.MeterId;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CollectionSchedulerTest {
  @TempDir Path state;
  final MutableClock clock = new MutableClock(Instant.parse("2025-03-10T12:07:00Z"));
  final FakeMeters meters = new FakeMeters();

  CollectionScheduler scheduler(double random) {
    FleetConfig fleet =
        new FleetConfig(null, List.of(new MeterConfigBuilder(MeterId.of("M-1"), "h").build()));
    FleetCollector c =
        FleetCollector.builder(fleet, meters, state).clock(clock).sleeper(clock.sleeper()).build();
    return new CollectionScheduler(
        c,
        Duration.ofMinutes(15),
        Duration.ofSeconds(30),
        Duration.ofSeconds(60),
        clock,
        clock.sleeper(),
        () -> random);
  }

  @Test
  void alignsPassesToTheCapturePeriodPlusSettleAndJitter() {
    CollectionScheduler s = scheduler(0.5);
    assertThat(s.nextRun(Instant.parse("2025-03-10T12:07:00Z")))
        .isEqualTo(Instant.parse("2025-03-10T12:16:00Z"));
    assertThat(s.nextRun(Instant.parse("2025-03-10T12:15:10Z")))
        .isEqualTo(Instant.parse("2025-03-10T12:16:00Z"));
    assertThat(s.nextRun(Instant.parse("2025-03-10T12:16:00Z")))
        .isEqualTo(Instant.parse("2025-03-10T12:31:00Z"));
  }

  @Test
  void runsAPassAtEachAlignedBoundary() {
    int passes = scheduler(0.0).runEvery(3);

    assertThat(passes).isEqualTo(3);
    assertThat(meters.ranges.get(MeterId.of("M-1")))
        .extracting(r -> r[1])
        .containsExactly(
            Instant.parse("2025-03-10T12:15:30Z"),
            Instant.parse("2025-03-10T12:30:30Z"),
            Instant.parse("2025-03-10T12:45:30Z"));
  }

  @Test
  void rejectsAPeriodThatDoesNotDivideADay() {
    assertThatThrownBy(
            () ->
                new CollectionScheduler(
                    null,
                    Duration.ofMinutes(7),
                    Duration.ZERO,
                    Duration.ZERO,
                    clock,
                    clock.sleeper(),
                    () -> 0))
        .hasMessage("every must be positive and divide a day, got PT7M");
  }
}
