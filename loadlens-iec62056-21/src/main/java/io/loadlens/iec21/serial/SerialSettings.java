package io.loadlens.iec21.serial;

import java.util.Objects;

/**
 * The character framing and speed of a serial line.
 *
 * @param baudRate bits per second, e.g. 300 for the IEC 62056-21 sign-on
 * @param dataBits 5..8
 * @param parity the parity bit
 * @param stopBits 1 or 2
 */
public record SerialSettings(int baudRate, int dataBits, Parity parity, int stopBits) {
  /** The parity bit of each character. */
  public enum Parity {
    NONE,
    EVEN,
    ODD
  }

  /** Baud rates a POSIX terminal can be set to (termios B50 .. B4000000). */
  private static final int[] STANDARD_RATES = {
    50, 75, 110, 134, 150, 200, 300, 600, 1200, 1800, 2400, 4800, 9600, 19200, 38400, 57600, 115200,
    230400, 460800, 500000, 576000, 921600, 1000000, 1152000, 1500000, 2000000, 2500000, 3000000,
    3500000, 4000000
  };

  public SerialSettings {
    Objects.requireNonNull(parity, "parity");
    if (!isStandardRate(baudRate)) {
      throw new IllegalArgumentException(
          "serial baud rate " + baudRate + " is not a standard rate (300, 1200, ... 115200, ...)");
    }
    if (dataBits < 5 || dataBits > 8) {
      throw new IllegalArgumentException("serial data bits must be 5..8, got " + dataBits);
    }
    if (stopBits != 1 && stopBits != 2) {
      throw new IllegalArgumentException("serial stop bits must be 1 or 2, got " + stopBits);
    }
  }

  /** 7 data bits, even parity, 1 stop bit: IEC 62056-21 (clause 6.3.1). */
  public static SerialSettings sevenEvenOne(int baudRate) {
    return new SerialSettings(baudRate, 7, Parity.EVEN, 1);
  }

  /** 8 data bits, no parity, 1 stop bit: HDLC (IEC 62056-46 over IEC 62056-42), DSMR 4+ P1. */
  public static SerialSettings eightNoneOne(int baudRate) {
    return new SerialSettings(baudRate, 8, Parity.NONE, 1);
  }

  /** The same framing at another speed. */
  public SerialSettings withBaudRate(int rate) {
    return new SerialSettings(rate, dataBits, parity, stopBits);
  }

  public static boolean isStandardRate(int baudRate) {
    for (int r : STANDARD_RATES) {
      if (r == baudRate) {
        return true;
      }
    }
    return false;
  }

  /** E.g. {@code 9600 7E1}. */
  @Override
  public String toString() {
    return baudRate + " " + dataBits + parity.name().charAt(0) + stopBits;
  }
}
