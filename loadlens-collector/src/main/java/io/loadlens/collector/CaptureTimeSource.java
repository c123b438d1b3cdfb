package io.loadlens.collector;

import io.loadlens.model.MeterId;
import io.loadlens.model.ObisCode;
import java.time.Instant;
import java.util.Optional;

/**
 * Where catch-up reads start: the last capture time already stored for a meter's profile. The app
 * implements it with the store (the latest stored time of any of the meter's channels is a correct
 * answer). Must be thread-safe.
 */
@FunctionalInterface
public interface CaptureTimeSource {

  /** The latest stored capture time, empty when the meter's profile was never read. */
  Optional<Instant> lastCaptureTime(MeterId meter, ObisCode profile);

  /** A source for a store that is empty. */
  CaptureTimeSource NEVER_READ = (meter, profile) -> Optional.empty();
}
