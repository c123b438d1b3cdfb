package io.loadlens.model;

/** How VEE produced a substituted interval value. Stored with every estimate. */
public enum EstimationMethod {
  /** Linear interpolation between the valid neighbours of a short gap. */
  INTERPOLATED,
  /** The last valid value carried forward (used only where interpolation has no right anchor). */
  FORWARD_FILLED,
  /** From the meter's own similar days (same day type and season), or its segment's profile. */
  PROFILE_ESTIMATED,
  /**
   * The energy a cumulative register recorded across the gap, shared out over the gap's intervals
   * in the shape of the profile estimate.
   */
  REGISTER_PRORATED,
  /** A manual edit. */
  MANUAL
}
