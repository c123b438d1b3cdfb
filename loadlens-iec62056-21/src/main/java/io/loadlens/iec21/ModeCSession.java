package io.loadlens.iec21;

import io.loadlens.iec21.serial.SerialLine;
import io.loadlens.iec21.serial.SerialSettings;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Objects;

/**
 * A blocking IEC 62056-21 readout over a {@link SerialLine}: a serial device ({@link
 * io.loadlens.iec21.serial.TtySerialLine}), a TCP serial bridge ({@link
 * io.loadlens.iec21.serial.TcpSerialLine}) or any pair of streams. Drives a {@link ModeCClient} and
 * brings the timers and the baud-rate switch-over; every wait is bounded, so a silent meter ends in
 * an {@link Iec21Exception} naming what was awaited.
 *
 * <p>One readout per call, on the calling thread; the line stays open (the caller owns it) and is
 * left at the rate of the data message.
 */
public final class ModeCSession {
  /**
   * The waits of the exchange.
   *
   * @param reaction longest wait for the first byte of an answer (t_r)
   * @param interCharacter longest pause inside a message (t_a)
   * @param switchOver pause after the option select before switching the baud rate
   */
  public record Timing(Duration reaction, Duration interCharacter, Duration switchOver) {
    public Timing {
      Objects.requireNonNull(reaction, "reaction");
      Objects.requireNonNull(interCharacter, "interCharacter");
      Objects.requireNonNull(switchOver, "switchOver");
      if (reaction.isNegative() || interCharacter.isNegative() || switchOver.isNegative()) {
        throw new IllegalArgumentException("IEC 62056-21 timing: durations must not be negative");
      }
    }

    /** The limits of IEC 62056-21 clause 6.3.14. */
    public static Timing standard() {
      return new Timing(
          Duration.ofMillis(ModeCClient.REACTION_TIMEOUT_MILLIS),
          Duration.ofMillis(ModeCClient.INTER_CHARACTER_TIMEOUT_MILLIS),
          Duration.ofMillis(ModeCClient.SWITCH_OVER_DELAY_MILLIS));
    }
  }

  private final SerialLine line;
  private final Timing timing;

  /** A session with the standard timing. */
  public ModeCSession(SerialLine line) {
    this(line, Timing.standard());
  }

  public ModeCSession(SerialLine line, Timing timing) {
    this.line = Objects.requireNonNull(line, "line");
    this.timing = Objects.requireNonNull(timing, "timing");
  }

  /** Signs on at {@link ModeCClient#INITIAL_BAUD_RATE} (300 Bd, 7E1) and reads the data. */
  public ModeCReadout read(ModeCClient.Options options) throws IOException {
    return read(options, ModeCClient.INITIAL_BAUD_RATE);
  }

  /**
   * Signs on at {@code initialBaudRate} (7E1), selects the baud rate and reads the data message.
   * Bytes left on the line from before are dropped first.
   *
   * @throws Iec21Exception when the meter does not answer in time or its answer is malformed; the
   *     message names the line
   * @throws IOException when the line fails
   */
  public ModeCReadout read(ModeCClient.Options options, int initialBaudRate) throws IOException {
    ModeCClient client = new ModeCClient(options);
    line.configure(SerialSettings.sevenEvenOne(initialBaudRate));
    line.discardInput();
    try {
      return ((ModeCClient.Action.Completed) exchange(client)).readout();
    } catch (Iec21Exception e) {
      throw named(e);
    }
  }

  /**
   * Mode E (IEC 62056-21 annex E): signs on at {@code initialBaudRate} (7E1), selects the HDLC
   * protocol with {@code ACK 2 Z 2} and leaves the line at the selected rate with 8N1, ready for
   * the HDLC client's SNRM.
   *
   * @return the meter's identification
   * @throws Iec21Exception when the meter does not answer in time or cannot switch to HDLC
   */
  public ModeCIdentification switchToHdlc(ModeCClient.Options options, int initialBaudRate)
      throws IOException {
    ModeCClient client = new ModeCClient(options.withHdlc());
    line.configure(SerialSettings.sevenEvenOne(initialBaudRate));
    line.discardInput();
    try {
      ModeCClient.Action.EnterHdlc e = (ModeCClient.Action.EnterHdlc) exchange(client);
      pause(timing.switchOver());
      line.configure(SerialSettings.eightNoneOne(e.baudRate()));
      line.discardInput(); // the echo of the option select on a half-duplex head
      return e.identification();
    } catch (Iec21Exception e) {
      throw named(e);
    }
  }

  /** The same error with the line's name, keeping whether it is a timeout. */
  private Iec21Exception named(Iec21Exception e) {
    String message = e.getMessage() + " (" + line.name() + ")";
    return e instanceof Iec21TimeoutException
        ? new Iec21TimeoutException(message, e)
        : new Iec21Exception(message, e);
  }

  /** Runs the exchange to its end: the readout, or (mode E) the switch to HDLC. */
  private ModeCClient.Action exchange(ModeCClient client) throws IOException {
    line.write(client.start());
    byte[] buffer = new byte[256];
    Duration wait = timing.reaction();
    while (true) {
      int n = line.read(buffer, 0, buffer.length, wait);
      if (n == 0) {
        throw client.timeout(wait);
      }
      if (n < 0) {
        throw new Iec21Exception("IEC 62056-21 mode C: the line closed in state " + client.state());
      }
      wait = timing.interCharacter();
      for (ModeCClient.Action action : client.receive(buffer, 0, n)) {
        switch (action) {
          case ModeCClient.Action.Send s -> line.write(s.bytes());
          case ModeCClient.Action.SwitchBaudRate b -> {
            if (b.afterOptionSelect()) {
              pause(timing.switchOver());
            }
            line.configure(SerialSettings.sevenEvenOne(b.baudRate()));
            wait = timing.reaction();
          }
          case ModeCClient.Action.Completed c -> {
            return c;
          }
          case ModeCClient.Action.EnterHdlc e -> {
            return e;
          }
        }
      }
    }
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
