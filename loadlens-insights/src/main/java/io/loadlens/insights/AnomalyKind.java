package io.loadlens.insights;

/** Kinds of anomaly the engine reports. */
public enum AnomalyKind {
  /** A sudden, lasting change of the daily energy level. */
  LEVEL_CHANGE,
  /** A day whose energy is far from its neighbours'. */
  UNUSUAL_DAY,
  /** A long run of zero consumption (vacancy, disconnection or a stuck meter). */
  ZERO_RUN,
  /** A sustained drop while the daily shape (occupancy signature) stays the same. */
  TAMPER_SUSPECTED,
  /** Export without detected generation, or export at night. */
  REVERSE_FLOW,
  /** The daily pattern shifted in time against the rest of the series. */
  CLOCK_FAULT
}
