package io.loadlens.server.api;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Remembers the answers of a cheap-to-ask but not free store lookup (a registry entry, a latest
 * capture time) for a short time, so a burst of requests for the same meter asks the store once per
 * {@code ttl}. Empty answers are not remembered (a meter or channel that appears is seen at once).
 * Bounded: when it holds {@code maxEntries}, it is cleared.
 */
final class RecentLookups<K, V> {

  private record Timed<V>(V value, long atNanos) {}

  private final ConcurrentHashMap<K, Timed<V>> map = new ConcurrentHashMap<>();
  private final long ttlNanos;
  private final int maxEntries;
  private final LongSupplier nanoTicker;

  RecentLookups(Duration ttl, int maxEntries, LongSupplier nanoTicker) {
    if (ttl.isNegative()) {
      throw new IllegalArgumentException("lookup ttl " + ttl + " is negative");
    }
    this.ttlNanos = ttl.toNanos();
    this.maxEntries = maxEntries;
    this.nanoTicker = nanoTicker;
  }

  Optional<V> get(K key, Function<K, Optional<V>> lookup) {
    long now = nanoTicker.getAsLong();
    Timed<V> t = map.get(key);
    if (t != null && now - t.atNanos() < ttlNanos) {
      return Optional.of(t.value());
    }
    Optional<V> v = lookup.apply(key);
    if (v.isPresent() && ttlNanos > 0) {
      if (map.size() >= maxEntries) {
        map.clear();
      }
      map.put(key, new Timed<>(v.get(), now));
    } else {
      map.remove(key);
    }
    return v;
  }
}
