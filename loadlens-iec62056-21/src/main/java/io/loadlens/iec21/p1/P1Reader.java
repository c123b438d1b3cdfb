package io.loadlens.iec21.p1;

import io.loadlens.iec21.Iec21Exception;
import io.loadlens.model.MeterId;
import io.loadlens.model.ReadingBatch;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Reads a P1 port continuously — a serial device opened as a file, a TCP serial bridge's socket, a
 * capture file — and hands each telegram's values and the load-profile rows derived from them to a
 * {@link Listener}. Luxembourg Smarty frames are decrypted when keys are configured. A bad frame
 * (CRC, GCM tag, syntax) is counted and reported to the listener with its error; it never stops the
 * reader. {@link #run} returns at the end of the stream (a bridge that dropped the connection) or
 * after {@link #stop()}; the caller reconnects and calls it again, the profile state is kept.
 *
 * <p>Threading: {@link #run} on one thread at a time; {@link #stop()} and {@link #stats()} from
 * any.
 */
public final class P1Reader {
  /** Receives what the reader produces, on the reader's thread. */
  public interface Listener {
    /** Every value of one telegram, one series per OBIS code. */
    void onReadings(ReadingBatch readings, P1Telegram telegram);

    /** A load-profile row: the registers at a capture-period boundary. */
    default void onProfileRow(ReadingBatch row) {}

    /** A frame that could not be decrypted or decoded; the reader goes on with the next. */
    default void onBadTelegram(Iec21Exception error) {}

    /** The port could not be opened or failed while read ({@link #runReconnecting}). */
    default void onStreamError(IOException error) {}
  }

  /** Opens the port: a serial device file, a bridge's socket stream. */
  @FunctionalInterface
  public interface Opener {
    InputStream open() throws IOException;
  }

  /**
   * What to read.
   *
   * @param meter the meter id for the readings; empty to derive it from the telegram's equipment id
   *     ({@code p1-<equipment id>})
   * @param keys the Smarty keys; empty for unencrypted ports (an encrypted frame is then reported
   *     as bad)
   * @param profileMinutes the capture period of the profile rows, e.g. 15
   */
  public record Config(Optional<MeterId> meter, Optional<SmartyKeys> keys, int profileMinutes) {
    public Config {
      Objects.requireNonNull(meter, "meter");
      Objects.requireNonNull(keys, "keys");
      new P1ProfileAccumulator(MeterId.of("check"), profileMinutes); // validates the period
    }

    /** A plain port, meter id from the telegrams, 15-minute profile rows. */
    public static Config plain() {
      return new Config(Optional.empty(), Optional.empty(), 15);
    }
  }

  /** Counters since the reader was made. */
  public record Stats(long telegrams, long badTelegrams, Optional<String> lastError) {}

  private final Config config;
  private final Listener listener;
  private final InstantSource clock;
  private final Map<MeterId, P1ProfileAccumulator> profiles = new HashMap<>();
  private final AtomicLong telegrams = new AtomicLong();
  private final AtomicLong bad = new AtomicLong();
  private final AtomicReference<String> lastError = new AtomicReference<>();
  private volatile boolean stopped;

  public P1Reader(Config config, Listener listener, InstantSource clock) {
    this.config = Objects.requireNonNull(config, "config");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Reads until the end of the stream or {@link #stop()}.
   *
   * @throws IOException when the stream fails (the caller decides whether to reopen it)
   */
  public Stats run(InputStream in) throws IOException {
    P1FrameReader frames = new P1FrameReader(in, config.keys().isPresent());
    while (!stopped) {
      Optional<byte[]> frame;
      try {
        frame = frames.next();
      } catch (Iec21Exception e) {
        bad(e);
        continue;
      }
      if (frame.isEmpty()) {
        break;
      }
      accept(frame.get());
    }
    return stats();
  }

  /**
   * Reads until {@link #stop()}: opens the port, reads it to its end, and opens it again after
   * {@code retryDelay} when it ends or fails (a TCP bridge that dropped the connection, a USB
   * adapter that was re-plugged). Failures go to {@link Listener#onStreamError}.
   *
   * @throws InterruptedIOException when the thread is interrupted while waiting to reopen
   */
  public Stats runReconnecting(Opener opener, Duration retryDelay) throws InterruptedIOException {
    while (!stopped) {
      try (InputStream in = opener.open()) {
        run(in);
      } catch (IOException e) {
        listener.onStreamError(e);
      }
      if (stopped) {
        break;
      }
      try {
        Thread.sleep(retryDelay);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("P1 reader interrupted while waiting to reopen the port");
      }
    }
    return stats();
  }

  /** Decodes one frame as the reader would (also for frames from elsewhere, e.g. MQTT). */
  public void accept(byte[] frame) {
    try {
      byte[] telegram = decrypt(frame);
      Instant now = clock.instant();
      P1Telegram t = P1Decoder.decode(telegram, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
      MeterId meter = meterOf(t);
      ReadingBatch readings = P1Readings.toBatch(meter, t, now);
      telegrams.incrementAndGet();
      listener.onReadings(readings, t);
      profiles
          .computeIfAbsent(meter, m -> new P1ProfileAccumulator(m, config.profileMinutes()))
          .accept(t)
          .ifPresent(listener::onProfileRow);
    } catch (Iec21Exception e) {
      bad(e);
    } catch (IllegalArgumentException e) {
      bad(new Iec21Exception("P1 telegram: " + e.getMessage(), e));
    }
  }

  /** Stops {@link #run} after the current frame (a read blocked on the port returns first). */
  public void stop() {
    stopped = true;
  }

  public Stats stats() {
    return new Stats(telegrams.get(), bad.get(), Optional.ofNullable(lastError.get()));
  }

  private byte[] decrypt(byte[] frame) {
    if (!SmartyFrame.isEncrypted(frame)) {
      return frame;
    }
    SmartyKeys keys =
        config
            .keys()
            .orElseThrow(
                () ->
                    new Iec21Exception(
                        "P1 stream: encrypted (Smarty) frame but no decryption key is configured"));
    return SmartyFrame.decrypt(frame, keys.encryptionKey(), keys.authenticationKey());
  }

  private MeterId meterOf(P1Telegram t) {
    if (config.meter().isPresent()) {
      return config.meter().get();
    }
    String id =
        t.equipmentId()
            .orElseThrow(
                () ->
                    new Iec21Exception(
                        "P1 telegram from '"
                            + t.identification()
                            + "' has no equipment id (0-0:96.1.1) and no meter id is configured"));
    String safe = id.strip().replaceAll("[^A-Za-z0-9._:-]", "_");
    if (safe.isEmpty() || safe.length() > 61) {
      throw new Iec21Exception("P1 equipment id '" + id + "' cannot be a meter id");
    }
    return MeterId.of("p1-" + safe);
  }

  private void bad(Iec21Exception e) {
    bad.incrementAndGet();
    lastError.set(e.getMessage());
    listener.onBadTelegram(e);
  }
}
