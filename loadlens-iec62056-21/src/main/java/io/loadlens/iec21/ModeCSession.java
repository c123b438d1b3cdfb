package io.loadlens.iec21;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A blocking IEC 62056-21 mode C readout over an input and output stream: a TCP serial bridge's
 * socket, or a serial device opened as a file (configure it first, e.g. with {@link SttyBaudRate}).
 * Drives a {@link ModeCClient} and brings the timers: it polls {@link InputStream#available()} so a
 * silent meter ends in a timeout instead of a blocked thread.
 *
 * <p>One readout per call, on the calling thread; the streams stay open (the caller owns them).
 */
public final class ModeCSession {
  /** Sets the port's baud rate at the switch-over; {@link #FIXED} for a link that cannot. */
  @FunctionalInterface
  public interface BaudRateControl {
    /** A transparent bridge with a fixed baud rate: nothing to do. */
    BaudRateControl FIXED = baud -> {};

    void setBaudRate(int baudRate) throws IOException;
  }

  /**
   * The waits of the exchange.
   *
   * @param reaction longest wait for the first byte of an answer (t_r)
   * @param interCharacter longest pause inside a message (t_a)
   * @param switchOver pause after the option select before switching the baud rate
   * @param poll how long to sleep when no byte is available
   */
  public record Timing(
      Duration reaction, Duration interCharacter, Duration switchOver, Duration poll) {
    public Timing {
      Objects.requireNonNull(reaction, "reaction");
      Objects.requireNonNull(interCharacter, "interCharacter");
      Objects.requireNonNull(switchOver, "switchOver");
      Objects.requireNonNull(poll, "poll");
      if (reaction.isNegative()
          || interCharacter.isNegative()
          || switchOver.isNegative()
          || poll.isNegative()) {
        throw new IllegalArgumentException("IEC 62056-21 timing: durations must not be negative");
      }
    }

    /** The limits of IEC 62056-21 clause 6.3.14. */
    public static Timing standard() {
      return new Timing(
          Duration.ofMillis(ModeCClient.REACTION_TIMEOUT_MILLIS),
          Duration.ofMillis(ModeCClient.INTER_CHARACTER_TIMEOUT_MILLIS),
          Duration.ofMillis(ModeCClient.SWITCH_OVER_DELAY_MILLIS),
          Duration.ofMillis(5));
    }
  }

  private final InputStream in;
  private final OutputStream out;
  private final BaudRateControl baud;
  private final Timing timing;

  /** A session with the standard timing. */
  public ModeCSession(InputStream in, OutputStream out, BaudRateControl baud) {
    this(in, out, baud, Timing.standard());
  }

  public ModeCSession(InputStream in, OutputStream out, BaudRateControl baud, Timing timing) {
    this.in = Objects.requireNonNull(in, "in");
    this.out = Objects.requireNonNull(out, "out");
    this.baud = Objects.requireNonNull(baud, "baud");
    this.timing = Objects.requireNonNull(timing, "timing");
  }

  /**
   * Signs on, selects the baud rate and reads the data message.
   *
   * @throws Iec21Exception when the meter does not answer in time or its answer is malformed
   * @throws IOException when the streams fail
   */
  public ModeCReadout read(ModeCClient.Options options) throws IOException {
    ModeCClient client = new ModeCClient(options);
    baud.setBaudRate(ModeCClient.INITIAL_BAUD_RATE);
    send(client.start());
    byte[] buffer = new byte[256];
    long deadline = System.nanoTime() + timing.reaction().toNanos();
    while (true) {
      int available = in.available();
      if (available <= 0) {
        if (System.nanoTime() - deadline > 0) {
          throw client.timeout();
        }
        pause(timing.poll());
        continue;
      }
      int n = in.read(buffer, 0, Math.min(buffer.length, available));
      if (n < 0) {
        throw new Iec21Exception("IEC 62056-21 mode C: the link closed in state " + client.state());
      }
      List<ModeCClient.Action> actions = client.receive(buffer, 0, n);
      deadline = System.nanoTime() + timing.interCharacter().toNanos();
      for (ModeCClient.Action action : actions) {
        switch (action) {
          case ModeCClient.Action.Send s -> send(s.bytes());
          case ModeCClient.Action.SwitchBaudRate b -> {
            pause(timing.switchOver());
            baud.setBaudRate(b.baudRate());
            deadline = System.nanoTime() + timing.reaction().toNanos();
          }
          case ModeCClient.Action.Completed c -> {
            return c.readout();
          }
        }
      }
    }
  }

  private void send(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  private static void pause(Duration d) throws InterruptedIOException {
    if (d.isZero()) {
      return;
    }
    try {
      Thread.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("IEC 62056-21 mode C: interrupted while waiting");
    }
  }
}
