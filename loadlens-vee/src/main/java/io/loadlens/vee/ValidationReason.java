package io.loadlens.vee;

/**
 * Why an interval was flagged. The ordinal of each constant is its bit in {@link
 * io.loadlens.model.ValidatedSeries#reasons()} ({@code 1L << ordinal()}), so constants are only
 * ever appended, never reordered or removed.
 */
public enum ValidationReason {
  /** No reading for the interval: a missing profile entry (operator code 0x09). */
  MISSING(Action.REPLACE),
  /** The meter reported a power failure (status bit 7, PDN) in or right after the interval. */
  OUTAGE(Action.SUSPECT),
  /** The meter flagged a critical error (status bit 0, ERR; operator code 0x01). */
  HARDWARE_FAULT(Action.REPLACE),
  /** The meter flagged the data as not valid (status bit 2, DNV). */
  DATA_NOT_VALID(Action.REPLACE),
  /** The meter's clock was adjusted (bit 5, CAD) or invalid (bit 1, CIV) during the interval. */
  CLOCK_STATUS(Action.SUSPECT),
  /** The capture time was off the interval grid (snapped when within the clock tolerance). */
  CLOCK_SHIFT(Action.FLAG),
  /** A gap of exactly the DST shift at a spring-forward change: local-time stamping. */
  DST_HOLE(Action.FLAG),
  /** The hour after a fall-back change repeats the hour before: a replayed local hour. */
  DST_DUPLICATE(Action.REPLACE),
  /** Two rows for the same interval with the same value. */
  DUPLICATE(Action.FLAG),
  /** Two rows for the same interval with different values. */
  CONFLICT(Action.REPLACE),
  /** Negative consumption: the cumulative register went backwards. */
  NEGATIVE(Action.REPLACE),
  /** The highest value is far above the third highest of its window. */
  SPIKE(Action.REPLACE),
  /** A long run of zero consumption (vacancy or a meter fault). */
  ZERO_RUN(Action.SUSPECT),
  /** A long run of one constant non-zero value. */
  FLAT_LINE(Action.SUSPECT),
  /** Demand above the connection capacity. */
  ABOVE_CAPACITY(Action.REPLACE),
  /** The intervals do not add up to the register difference over the span. */
  REGISTER_MISMATCH(Action.FLAG),
  /** Estimated inside a gap longer than the billing limit (4 intervals by default). */
  LONG_GAP(Action.FLAG);

  /** What VEE does with an interval that carries a reason. */
  public enum Action {
    /** Informational: the value stays {@code VALID}. */
    FLAG,
    /** The value is kept, marked {@code SUSPECT} and never used as an estimation anchor. */
    SUSPECT,
    /** The value is replaced by an estimate ({@code ESTIMATED}, with its method). */
    REPLACE
  }

  private final Action defaultAction;

  ValidationReason(Action defaultAction) {
    this.defaultAction = defaultAction;
  }

  /** The action VEE takes unless {@link VeeConfig#actions()} says otherwise. */
  public Action defaultAction() {
    return defaultAction;
  }

  /** This reason's bit in a reasons word. */
  public long bit() {
    return 1L << ordinal();
  }

  /** Whether {@code reasons} has this reason's bit set. */
  public boolean in(long reasons) {
    return (reasons & bit()) != 0;
  }
}
