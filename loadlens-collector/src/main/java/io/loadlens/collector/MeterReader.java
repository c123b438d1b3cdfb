package io.loadlens.collector;

import io.loadlens.collector.config.MeterConfig;

/**
 * Opens sessions to meters. The production implementation speaks DLMS/COSEM ({@code
 * io.loadlens.collector.dlms.DlmsMeterReader}); tests use hand-written fakes. Implementations must
 * be safe to call from many threads at once.
 */
public interface MeterReader {

  /**
   * Connects and associates with the meter.
   *
   * @param meter the meter's configuration
   * @param invocationCounter the first invocation counter to use (security suite 0); the collector
   *     persists {@link MeterSession#invocationCounter()} after the session
   * @throws ReadFailure with the operator code when the connection or association fails
   */
  MeterSession open(MeterConfig meter, long invocationCounter);
}
