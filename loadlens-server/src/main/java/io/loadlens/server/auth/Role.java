package io.loadlens.server.auth;

import java.util.Locale;

/**
 * What a token may do, from least to most. Each role includes the rights of those below it except
 * {@link #CONSUMER}, which is confined to its own meters.
 */
public enum Role {
  /** Reads the data of its own meters only. */
  CONSUMER,
  /** Reads every meter, fleet aggregates, segments and forecasts. */
  ANALYST,
  /** Analyst rights plus manual edits and collector status. */
  OPERATOR,
  /** Everything, including token management. */
  ADMIN;

  public boolean atLeast(Role other) {
    return ordinal() >= other.ordinal();
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Role parse(String text) {
    for (Role r : values()) {
      if (r.name().equalsIgnoreCase(text == null ? "" : text.trim())) {
        return r;
      }
    }
    throw new IllegalArgumentException(
        "role '" + text + "' is unknown (use admin, operator, analyst or consumer)");
  }
}
