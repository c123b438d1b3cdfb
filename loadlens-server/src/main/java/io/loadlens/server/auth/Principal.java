package io.loadlens.server.auth;

import io.loadlens.model.MeterId;
import java.util.Objects;
import java.util.Set;

/**
 * The caller behind a valid token.
 *
 * @param tokenId the token's public id (never the secret), used as the user in audits and edits
 * @param role what it may do
 * @param meters for {@link Role#CONSUMER}: the only meters it may see; empty for other roles
 */
public record Principal(String tokenId, Role role, Set<MeterId> meters) {
  public Principal {
    Objects.requireNonNull(tokenId, "tokenId");
    Objects.requireNonNull(role, "role");
    meters = Set.copyOf(meters == null ? Set.of() : meters);
  }

  /** Whether this caller may see the meter's data. */
  public boolean canSee(MeterId meter) {
    return role != Role.CONSUMER || meters.contains(meter);
  }
}
