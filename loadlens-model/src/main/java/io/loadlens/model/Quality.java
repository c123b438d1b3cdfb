package io.loadlens.model;

/**
 * How far a stored value can be trusted. Raw values from a meter are {@link #VALID} or {@link
 * #SUSPECT}; values that VEE substitutes are {@link #ESTIMATED} (with an {@link EstimationMethod});
 * values a person corrected are {@link #EDITED}. Raw values are never overwritten: estimates and
 * edits live beside them.
 */
public enum Quality {
  /** Read from the meter and passed every validation check. */
  VALID,
  /** Read from the meter but failed a validation check; kept, flagged, excluded as an anchor. */
  SUSPECT,
  /** Substituted by VEE estimation. */
  ESTIMATED,
  /** Set by a person through the API or CLI, with a reason; audited. */
  EDITED,
  /** No value exists for the interval (a gap no method could fill). */
  MISSING
}
