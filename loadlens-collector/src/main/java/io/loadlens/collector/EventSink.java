package io.loadlens.collector;

import io.loadlens.model.MeterEvent;

/** Receives meter events (gaps, hardware faults, read failures). Must be thread-safe. */
@FunctionalInterface
public interface EventSink {
  void accept(MeterEvent event);
}
