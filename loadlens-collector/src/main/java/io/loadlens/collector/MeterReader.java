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

  /**
   * The last invocation counter the meter accepted, as its public client reads it without security
   * (Data 0-0:43.1.0.255), for a meter that refused the collector's counter as replayed; empty when
   * the meter does not offer it or cannot be asked. The collector then continues above it.
   */
  default java.util.OptionalLong acceptedInvocationCounter(MeterConfig meter) {
    return java.util.OptionalLong.empty();
  }
}
