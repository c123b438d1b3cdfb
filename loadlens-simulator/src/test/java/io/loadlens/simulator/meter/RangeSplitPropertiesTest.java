package io.loadlens.simulator.meter;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadlens.dlms.server.ProfileRows;
import io.loadlens.model.ObisCode;
import io.loadlens.simulator.FleetMeter;
import io.loadlens.simulator.FleetSpec;
import io.loadlens.simulator.SimulatedFleet;
import io.loadlens.simulator.fault.FaultSpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class RangeSplitPropertiesTest {
  private static final Instant NOW = Instant.parse("2026-10-27T08:00:00Z");
  private static final FleetSpec SPEC =
      new FleetSpec(
          3,
          10,
          15,
          io.loadlens.dlms.client.SecurityLevel.NONE,
          io.loadlens.dlms.client.Framing.WRAPPER,
          "127.43.0.1",
          4059,
          FaultSpec.parse("outage=0.34,missing-entries=0.34,clock-skew=0.34"),
          5,
          ZoneId.of("Europe/Paris"));

  private static List<FleetMeter> fleet() {
    return SimulatedFleet.build(SPEC, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @Property(tries = 25)
  void registersAtAnyCaptureAreTheSameWhicheverRangeAsksForThem(
      @ForAll @IntRange(min = 0, max = 2) int meter,
      @ForAll @IntRange(min = 0, max = 900) int startQuarter,
      @ForAll @IntRange(min = 1, max = 300) int lengthQuarters) {
    Instant from = NOW.minusSeconds(950 * 900L).plusSeconds(startQuarter * 900L);
    Instant to = from.plusSeconds(lengthQuarters * 900L);
    ProfileRows part = fleet().get(meter).data().rows(ObisCode.LOAD_PROFILE_1, from, to);
    ProfileRows whole = fleet().get(meter).data().rows(ObisCode.LOAD_PROFILE_1, Instant.EPOCH, NOW);
    int offset = 0;
    while (offset < whole.size() && whole.epochSeconds()[offset] < from.getEpochSecond()) {
      offset++;
    }
    for (int i = 0; i < part.size(); i++) {
      assertThat(part.epochSeconds()[i]).isEqualTo(whole.epochSeconds()[offset + i]);
      assertThat(part.status()[i]).isEqualTo(whole.status()[offset + i]);
      for (int c = 0; c < 3; c++) {
        assertThat(part.values()[c][i]).isEqualTo(whole.values()[c][offset + i]);
      }
    }
  }

  @Property(tries = 5)
  void sameSeedGivesTheSameRowsInAnotherFleet(@ForAll @IntRange(min = 0, max = 2) int meter) {
    Instant from = NOW.minusSeconds(3 * 86_400L);
    ProfileRows a = fleet().get(meter).data().rows(ObisCode.LOAD_PROFILE_2, from, NOW);
    ProfileRows b = fleet().get(meter).data().rows(ObisCode.LOAD_PROFILE_2, from, NOW);
    assertThat(a.epochSeconds()).containsExactly(b.epochSeconds());
    assertThat(a.values()).isDeepEqualTo(b.values());
  }
}
