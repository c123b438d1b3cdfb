package io.loadlens.simulator.fault;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The named faults a simulated meter can have, by what a head-end sees. */
public enum FaultKind {
  /** The supply fails for some intervals: no rows, POWER_DOWN on the first row after. */
  OUTAGE(false),
  /** The meter uses keys other than those in its key file: the association fails (0x05). */
  WRONG_KEY(false),
  /** Some rows are absent from the buffer with no status (0x09 profile entry missing). */
  MISSING_ENTRIES(false),
  /** Responses are delayed, some beyond a typical 5 s timeout, on the first attempts. */
  SLOW(true),
  /** The connection is closed in the middle of a block transfer, on the first attempts. */
  DROP_MID_BLOCK(true),
  /** The critical-error status bit is set on some rows (0x01 hardware fault). */
  HARDWARE_FAULT(false),
  /** The meter's clock is offset by some minutes. */
  CLOCK_SKEW(false),
  /** An outgoing frame is corrupted (bad checksum / tag), on the first attempts. */
  CORRUPT_FCS(true),
  /** Nothing listens at the meter's address. */
  OFFLINE(false);

  private final boolean transientFault;

  FaultKind(boolean transientFault) {
    this.transientFault = transientFault;
  }

  /** True when the fault fails early attempts only, so a later pass succeeds. */
  public boolean isTransient() {
    return transientFault;
  }

  /** The name used in fault specs and the ground truth, e.g. {@code drop-mid-block}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Optional<FaultKind> fromLabel(String label) {
    return Arrays.stream(values()).filter(k -> k.label().equals(label.trim())).findFirst();
  }

  static String labels() {
    return String.join(", ", Arrays.stream(values()).map(FaultKind::label).toList());
  }
}
