package io.loadlens.wmbus;

import io.loadlens.model.ReadingBatch;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Receives wM-Bus telegrams — text lines from a file, stdin or a receiver's output ({@link
 * TelegramLine}), or raw frames from a serial dongle — decrypts them with the meters' keys, and
 * hands the readings to a {@link Listener}. A bad telegram (CRC, MAC, missing key, malformed
 * record) is counted and reported with its error; it never stops the receiver.
 *
 * <p>Threading: one {@code run} at a time; {@link #stats()} and {@link #stop()} from any thread.
 */
public final class WMBusReceiver {
  /** Receives what the receiver produces, on the receiver's thread. */
  public interface Listener {
    /** The mapped current values of one telegram. */
    void onReadings(ReadingBatch readings, WMBusTelegram telegram);

    /** A telegram that decoded but holds no value loadlens maps (e.g. an unknown medium). */
    default void onUnmapped(WMBusTelegram telegram) {}

    /** A telegram or line that could not be decoded; {@code where} says which (e.g. "line 12"). */
    default void onBadTelegram(String where, WMBusException error) {}

    /**
     * A telegram (or AFL fragment) already accepted, received again with identical bytes (T1
     * repeats, several receivers); it gives no readings.
     */
    default void onDuplicate(String where, String meter) {}
  }

  /**
   * Counters since the receiver was made.
   *
   * @param telegrams telegrams decoded (a reassembled message counts once)
   * @param unmapped of those, without mapped values
   * @param bad lines, frames and partial messages refused (replays included)
   * @param duplicates telegrams and fragments received again and ignored
   * @param fragments AFL fragments received
   */
  public record Stats(
      long telegrams,
      long unmapped,
      long bad,
      long duplicates,
      long fragments,
      Optional<String> lastError) {}

  private static final int MAX_LINE_CHARS = 4096;

  private final KeyLookup keys;
  private final ZoneId meterZone;
  private final Listener listener;
  private final InstantSource clock;
  private final AtomicLong telegrams = new AtomicLong();
  private final AtomicLong unmapped = new AtomicLong();
  private final AtomicLong bad = new AtomicLong();
  private final AtomicLong duplicates = new AtomicLong();
  private final AtomicLong fragments = new AtomicLong();
  private final MessageCounters counters;
  private final AflReassembler reassembler;
  private final AtomicReference<String> lastError = new AtomicReference<>();
  private volatile boolean stopped;

  /**
   * @param keys the meters' keys, e.g. a {@link io.loadlens.wmbus.receiver.KeyFile}
   * @param meterZone the zone of the meters' clocks and of rtl-wmbus timestamps
   */
  public WMBusReceiver(KeyLookup keys, ZoneId meterZone, Listener listener, InstantSource clock) {
    this(keys, meterZone, listener, clock, new MessageCounters(), AflReassembler.Limits.DEFAULT);
  }

  /**
   * @param counters the meters' last accepted message counters (replay protection), e.g. those of a
   *     {@link io.loadlens.wmbus.receiver.CounterFile}
   * @param reassembly the limits of AFL fragment reassembly
   */
  public WMBusReceiver(
      KeyLookup keys,
      ZoneId meterZone,
      Listener listener,
      InstantSource clock,
      MessageCounters counters,
      AflReassembler.Limits reassembly) {
    this.keys = Objects.requireNonNull(keys, "keys");
    this.meterZone = Objects.requireNonNull(meterZone, "meterZone");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.counters = Objects.requireNonNull(counters, "counters");
    this.reassembler = new AflReassembler(keys, Objects.requireNonNull(reassembly, "reassembly"));
  }

  /** Reads text lines until the end of the input or {@link #stop()}. */
  public Stats runLines(BufferedReader in) throws IOException {
    int number = 0;
    String line;
    while (!stopped && (line = in.readLine()) != null) {
      number++;
      String where = "line " + number;
      if (line.length() > MAX_LINE_CHARS) {
        bad(where, new WMBusException("wM-Bus line longer than " + MAX_LINE_CHARS + " characters"));
        continue;
      }
      try {
        Optional<TelegramLine> t = TelegramLine.parse(line, meterZone);
        if (t.isPresent()) {
          accept(where, t.get().frame(), t.get().receivedAt().orElseGet(clock::instant));
        }
      } catch (WMBusException e) {
        bad(where, e);
      }
    }
    return stats();
  }

  /**
   * Reads raw frames as serial dongles deliver them in transparent mode: the L-field, then L bytes
   * (link-layer CRCs removed), optionally followed by one RSSI byte.
   */
  public Stats runFrames(InputStream in, boolean rssiAppended) throws IOException {
    long number = 0;
    while (!stopped) {
      int l = in.read();
      if (l < 0) {
        break;
      }
      byte[] frame = new byte[l + 1];
      frame[0] = (byte) l;
      int n = in.readNBytes(frame, 1, l);
      if (n < l || (rssiAppended && in.read() < 0)) {
        bad("frame " + (number + 1), new WMBusException("wM-Bus stream ended inside a frame"));
        break;
      }
      number++;
      accept("frame " + number, frame, clock.instant());
    }
    return stats();
  }

  /**
   * Decodes one telegram as the receiver would (also for telegrams from elsewhere): a fragment goes
   * to the reassembly, a telegram with an authenticated message counter through the replay check.
   */
  public void accept(String where, byte[] frame, Instant receivedAt) {
    try {
      Received r = decodeLayers(frame);
      WMBusTelegram t;
      byte[] identity;
      switch (r.decoded()) {
        case Decoded.Whole w -> {
          t = w.telegram();
          identity = r.telegram();
        }
        case Decoded.Part p -> {
          fragments.incrementAndGet();
          AflReassembler.Step step;
          try {
            step = reassembler.accept(p.fragment(), receivedAt);
          } finally {
            for (WMBusException dropped : reassembler.drainDropped()) {
              bad("partial message", dropped);
            }
          }
          switch (step) {
            case AflReassembler.Step.Pending pending -> {
              return;
            }
            case AflReassembler.Step.Duplicate d -> {
              duplicate(where, d.meter());
              return;
            }
            case AflReassembler.Step.Complete c -> {
              t = c.telegram();
              identity = c.identity();
            }
          }
        }
      }
      if (t.messageCounter().isPresent()) {
        String meter = t.manufacturer() + "-" + t.id();
        if (counters.check(meter, t.messageCounter().getAsLong(), identity)
            == MessageCounters.Verdict.DUPLICATE) {
          duplicate(where, meter);
          return;
        }
      }
      Optional<ReadingBatch> batch = WMBusReadings.toBatch(t, receivedAt, meterZone);
      telegrams.incrementAndGet();
      if (batch.isPresent()) {
        listener.onReadings(batch.get(), t);
      } else {
        unmapped.incrementAndGet();
        listener.onUnmapped(t);
      }
    } catch (WMBusException e) {
      bad(where, e);
    }
  }

  /** What a frame decoded to, and the telegram bytes (without CRCs or RSSI) that did. */
  private record Received(Decoded decoded, byte[] telegram) {}

  /**
   * Decodes a frame; when its length fits no frame format and it is one byte longer than its
   * L-field says, the last byte is taken for an RSSI byte the receiver appended and dropped.
   */
  WMBusTelegram decode(byte[] frame) {
    return switch (decodeLayers(frame).decoded()) {
      case Decoded.Whole w -> w.telegram();
      case Decoded.Part p -> TelegramDecoder.decode(frame, keys); // names the fragment
    };
  }

  private Received decodeLayers(byte[] frame) {
    try {
      return new Received(
          TelegramDecoder.decodeLayers(frame, keys), LinkLayer.strip(frame).telegram());
    } catch (WMBusException e) {
      if (frame.length >= 13 && (frame[0] & 0xFF) + 2 == frame.length) {
        byte[] shorter = Arrays.copyOf(frame, frame.length - 1);
        return new Received(
            TelegramDecoder.decodeLayers(shorter, keys), LinkLayer.strip(shorter).telegram());
      }
      throw e;
    }
  }

  public void stop() {
    stopped = true;
  }

  public Stats stats() {
    return new Stats(
        telegrams.get(),
        unmapped.get(),
        bad.get(),
        duplicates.get(),
        fragments.get(),
        Optional.ofNullable(lastError.get()));
  }

  private void duplicate(String where, String meter) {
    duplicates.incrementAndGet();
    listener.onDuplicate(where, meter);
  }

  private void bad(String where, WMBusException e) {
    bad.incrementAndGet();
    lastError.set(where + ": " + e.getMessage());
    listener.onBadTelegram(where, e);
  }
}
