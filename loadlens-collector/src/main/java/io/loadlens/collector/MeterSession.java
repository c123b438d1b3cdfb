package io.loadlens.collector;

import io.loadlens.model.ObisCode;
import java.time.Instant;

/** An open association with one meter. Used by one thread at a time. */
public interface MeterSession extends AutoCloseable {

  /**
   * Reads a Profile Generic buffer by range (selective access on the clock column).
   *
   * @param profile the Profile Generic object, e.g. {@code 1-0:99.1.0.255}
   * @param from first capture time wanted (inclusive)
   * @param to last capture time wanted (inclusive)
   * @throws ReadFailure with the operator code when the request fails
   */
  ProfileRows readProfile(ObisCode profile, Instant from, Instant to);

  /** The next invocation counter this session would use; persisted for the next session. */
  long invocationCounter();

  /** Releases the association and the connection; never throws. */
  @Override
  void close();
}
