package io.loadlens.server.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed authentications per client address. An address that fails {@code maxFailures} times
 * within the ban period is refused for the ban period; a success clears its count.
 */
public final class AuthThrottle {

  private final int maxFailures;
  private final Duration ban;
  private final Clock clock;
  private final ConcurrentHashMap<String, State> byAddress = new ConcurrentHashMap<>();

  private record State(int failures, Instant windowStart, Instant bannedUntil) {}

  public AuthThrottle(int maxFailures, Duration ban, Clock clock) {
    if (maxFailures < 1) {
      throw new IllegalArgumentException("maxFailures must be >= 1, got " + maxFailures);
    }
    this.maxFailures = maxFailures;
    this.ban = ban;
    this.clock = clock;
  }

  /** When the address may try again, if it is banned now. */
  public Optional<Instant> bannedUntil(String address) {
    State s = byAddress.get(address);
    Instant now = clock.instant();
    if (s == null || s.bannedUntil() == null || !now.isBefore(s.bannedUntil())) {
      return Optional.empty();
    }
    return Optional.of(s.bannedUntil());
  }

  /** Records a failure; returns true if the address is now banned. */
  public boolean failure(String address) {
    Instant now = clock.instant();
    State s =
        byAddress.compute(
            address,
            (k, old) -> {
              if (old == null
                  || now.isAfter(old.windowStart().plus(ban))
                  || (old.bannedUntil() != null && !now.isBefore(old.bannedUntil()))) {
                old = new State(0, now, null);
              }
              int n = old.failures() + 1;
              return new State(n, old.windowStart(), n >= maxFailures ? now.plus(ban) : null);
            });
    return s.bannedUntil() != null;
  }

  public void success(String address) {
    byAddress.remove(address);
  }
}
