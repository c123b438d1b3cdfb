package io.loadlens.simulator.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loadlens.model.MeterId;
import io.loadlens.model.ProfileStatus;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FaultSpecTest {
  private static final String FULL =
      "outage=0.05,wrong-key=0.02,missing-entries=0.05,slow=0.02,drop-mid-block=0.02,"
          + "hardware-fault=0.01,clock-skew=0.02,corrupt-fcs=0.01,offline=0.01";

  @Test
  void parsesEveryNamedFault() {
    FaultSpec spec = FaultSpec.parse(FULL);
    assertThat(spec.fractions()).hasSize(FaultKind.values().length);
    assertThat(spec.fraction(FaultKind.OUTAGE)).isEqualTo(0.05);
    assertThat(spec.fraction(FaultKind.CORRUPT_FCS)).isEqualTo(0.01);
    assertThat(FaultSpec.parse(spec.toString())).isEqualTo(spec);
  }

  @Test
  void blankSpecMeansNoFaults() {
    assertThat(FaultSpec.parse(" ").fractions()).isEmpty();
  }

  @Test
  void rejectsUnknownNamesAndBadFractionsNamingEachOfThem() {
    assertThatThrownBy(() -> FaultSpec.parse("outage=0.1,flood=0.2,slow=1.5,offline=x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown fault 'flood'")
        .hasMessageContaining("fraction slow=1.5 is outside 0..1")
        .hasMessageContaining("fraction offline=x is not a number")
        .hasMessageContaining("known faults: outage, wrong-key");
  }

  @Test
  void assignsExactlyTheAskedShareDeterministically() {
    List<MeterId> meters = IntStream.range(0, 1_000).mapToObj(i -> MeterId.of("SIM-" + i)).toList();
    FaultSpec spec = FaultSpec.parse(FULL);
    List<Set<FaultKind>> a = FaultAssignment.assign(spec, meters, 99);
    List<Set<FaultKind>> b = FaultAssignment.assign(spec, meters, 99);
    List<Set<FaultKind>> c = FaultAssignment.assign(spec, meters, 100);
    assertThat(a).isEqualTo(b).isNotEqualTo(c);
    assertThat(a.stream().filter(s -> s.contains(FaultKind.OUTAGE)).count()).isEqualTo(50);
    assertThat(a.stream().filter(s -> s.contains(FaultKind.OFFLINE)).count()).isEqualTo(10);
  }

  @Test
  void pinnedFaultsGoToTheirMeter() {
    List<MeterId> meters = List.of(MeterId.of("A"), MeterId.of("B"));
    FaultSpec spec = FaultSpec.none().withMeter(MeterId.of("B"), FaultKind.WRONG_KEY);
    List<Set<FaultKind>> assigned = FaultAssignment.assign(spec, meters, 1);
    assertThat(assigned.get(0)).isEmpty();
    assertThat(assigned.get(1)).containsExactly(FaultKind.WRONG_KEY);
  }

  @Test
  void outageRemovesRowsAndMarksTheFirstRowAfterWithPowerDown() {
    FaultPlan plan = new FaultPlan(5, Set.of(FaultKind.OUTAGE));
    int outages = 0;
    for (long day = 20_000; day < 20_200; day++) {
      DayFaults f = plan.day(day, 96, 15);
      if (f.powerOffMinutes() == null) {
        assertThat(f.absentCount()).isZero();
        continue;
      }
      outages++;
      int last = -1;
      for (int k = 0; k < 96; k++) {
        if (f.absent()[k]) {
          last = k;
          assertThat(f.cause()[k]).isEqualTo(FaultKind.OUTAGE);
        }
      }
      assertThat(f.status()[last + 1] & ProfileStatus.POWER_DOWN)
          .isEqualTo(ProfileStatus.POWER_DOWN);
      assertThat(f.powerOffMinutes()[last * 15]).isTrue();
    }
    assertThat(outages).isBetween(10, 40);
  }

  @Test
  void hardwareFaultSetsTheCriticalErrorBitOnPresentRows() {
    FaultPlan plan = new FaultPlan(6, Set.of(FaultKind.HARDWARE_FAULT));
    long flagged = 0;
    for (long day = 20_000; day < 20_100; day++) {
      DayFaults f = plan.day(day, 96, 15);
      for (int k = 0; k < 96; k++) {
        if ((f.status()[k] & ProfileStatus.CRITICAL_ERROR) != 0) {
          flagged++;
          assertThat(f.absent()[k]).isFalse();
        }
      }
    }
    assertThat(flagged).isPositive();
  }

  @Test
  void clockSkewIsSomeMinutesOnlyForSkewedMeters() {
    assertThat(new FaultPlan(3, Set.of()).clockSkewSeconds()).isZero();
    int skew = new FaultPlan(3, Set.of(FaultKind.CLOCK_SKEW)).clockSkewSeconds();
    assertThat(Math.abs(skew)).isBetween(120, 900);
    assertThat(skew % 60).isZero();
  }
}
