package io.loadlens.simulator.meter;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadlens.simulator.fault.FaultKind;
import io.loadlens.simulator.fault.FaultPlan;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FaultPolicyTest {

  /** The server engine calls closeAfterResponseBytes once as each connection opens. */
  private static void openConnection(FaultPolicy policy) {
    policy.closeAfterResponseBytes();
  }

  @Test
  void slowMeterStallsBeyondTimeoutOnlyOnItsFirstConnections() {
    FaultPlan plan = new FaultPlan(12, Set.of(FaultKind.SLOW));
    FaultPolicy policy = new FaultPolicy(plan);
    for (int c = 1; c <= plan.failingAttempts(); c++) {
      openConnection(policy);
      assertThat(policy.delayBeforeResponse(0)).isEqualTo(FaultPolicy.SLOW);
      assertThat(policy.delayBeforeResponse(1)).isGreaterThan(Duration.ofSeconds(5));
    }
    openConnection(policy);
    assertThat(policy.delayBeforeResponse(1)).isLessThan(Duration.ofSeconds(5)).isPositive();
    assertThat(policy.connections()).isEqualTo(plan.failingAttempts() + 1);
  }

  @Test
  void droppingMeterClosesMidTransferOnlyOnItsFirstConnections() {
    FaultPlan plan = new FaultPlan(13, Set.of(FaultKind.DROP_MID_BLOCK));
    FaultPolicy policy = new FaultPolicy(plan);
    for (int c = 1; c <= plan.failingAttempts(); c++) {
      assertThat(policy.closeAfterResponseBytes()).isEqualTo(FaultPolicy.DROP_AFTER_BYTES);
    }
    assertThat(policy.closeAfterResponseBytes()).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void corruptingMeterLeavesTheFirstResponseAndLaterConnectionsIntact() {
    FaultPlan plan = new FaultPlan(14, Set.of(FaultKind.CORRUPT_FCS));
    FaultPolicy policy = new FaultPolicy(plan);
    byte[] frame = {0x7E, 1, 2, 3, 4, 5, 0x7E};
    openConnection(policy);
    assertThat(policy.mutateResponse(0, frame)).isEqualTo(frame);
    assertThat(policy.mutateResponse(1, frame)).isNotEqualTo(frame).hasSameSizeAs(frame);
    for (int c = 1; c < plan.failingAttempts(); c++) {
      openConnection(policy);
    }
    openConnection(policy);
    assertThat(policy.mutateResponse(1, frame)).isEqualTo(frame);
  }

  @Test
  void meterWithoutTransientFaultsNeedsNoPolicy() {
    assertThat(FaultPolicy.needed(new FaultPlan(1, Set.of(FaultKind.OUTAGE)))).isFalse();
    assertThat(FaultPolicy.needed(new FaultPlan(1, Set.of(FaultKind.SLOW)))).isTrue();
  }
}
