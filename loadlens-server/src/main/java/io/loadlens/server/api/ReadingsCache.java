package io.loadlens.server.api;

import io.loadlens.model.MeterId;
import io.loadlens.model.ObisCode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * An LRU cache of encoded readings answers, bounded in bytes and in age.
 *
 * <p>Consistency: the key holds the channel's latest capture time, so new readings are visible as
 * soon as the caller sees the new latest capture time (within a second, see {@code
 * MeterOperations.LOOKUP_TTL}); an answer is reused for at most {@code ttl}, which bounds how long
 * a change that does not move the latest capture time (a VEE re-run, a back-filled gap) can go
 * unseen; manual edits made through the API drop the meter's entries at once. Concurrent misses of
 * one key compute it once.
 */
public final class ReadingsCache {

  /** What identifies an answer. {@code lastCapture} is null when the channel has no data. */
  public record Key(
      MeterId meter,
      ObisCode obis,
      Instant from,
      Instant to,
      ReadingsQuery.Source source,
      Duration resolution,
      ReadingsQuery.Aggregation aggregation,
      ZoneId zone,
      Instant lastCapture) {}

  private record Slot(CompletableFuture<ReadingsBody> body, long createdNanos) {}

  /** Default age bound of an entry. */
  public static final Duration DEFAULT_TTL = Duration.ofSeconds(60);

  /** Default byte bound: about 60 meter-years of 15-minute raw answers. */
  public static final long DEFAULT_MAX_BYTES = 64L << 20;

  private final long ttlNanos;
  private final long maxBytes;
  private final LongSupplier nanoTicker;
  private final LinkedHashMap<Key, Slot> slots = new LinkedHashMap<>(64, 0.75f, true);
  private long bytes;
  private long hits;
  private long misses;

  /**
   * @param ttl how long an answer is reused (zero turns the cache off)
   * @param maxBytes memory bound of the stored answers
   * @param nanoTicker a monotonic clock in nanoseconds ({@code System::nanoTime})
   */
  public ReadingsCache(Duration ttl, long maxBytes, LongSupplier nanoTicker) {
    if (ttl.isNegative()) {
      throw new IllegalArgumentException("readings cache ttl " + ttl + " is negative");
    }
    if (maxBytes < 0) {
      throw new IllegalArgumentException("readings cache maxBytes " + maxBytes + " is negative");
    }
    this.ttlNanos = ttl.toNanos();
    this.maxBytes = maxBytes;
    this.nanoTicker = nanoTicker;
  }

  public static ReadingsCache defaults() {
    return new ReadingsCache(DEFAULT_TTL, DEFAULT_MAX_BYTES, System::nanoTime);
  }

  /** The cached answer for the key, or the one {@code compute} makes (then cached). */
  public ReadingsBody get(Key key, Supplier<ReadingsBody> compute) {
    if (ttlNanos == 0 || maxBytes == 0) {
      return compute.get();
    }
    CompletableFuture<ReadingsBody> mine = null;
    Slot slot;
    synchronized (this) {
      long now = nanoTicker.getAsLong();
      slot = slots.get(key);
      if (slot != null && now - slot.createdNanos() >= ttlNanos) {
        remove(key, slot);
        slot = null;
      }
      if (slot == null) {
        mine = new CompletableFuture<>();
        slot = new Slot(mine, now);
        slots.put(key, slot);
        misses++;
      } else {
        hits++;
      }
    }
    if (mine != null) {
      try {
        ReadingsBody b = compute.get();
        mine.complete(b);
        synchronized (this) {
          if (slots.get(key) == slot) {
            bytes += b.weight();
            evict();
          }
        }
        return b;
      } catch (RuntimeException e) {
        mine.completeExceptionally(e);
        synchronized (this) {
          slots.remove(key, slot);
        }
        throw e;
      }
    }
    try {
      return slot.body().join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }

  /** Drops every answer about the meter (after a change made through the API). */
  public synchronized void invalidate(MeterId meter) {
    Iterator<Map.Entry<Key, Slot>> it = slots.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<Key, Slot> e = it.next();
      if (e.getKey().meter().equals(meter)) {
        bytes -= weight(e.getValue());
        it.remove();
      }
    }
  }

  /** Hits, misses, entries and bytes held, for metrics and tests. */
  public record Stats(long hits, long misses, int entries, long bytes) {}

  public synchronized Stats stats() {
    return new Stats(hits, misses, slots.size(), bytes);
  }

  private void evict() {
    Iterator<Map.Entry<Key, Slot>> it = slots.entrySet().iterator();
    while (bytes > maxBytes && it.hasNext()) {
      Map.Entry<Key, Slot> e = it.next();
      if (e.getValue().body().isDone()) {
        bytes -= weight(e.getValue());
        it.remove();
      }
    }
  }

  private void remove(Key key, Slot slot) {
    if (slots.remove(key, slot)) {
      bytes -= weight(slot);
    }
  }

  private static long weight(Slot s) {
    CompletableFuture<ReadingsBody> f = s.body();
    return f.isDone() && !f.isCompletedExceptionally() ? f.join().weight() : 0;
  }
}
