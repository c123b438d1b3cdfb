package io.loadlens.collector;

import io.loadlens.model.ReadingBatch;

/**
 * Receives the readings of each successful meter read. May block to apply back-pressure; called
 * from many collector threads at once, so implementations must be thread-safe.
 */
@FunctionalInterface
public interface ReadingSink {
  void accept(ReadingBatch batch);
}
