package io.loadlens.iec21;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The client side of an IEC 62056-21 mode C data readout as a sans-I/O state machine: it never
 * touches a port, it is fed the bytes received and returns what to do next (send bytes, switch the
 * baud rate, the finished readout). The caller owns the port, the timers and the threads; see
 * {@link ModeCSession} for a blocking adapter over a serial line.
 *
 * <pre>
 *   client (300 Bd, 7E1)        /?[address]!CR LF                   sign-on, clause 6.3.1
 *   meter                       /XXXZ[\W]ident CR LF                identification, 6.3.2
 *   client                      ACK V Z Y CR LF                     option select, 6.3.3
 *                               V=0 normal protocol, Z=baud, Y=0 data readout
 *   both switch to Z's baud rate (mode C: '0'..'6' = 300..19200 Bd, table 1)
 *   meter                       STX data ! CR LF ETX BCC            data message, 6.3.4
 * </pre>
 *
 * Bytes are taken as 7-bit characters (a parity bit left in by a port opened 8N1 is ignored). An
 * echo of the client's own sign-on, as a half-duplex optical head returns it, is skipped. The baud
 * character Z of the identification tells the protocol mode (clause 6.3.2, table 1 / 6.3.14):
 *
 * <ul>
 *   <li>'0'..'6': mode C (or E), 300..19200 Bd, selected with the option select;
 *   <li>'A'..'F': mode B, 600..19200 Bd: the meter sends its data without an option select, at that
 *       rate, right after the identification, so the client switches at once;
 *   <li>'7'..'9' and 'G'..'I' are reserved: the exchange fails naming the character;
 *   <li>any other character: mode A, the data follows at the initial rate.
 * </ul>
 *
 * <p>Timeouts are the caller's: when no byte arrives within {@link #REACTION_TIMEOUT_MILLIS} of a
 * request, or within {@link #INTER_CHARACTER_TIMEOUT_MILLIS} between characters, it calls {@link
 * #timeout(java.time.Duration)}, which fails the exchange with a message naming the state. Not
 * thread-safe: one client per exchange.
 */
public final class ModeCClient {
  /** Acknowledge character that opens the option select message (ISO 646 ACK). */
  public static final byte ACK = 0x06;

  /**
   * Longest the meter may take to answer a request (t_r, clause 6.3.14: 200 ms to 1500 ms); a
   * caller waits this long for the first byte.
   */
  public static final int REACTION_TIMEOUT_MILLIS = 1500;

  /** Longest pause between two characters of one message (t_a, clause 6.3.14). */
  public static final int INTER_CHARACTER_TIMEOUT_MILLIS = 1500;

  /** Time to wait after sending the option select before switching the baud rate (≥ t_r min). */
  public static final int SWITCH_OVER_DELAY_MILLIS = 300;

  /** The initial baud rate of mode C (clause 6.3.1). */
  public static final int INITIAL_BAUD_RATE = 300;

  /** Mode C baud rates by the identification's Z character '0'..'6' (clause 6.3.14, table 1). */
  private static final int[] MODE_C_BAUD = {300, 600, 1200, 2400, 4800, 9600, 19200};

  /** Mode B baud rates by the identification's Z character 'A'..'F' (clause 6.3.14, table 1). */
  private static final int[] MODE_B_BAUD = {600, 1200, 2400, 4800, 9600, 19200};

  /** Longest identification line accepted: "/XXXZ\W" + 16 characters + CR LF, with margin. */
  static final int MAX_IDENTIFICATION_BYTES = 128;

  /**
   * Most bytes skipped while waiting for '/' or STX (echoes, line noise): a line that only ever
   * carries noise ends the exchange instead of keeping it alive.
   */
  static final int MAX_SKIPPED_BYTES = 1024;

  /** Longest data message accepted. */
  public static final int MAX_DATA_MESSAGE_BYTES = 64 * 1024;

  /** Where the exchange stands. */
  public enum State {
    /** {@link #start()} not yet called. */
    IDLE,
    AWAIT_IDENTIFICATION,
    AWAIT_DATA,
    DONE,
    FAILED
  }

  /** What the caller does next, in the order returned. */
  public sealed interface Action {
    /** Write these bytes to the port. */
    record Send(byte[] bytes) implements Action {}

    /**
     * Set the port to this baud rate (7E1). After an option select ({@code afterOptionSelect}),
     * first let the bytes sent before leave the port and wait {@link #SWITCH_OVER_DELAY_MILLIS}; in
     * mode B, switch at once (the meter already has).
     */
    record SwitchBaudRate(int baudRate, boolean afterOptionSelect) implements Action {}

    /** The exchange is complete. */
    record Completed(ModeCReadout readout) implements Action {}

    /**
     * Mode E: the option select for HDLC has been sent; once it has left the port, wait {@link
     * #SWITCH_OVER_DELAY_MILLIS}, set the port to this rate with 8 data bits, no parity, 1 stop
     * bit, and start HDLC (SNRM). The exchange is complete.
     */
    record EnterHdlc(ModeCIdentification identification, int baudRate) implements Action {}
  }

  /**
   * How to talk to the meter.
   *
   * @param address the device address of the sign-on (up to 32 characters of 0-9, A-Z, a-z and
   *     space, clause 6.3.1), empty for "any meter" on a point-to-point link
   * @param maxBaudRate the highest baud rate the port can switch to; the client selects the lower
   *     of this and the meter's
   * @param hdlc mode E: select the HDLC protocol ({@code ACK 2 Z 2}, IEC 62056-21 annex E) instead
   *     of the data readout
   */
  public record Options(String address, int maxBaudRate, boolean hdlc) {
    /** A data readout. */
    public Options(String address, int maxBaudRate) {
      this(address, maxBaudRate, false);
    }

    public Options {
      if (address == null || address.length() > 32 || !address.matches("[0-9A-Za-z ]*")) {
        throw new IllegalArgumentException(
            "IEC 62056-21 device address '"
                + address
                + "' must be up to 32 characters of 0-9, A-Z, a-z and space");
      }
      if (baudCharacter(maxBaudRate) < 0) {
        throw new IllegalArgumentException(
            "IEC 62056-21 mode C baud rate " + maxBaudRate + " is not one of 300 .. 19200");
      }
    }

    /** Any meter on the link, up to 19200 Bd. */
    public static Options defaults() {
      return new Options("", 19200);
    }

    /** The same, switching to HDLC (mode E) instead of reading out. */
    public Options withHdlc() {
      return new Options(address, maxBaudRate, true);
    }
  }

  private final Options options;
  private State state = State.IDLE;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream(64);
  private final ByteArrayOutputStream data = new ByteArrayOutputStream(1024);
  private ModeCIdentification identification;
  private boolean inData;
  private boolean awaitBcc;
  private int skipped;

  public ModeCClient(Options options) {
    this.options = java.util.Objects.requireNonNull(options, "options");
  }

  public State state() {
    return state;
  }

  /** The meter's identification, once received. */
  public Optional<ModeCIdentification> identification() {
    return Optional.ofNullable(identification);
  }

  /** Starts the exchange: the sign-on message to send at {@link #INITIAL_BAUD_RATE}. */
  public byte[] start() {
    if (state != State.IDLE) {
      throw new IllegalStateException("IEC 62056-21 client already started (state " + state + ")");
    }
    state = State.AWAIT_IDENTIFICATION;
    return ("/?" + options.address() + "!\r\n").getBytes(StandardCharsets.US_ASCII);
  }

  /** Feeds received bytes; returns the actions they call for (often none). */
  public List<Action> receive(byte[] bytes) {
    return receive(bytes, 0, bytes.length);
  }

  /**
   * Feeds received bytes.
   *
   * @throws Iec21Exception when the meter's answer is malformed (the exchange is then FAILED)
   */
  public List<Action> receive(byte[] bytes, int offset, int length) {
    List<Action> actions = new ArrayList<>(2);
    try {
      for (int i = offset; i < offset + length; i++) {
        int b = bytes[i] & 0x7F;
        switch (state) {
          case AWAIT_IDENTIFICATION -> identificationByte(b, actions);
          case AWAIT_DATA -> dataByte(b, actions);
          case IDLE ->
              throw new IllegalStateException("IEC 62056-21 client: receive() before start()");
          case DONE, FAILED -> {
            return actions; // trailing bytes after the exchange are not ours
          }
        }
      }
    } catch (Iec21Exception e) {
      state = State.FAILED;
      throw e;
    }
    return actions;
  }

  /**
   * The caller's timer expired: fails the exchange.
   *
   * @param waited how long the caller waited, for the message
   * @return the error to report, naming what was awaited
   */
  public Iec21TimeoutException timeout(java.time.Duration waited) {
    String within = " within " + waited.toMillis() + " ms";
    String awaited =
        switch (state) {
          case AWAIT_IDENTIFICATION -> "no identification (/XXXZ...)" + within + " of the sign-on";
          case AWAIT_DATA ->
              inData
                  ? "data message stopped after "
                      + data.size()
                      + " bytes without ETX and BCC (no byte"
                      + within
                      + ")"
                  : "no data message (STX)" + within + " of the identification";
          default -> "timeout in state " + state;
        };
    state = State.FAILED;
    return new Iec21TimeoutException("IEC 62056-21 mode C: " + awaited);
  }

  private void identificationByte(int b, List<Action> actions) {
    if (line.size() == 0 && b != '/') {
      skip("'/' of the identification"); // noise before the identification
      return;
    }
    line.write(b);
    if (line.size() > MAX_IDENTIFICATION_BYTES) {
      throw new Iec21Exception(
          "IEC 62056-21 identification exceeds " + MAX_IDENTIFICATION_BYTES + " bytes without LF");
    }
    if (b != '\n') {
      return;
    }
    String text = line.toString(StandardCharsets.US_ASCII);
    line.reset();
    if (text.startsWith("/?")) {
      return; // the echo of our own sign-on
    }
    identification = ModeCIdentification.parse(text);
    char z = identification.baudCharacter();
    state = State.AWAIT_DATA;
    boolean modeC = z >= '0' && z <= '6';
    if (options.hdlc() && !modeC) {
      throw new Iec21Exception(
          "IEC 62056-21 identification '"
              + text.strip()
              + "': baud character '"
              + z
              + "' is not one of mode E ('0'..'6'), so the meter cannot switch to HDLC");
    }
    if (z >= 'A' && z <= 'F') {
      int meterBaud = MODE_B_BAUD[z - 'A'];
      if (meterBaud > options.maxBaudRate()) {
        throw new Iec21Exception(
            "IEC 62056-21 mode B meter switches to "
                + meterBaud
                + " Bd (baud character '"
                + z
                + "'), above the highest rate of the port, "
                + options.maxBaudRate()
                + " Bd");
      }
      actions.add(new Action.SwitchBaudRate(meterBaud, false));
      return;
    }
    if ((z >= '7' && z <= '9') || (z >= 'G' && z <= 'I')) {
      throw new Iec21Exception(
          "IEC 62056-21 identification '"
              + text.strip()
              + "': unknown baud character '"
              + z
              + "' (reserved; mode C uses '0'..'6', mode B 'A'..'F')");
    }
    if (!modeC) {
      return; // mode A: the data follows at the initial rate without an option select
    }
    int meterBaud = MODE_C_BAUD[z - '0'];
    int baud = Math.min(meterBaud, options.maxBaudRate());
    char selected = (char) ('0' + baudCharacter(baud));
    if (options.hdlc()) {
      // V=2: HDLC protocol procedure, Y=2: binary mode (IEC 62056-21 annex E)
      actions.add(new Action.Send(new byte[] {ACK, '2', (byte) selected, '2', '\r', '\n'}));
      actions.add(new Action.EnterHdlc(identification, baud));
      state = State.DONE;
      return;
    }
    actions.add(
        new Action.Send(
            new byte[] {ACK, '0', (byte) selected, '0', '\r', '\n'})); // V=0 normal, Y=0 readout
    actions.add(new Action.SwitchBaudRate(baud, true));
  }

  private void dataByte(int b, List<Action> actions) {
    if (!inData) {
      if (b == ModeCReadout.STX) {
        inData = true;
        data.write(b);
      } else {
        skip("STX of the data message"); // the echo of the option select, or noise
      }
      return;
    }
    data.write(b);
    if (data.size() > MAX_DATA_MESSAGE_BYTES) {
      throw new Iec21Exception(
          "IEC 62056-21 data message exceeds " + MAX_DATA_MESSAGE_BYTES + " bytes without ETX");
    }
    if (awaitBcc) {
      ModeCReadout r = ModeCReadout.decode(data.toByteArray());
      state = State.DONE;
      actions.add(
          new Action.Completed(
              new ModeCReadout(Optional.ofNullable(identification), r.dataSets(), r.bcc())));
    } else if (b == ModeCReadout.ETX) {
      awaitBcc = true;
    }
  }

  private void skip(String awaited) {
    if (++skipped > MAX_SKIPPED_BYTES) {
      throw new Iec21Exception(
          "IEC 62056-21 mode C: " + MAX_SKIPPED_BYTES + " bytes of noise without the " + awaited);
    }
  }

  /** The mode C character for a baud rate, or -1. */
  static int baudCharacter(int baud) {
    for (int i = 0; i < MODE_C_BAUD.length; i++) {
      if (MODE_C_BAUD[i] == baud) {
        return i;
      }
    }
    return -1;
  }
}
