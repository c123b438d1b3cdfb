package io.loadlens.server.http;

import io.javalin.http.Context;
import io.loadlens.server.api.ApiException;
import io.loadlens.server.auth.AuditLog;
import io.loadlens.server.auth.AuthThrottle;
import io.loadlens.server.auth.Principal;
import io.loadlens.server.auth.TokenService;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Authenticates {@code Authorization: Bearer <token>} (RFC 6750) before every protected path.
 * Unknown or malformed tokens get 401 and count as a failure of the client address; an address that
 * fails too often gets 429 until its ban ends.
 */
public final class AuthFilter {

  /** Context attribute holding the authenticated {@link Principal}. */
  public static final String PRINCIPAL = "loadlens.principal";

  private final TokenService tokens;
  private final AuthThrottle throttle;
  private final AuditLog audit;
  private final Clock clock;

  public AuthFilter(TokenService tokens, AuthThrottle throttle, AuditLog audit, Clock clock) {
    this.tokens = tokens;
    this.throttle = throttle;
    this.audit = audit;
    this.clock = clock;
  }

  public void authenticate(Context ctx) {
    String ip = ctx.ip();
    String action = ctx.method() + " " + ctx.path();
    var banned = throttle.bannedUntil(ip);
    if (banned.isPresent()) {
      long secs = Math.max(1, Duration.between(clock.instant(), banned.get()).toSeconds());
      ctx.header("Retry-After", Long.toString(secs));
      audit.record("-", "-", ip, action, "-", "banned");
      throw new ApiException(
          429,
          "too-many-failures",
          "Too many failed authentications",
          -32029,
          "address "
              + ip
              + " is banned after repeated authentication failures; retry in "
              + secs
              + " s");
    }
    Optional<Principal> who = bearer(ctx).flatMap(tokens::authenticate);
    if (who.isEmpty()) {
      boolean nowBanned = throttle.failure(ip);
      audit.record("-", "-", ip, action, "-", nowBanned ? "denied+banned" : "denied");
      ctx.header("WWW-Authenticate", "Bearer realm=\"loadlens\"");
      throw new ApiException(
          401,
          "unauthorized",
          "Unauthorized",
          -32001,
          bearer(ctx).isEmpty()
              ? "an 'Authorization: Bearer <token>' header is required"
              : "the token is unknown, revoked or malformed");
    }
    throttle.success(ip);
    ctx.attribute(PRINCIPAL, who.get());
  }

  private static Optional<String> bearer(Context ctx) {
    String h = ctx.header("Authorization");
    if (h == null || !h.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.empty();
    }
    return Optional.of(h.substring(7).trim());
  }
}
