package io.loadlens.dlms.server;

import java.time.Duration;

/**
 * Fault hooks of a served connection, for the simulator's fault vocabulary. Every hook defaults to
 * normal behaviour. Indices count from 0 within one connection.
 */
public interface ConnectionPolicy {
  /** Normal behaviour. */
  ConnectionPolicy NONE = new ConnectionPolicy() {};

  /** A delay before sending response {@code responseIndex} (throttle, slow meter). */
  default Duration delayBeforeResponse(int responseIndex) {
    return Duration.ZERO;
  }

  /**
   * Close the connection once this many response octets were sent on it (drop mid-block); {@link
   * Long#MAX_VALUE} = never.
   */
  default long closeAfterResponseBytes() {
    return Long.MAX_VALUE;
  }

  /** The frame actually sent for response {@code responseIndex} (e.g. with a corrupt FCS). */
  default byte[] mutateResponse(int responseIndex, byte[] frame) {
    return frame;
  }

  /** False = swallow request {@code requestIndex} and never answer it (stall). */
  default boolean answer(int requestIndex) {
    return true;
  }
}
