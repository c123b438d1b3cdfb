package io.loadlens.collector.push;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bans source addresses that fail too often: an address with more than {@code maxFailures} failed
 * handshakes or undecodable pushes within {@code window} is banned for {@code banFor}. Bans are
 * logged and listable. Thread-safe.
 */
public final class BanList {
  private static final Logger LOG = LoggerFactory.getLogger(BanList.class);

  /** A current ban. */
  public record Ban(InetAddress address, Instant until, String lastReason) {}

  private final int maxFailures;
  private final Duration window;
  private final Duration banFor;
  private final Clock clock;
  private final Map<InetAddress, Deque<Instant>> failures = new HashMap<>();
  private final Map<InetAddress, Ban> bans = new HashMap<>();

  public BanList(int maxFailures, Duration window, Duration banFor, Clock clock) {
    if (maxFailures < 1 || window.isNegative() || window.isZero() || banFor.isNegative()) {
      throw new IllegalArgumentException(
          "ban list: maxFailures " + maxFailures + ", window " + window + ", banFor " + banFor);
    }
    this.maxFailures = maxFailures;
    this.window = window;
    this.banFor = banFor;
    this.clock = clock;
  }

  /** The field default: more than 5 failures in a minute bans for {@code banFor}. */
  public static BanList standard(Duration banFor, Clock clock) {
    return new BanList(5, Duration.ofMinutes(1), banFor, clock);
  }

  /** Records a failure; returns true when the address is banned (now or already). */
  public synchronized boolean recordFailure(InetAddress address, String reason) {
    Instant now = clock.instant();
    if (isBanned(address)) {
      return true;
    }
    Deque<Instant> q = failures.computeIfAbsent(address, a -> new ArrayDeque<>());
    q.addLast(now);
    while (!q.isEmpty() && !q.peekFirst().isAfter(now.minus(window))) {
      q.removeFirst();
    }
    if (q.size() > maxFailures) {
      Ban ban = new Ban(address, now.plus(banFor), reason);
      bans.put(address, ban);
      failures.remove(address);
      LOG.warn(
          "BAN address={} failures={} window_s={} until={} reason={}",
          address.getHostAddress(),
          q.size(),
          window.toSeconds(),
          ban.until(),
          reason);
      return true;
    }
    return false;
  }

  public synchronized boolean isBanned(InetAddress address) {
    Ban b = bans.get(address);
    if (b == null) {
      return false;
    }
    if (clock.instant().isBefore(b.until())) {
      return true;
    }
    bans.remove(address);
    return false;
  }

  /** The current bans, soonest to expire first. */
  public synchronized List<Ban> bans() {
    Instant now = clock.instant();
    bans.values().removeIf(b -> !now.isBefore(b.until()));
    List<Ban> list = new ArrayList<>(bans.values());
    list.sort(Comparator.comparing(Ban::until));
    return list;
  }
}
