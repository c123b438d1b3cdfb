package io.loadlens.store;

import io.loadlens.model.MeterEvent;
import io.loadlens.model.OperatorCode;
import java.time.Instant;
import java.util.Objects;

/**
 * Events of a period counted in the store: one group per operator code, and one per kind for the
 * events that carry no code.
 *
 * @param code the operator code of the group, null for a group of events without one
 * @param kind the kind of the group when it has no code, else null
 * @param events how many events
 * @param meters how many distinct meters they belong to
 * @param latestStart the newest start among them
 */
public record EventCount(
    OperatorCode code, MeterEvent.Kind kind, long events, long meters, Instant latestStart) {
  public EventCount {
    if ((code == null) == (kind == null)) {
      throw new IllegalArgumentException(
          "an event count has a code or a kind, not both and not neither: code "
              + code
              + ", kind "
              + kind);
    }
    Objects.requireNonNull(latestStart, "latestStart");
  }

  /** {@code 0x05 AUTHENTICATION_FAILURE} for a code, the kind's name otherwise. */
  public String label() {
    return code != null ? code.label() + " " + code.name() : kind.name();
  }
}
