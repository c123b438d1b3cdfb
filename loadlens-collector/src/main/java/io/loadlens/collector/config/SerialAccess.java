package io.loadlens.collector.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A meter reached over a serial line instead of TCP: HDLC (IEC 62056-46) over an RS-485 or RS-232
 * adapter, 8 data bits, no parity, 1 stop bit (IEC 62056-42 clause 6.2).
 *
 * @param device the serial device, e.g. {@code /dev/ttyUSB0}
 * @param baudRate the line's speed, one of 300 .. 115200 (9600 is the usual default of meters)
 */
public record SerialAccess(Path device, int baudRate) {
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
    if (!known) {
      throw new InvalidFieldException(
          "serialBaud",
          "must be one of 300, 600, 1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200, got "
              + baudRate);
    }
  }

  @Override
  public String toString() {
    return device + "@" + baudRate;
  }
}
