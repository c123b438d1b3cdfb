package io.loadlens.collector;

/**
 * Observes collection passes: for progress bars, {@code SUCCESS: Profile Transferred} lines and
 * metrics. Methods are called from the collector's threads ({@link #meterFinished} from many at
 * once), so implementations must be thread-safe and quick.
 */
public interface CollectionListener {

  default void passStarted(int meters) {}

  default void meterFinished(MeterOutcome outcome) {}

  default void passFinished(PassSummary summary) {}

  /** A listener that ignores everything. */
  CollectionListener NONE = new CollectionListener() {};

  /** Calls each listener in order. */
  static CollectionListener all(CollectionListener... listeners) {
    CollectionListener[] copy = listeners.clone();
    return new CollectionListener() {
      @Override
      public void passStarted(int meters) {
        for (CollectionListener l : copy) {
          l.passStarted(meters);
        }
      }

      @Override
      public void meterFinished(MeterOutcome outcome) {
        for (CollectionListener l : copy) {
          l.meterFinished(outcome);
        }
      }

      @Override
      public void passFinished(PassSummary summary) {
        for (CollectionListener l : copy) {
          l.passFinished(summary);
        }
      }
    };
  }
}
