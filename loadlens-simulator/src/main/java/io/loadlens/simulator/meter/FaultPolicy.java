package io.loadlens.simulator.meter;

import io.loadlens.dlms.server.ConnectionPolicy;
import io.loadlens.simulator.fault.FaultKind;
import io.loadlens.simulator.fault.FaultPlan;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The transient faults of one meter as connection hooks. Connections are counted from the fleet's
 * start; the first {@link FaultPlan#failingAttempts()} connections suffer the fault, later ones
 * succeed (a slow meter stays slow but within a 5 s timeout), so a collector's next pass fills what
 * the first one missed.
 */
public final class FaultPolicy implements ConnectionPolicy {
  /** Beyond the 5 s response timeout typical of head-ends. */
  static final Duration STALL = Duration.ofSeconds(7);

  /** A slow but acceptable response time once the fault has passed. */
  static final Duration SLOW = Duration.ofMillis(400);

  /**
   * Response octets after which a dropping meter closes: past the AARE, inside a block transfer.
   */
  static final long DROP_AFTER_BYTES = 700;

  private final FaultPlan plan;
  private final AtomicInteger connections = new AtomicInteger();
  private final ThreadLocal<Integer> attempt = ThreadLocal.withInitial(() -> 0);

  public FaultPolicy(FaultPlan plan) {
    this.plan = plan;
  }

  /** True when the meter has a transient fault the connection hooks implement. */
  public static boolean needed(FaultPlan plan) {
    return plan.has(FaultKind.SLOW)
        || plan.has(FaultKind.DROP_MID_BLOCK)
        || plan.has(FaultKind.CORRUPT_FCS);
  }

  /** How many connections the meter has accepted. */
  public int connections() {
    return connections.get();
  }

  private boolean failing() {
    return attempt.get() <= plan.failingAttempts();
  }

  /** Called once as each connection opens: counts it. */
  @Override
  public long closeAfterResponseBytes() {
    attempt.set(connections.incrementAndGet());
    return plan.has(FaultKind.DROP_MID_BLOCK) && failing() ? DROP_AFTER_BYTES : Long.MAX_VALUE;
  }

  @Override
  public Duration delayBeforeResponse(int responseIndex) {
    if (!plan.has(FaultKind.SLOW)) {
      return Duration.ZERO;
    }
    return failing() && responseIndex == 1 ? STALL : SLOW;
  }

  /**
   * On a failing attempt, corrupts every response after the first (an HDLC client would recover
   * from one bad frame by asking again, so a single corrupt frame would not fail the pass).
   */
  @Override
  public byte[] mutateResponse(int responseIndex, byte[] frame) {
    if (!plan.has(FaultKind.CORRUPT_FCS) || !failing() || responseIndex < 1 || frame.length < 4) {
      return frame;
    }
    byte[] corrupt = frame.clone();
    corrupt[corrupt.length - 2] ^= 0x5A; // HDLC: inside the FCS; wrapper: inside the GCM tag / data
    return corrupt;
  }
}
