package io.loadlens.collector.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A meter reached over a serial line instead of TCP: HDLC (IEC 62056-46) over an RS-485 or RS-232
 * adapter, 8 data bits, no parity, 1 stop bit (IEC 62056-42 clause 6.2); or, in mode E, over an
 * optical probe, first signing on with IEC 62056-21 at 300 Bd 7E1 and switching to HDLC.
 *
 * @param device the serial device, e.g. {@code /dev/ttyUSB0}
 * @param baudRate the line's speed, one of 300 .. 115200 (9600 is the usual default of meters); in
 *     mode E the highest rate to switch to, 300 .. 19200
 * @param modeE sign on with IEC 62056-21 and switch to HDLC (annex E) before the HDLC session
 */
public record SerialAccess(Path device, int baudRate, boolean modeE) {
  /** A direct HDLC line (RS-485, RS-232). */
  public SerialAccess(Path device, int baudRate) {
    this(device, baudRate, false);
  }

  /** The baud rate meters' HDLC ports usually default to. */
  public static final int DEFAULT_BAUD_RATE = 9600;

  private static final int[] RATES = {
    300, 600, 1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200
  };

  public SerialAccess {
    Objects.requireNonNull(device, "device");
    if (device.toString().isBlank()) {
      throw new InvalidFieldException("serial", "must be a device path, got ''");
    }
    boolean known = false;
    for (int r : RATES) {
      known |= r == baudRate;
    }
    if (modeE && baudRate > 19200) {
      throw new InvalidFieldException(
          "serialBaud", "must be at most 19200 with mode E (IEC 62056-21), got " + baudRate);
    }
    if (!known) {
      throw new InvalidFieldException(
          "serialBaud",
          "must be one of 300, 600, 1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200, got "
              + baudRate);
    }
  }

  @Override
  public String toString() {
    return device + "@" + baudRate + (modeE ? " mode E" : "");
  }
}
