package io.loadlens.server.api;

import io.loadlens.server.auth.Role;
import java.util.Objects;

/**
 * One API operation, reachable by REST and JSON-RPC under the same name.
 *
 * @param name JSON-RPC method name, e.g. {@code readings.get}
 * @param minRole the least role that may call it
 * @param meterScoped whether it concerns one meter (argument {@code meter}), which a consumer token
 *     must own
 * @param handler what it does
 */
public record Operation(String name, Role minRole, boolean meterScoped, Handler handler) {

  /** Runs an operation on validated, authorised arguments. */
  @FunctionalInterface
  public interface Handler {
    Object handle(Call call);
  }

  public Operation {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(minRole, "minRole");
    Objects.requireNonNull(handler, "handler");
  }
}
