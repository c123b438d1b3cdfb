package io.loadlens.wmbus;

import io.loadlens.wmbus.AflReassemblyException.Reason;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reassembles fragmented AFL messages (EN 13757-7 §6.3.2): a meter sends the fragments of one
 * message in order, fragment ID 1, 2, 3, ..., the last with the more-fragments bit clear; the first
 * carries the AFL message fields (MCL, KI, MCR, MAC, ML) and the TPL header. Fragments are told
 * apart by sender (link-layer M ‖ A). When the last one arrives the whole message is decoded
 * (decryption, MAC over the whole message, ML against its length).
 *
 * <p>A fragment received again with identical bytes (T1 repeats, several receivers) is a {@link
 * Step.Duplicate}, also just after its message completed. Anything else out of line drops the
 * partial message with an {@link AflReassemblyException} naming why. Memory is bounded: at most
 * {@link Limits#maxMessages} messages in progress (the oldest is dropped for a new one), each at
 * most {@link Limits#maxMessageBytes} of fragments, and a message still incomplete {@link
 * Limits#maxAge} after its first fragment is dropped as stale. Drops of other meters' messages are
 * collected for {@link #drainDropped()}.
 *
 * <p>Not thread-safe: one receiver thread.
 */
public final class AflReassembler {
  /**
   * @param maxMessages messages in progress at once (one per meter)
   * @param maxMessageBytes fragment bytes kept per message (telegrams and their payloads)
   * @param maxAge how long after its first fragment a message may stay incomplete
   */
  public record Limits(int maxMessages, int maxMessageBytes, Duration maxAge) {
    /** 64 messages, 16 KiB each, 2 minutes. */
    public static final Limits DEFAULT = new Limits(64, 16 * 1024, Duration.ofMinutes(2));

    public Limits {
      if (maxMessages < 1) {
        throw new IllegalArgumentException("maxMessages must be at least 1, got " + maxMessages);
      }
      if (maxMessageBytes < 256) {
        throw new IllegalArgumentException(
            "maxMessageBytes must be at least 256, got " + maxMessageBytes);
      }
      Objects.requireNonNull(maxAge, "maxAge");
      if (maxAge.isNegative() || maxAge.isZero()) {
        throw new IllegalArgumentException("maxAge must be positive, got " + maxAge);
      }
    }
  }

  /** What a fragment did. */
  public sealed interface Step {
    /** Kept; the message waits for more fragments. */
    record Pending(String meter, int fragmentId) implements Step {}

    /** The same fragment again (identical bytes); ignored. */
    record Duplicate(String meter, int fragmentId) implements Step {}

    /**
     * The last fragment: the decoded message, and its identity (the fragments' telegrams in order)
     * for duplicate detection.
     */
    record Complete(WMBusTelegram telegram, byte[] identity, int fragments) implements Step {
      public Complete {
        identity = identity.clone();
      }

      @Override
      public byte[] identity() {
        return identity.clone();
      }
    }
  }

  private static final class Partial {
    final Instant started;
    final List<AflFragment> fragments = new ArrayList<>();
    int bytes;

    Partial(Instant started) {
      this.started = started;
    }

    int lastId() {
      return fragments.size();
    }

    String meter() {
      return fragments.get(0).meter();
    }
  }

  private final KeyLookup keys;
  private final Limits limits;
  private final LinkedHashMap<String, Partial> partials = new LinkedHashMap<>();
  private final LinkedHashMap<String, Partial> completed = new LinkedHashMap<>();
  private final List<WMBusException> dropped = new ArrayList<>();

  public AflReassembler(KeyLookup keys, Limits limits) {
    this.keys = Objects.requireNonNull(keys, "keys");
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  /**
   * Takes one fragment received at {@code receivedAt}.
   *
   * @throws AflReassemblyException when it breaks its message (which is dropped)
   * @throws WMBusException when it completes a message that does not decode
   */
  public Step accept(AflFragment f, Instant receivedAt) {
    expire(receivedAt);
    String key = f.address();
    Partial p = partials.get(key);
    if (f.fragmentId() == 1) {
      if (p != null && p.fragments.get(0).sameTelegram(f)) {
        return new Step.Duplicate(f.meter(), 1);
      }
      Partial before = p == null ? null : partials.remove(key);
      Partial started = start(key, f, receivedAt);
      Step step = f.last() ? complete(key, started) : new Step.Pending(f.meter(), 1);
      if (before != null) {
        throw new AflReassemblyException(
            Reason.MISSING_FRAGMENT,
            String.format(
                "wM-Bus %s: AFL message dropped: missing fragment %d (a new message began with fragment 1 after fragment %d)",
                f.meter(), before.lastId() + 1, before.lastId()));
      }
      return step;
    }
    if (p == null) {
      Partial done = completed.get(key);
      if (done != null && isRepeatOf(done, f)) {
        return new Step.Duplicate(f.meter(), f.fragmentId());
      }
      throw new AflReassemblyException(
          Reason.OUT_OF_ORDER,
          String.format(
              "wM-Bus %s: AFL fragment %d out of order: no message in progress (fragment 1 is missing or its message was dropped)",
              f.meter(), f.fragmentId()));
    }
    if (f.fragmentId() <= p.lastId()) {
      if (isRepeatOf(p, f)) {
        return new Step.Duplicate(f.meter(), f.fragmentId());
      }
      partials.remove(key);
      throw new AflReassemblyException(
          Reason.DUPLICATE_FRAGMENT,
          String.format(
              "wM-Bus %s: AFL message dropped: fragment %d received again with different bytes",
              f.meter(), f.fragmentId()));
    }
    if (f.fragmentId() != p.lastId() + 1) {
      partials.remove(key);
      throw new AflReassemblyException(
          Reason.MISSING_FRAGMENT,
          String.format(
              "wM-Bus %s: AFL message dropped: missing fragment %d (got fragment %d)",
              f.meter(), p.lastId() + 1, f.fragmentId()));
    }
    int size = p.bytes + weight(f);
    if (size > limits.maxMessageBytes()) {
      partials.remove(key);
      throw new AflReassemblyException(
          Reason.OVERLONG,
          String.format(
              "wM-Bus %s: AFL message dropped: fragment %d makes it %d bytes, more than the limit of %d",
              f.meter(), f.fragmentId(), size, limits.maxMessageBytes()));
    }
    p.fragments.add(f);
    p.bytes = size;
    if (f.last()) {
      partials.remove(key);
      return complete(key, p);
    }
    return new Step.Pending(f.meter(), f.fragmentId());
  }

  /**
   * Drops the messages still incomplete {@link Limits#maxAge} after their first fragment; they are
   * reported through {@link #drainDropped()}. {@link #accept} calls this itself.
   */
  public void expire(Instant now) {
    Iterator<Partial> it = partials.values().iterator();
    while (it.hasNext()) {
      Partial p = it.next();
      if (Duration.between(p.started, now).compareTo(limits.maxAge()) > 0) {
        it.remove();
        dropped.add(
            new AflReassemblyException(
                Reason.STALE,
                String.format(
                    "wM-Bus %s: AFL message dropped as stale: fragment %d of it came, no more within %s",
                    p.meter(), p.lastId(), limits.maxAge())));
      }
    }
  }

  /** The partial messages dropped for age or room since the last call (then forgotten). */
  public List<WMBusException> drainDropped() {
    List<WMBusException> out = List.copyOf(dropped);
    dropped.clear();
    return out;
  }

  /** Messages in progress. */
  public int pending() {
    return partials.size();
  }

  private Partial start(String key, AflFragment f, Instant receivedAt) {
    if (partials.size() >= limits.maxMessages()) {
      Map.Entry<String, Partial> oldest = partials.entrySet().iterator().next();
      partials.remove(oldest.getKey());
      Partial o = oldest.getValue();
      dropped.add(
          new AflReassemblyException(
              Reason.STALE,
              String.format(
                  "wM-Bus %s: AFL message dropped after fragment %d to make room: %d messages in progress",
                  o.meter(), o.lastId(), limits.maxMessages())));
    }
    Partial p = new Partial(receivedAt);
    p.fragments.add(f);
    p.bytes = weight(f);
    partials.put(key, p);
    return p;
  }

  private Step complete(String key, Partial p) {
    partials.remove(key);
    completed.remove(key);
    completed.put(key, p);
    if (completed.size() > limits.maxMessages()) {
      completed.remove(completed.keySet().iterator().next());
    }
    int length = 0;
    for (AflFragment f : p.fragments) {
      length += f.telegramLength();
    }
    byte[] identity = new byte[length];
    int at = 0;
    for (AflFragment f : p.fragments) {
      byte[] t = f.telegram();
      System.arraycopy(t, 0, identity, at, t.length);
      at += t.length;
    }
    WMBusTelegram telegram = TelegramDecoder.decodeReassembled(p.fragments, keys);
    return new Step.Complete(telegram, identity, p.fragments.size());
  }

  private static boolean isRepeatOf(Partial p, AflFragment f) {
    int i = f.fragmentId() - 1;
    return i < p.fragments.size() && p.fragments.get(i).sameTelegram(f);
  }

  /** Bytes a fragment holds in memory: its telegram and its payload. */
  private static int weight(AflFragment f) {
    return f.telegramLength() + f.payloadLength();
  }
}
