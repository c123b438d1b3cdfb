package io.loadlens.iec21.p1;

import io.loadlens.iec21.Iec21Exception;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Splits a P1 byte stream (a serial port, a TCP serial bridge, a capture file) into telegrams: from
 * {@code /} to the {@code !} line and its CRC. Bytes before a {@code /} are skipped, so a reader
 * that starts in the middle of a telegram recovers at the next one. A telegram longer than {@link
 * #MAX_TELEGRAM_BYTES} is dropped with an error rather than growing without bound.
 */
public final class P1StreamReader {
  /**
   * Longest telegram accepted; DSMR 5 telegrams are about 1 KiB, e-MUCS with history about 2 KiB.
   */
  public static final int MAX_TELEGRAM_BYTES = 16 * 1024;

  private final InputStream in;

  public P1StreamReader(InputStream in) {
    this.in = in;
  }

  /**
   * The next telegram's bytes, or empty at the end of the stream.
   *
   * @throws Iec21Exception when a telegram exceeds the size limit (the reader can be called again
   *     to resynchronise at the next {@code /})
   */
  public Optional<byte[]> next() throws IOException {
    int b;
    do {
      b = in.read();
      if (b < 0) {
        return Optional.empty();
      }
    } while (b != '/');
    ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
    out.write(b);
    while ((b = in.read()) >= 0) {
      out.write(b);
      if (out.size() > MAX_TELEGRAM_BYTES) {
        throw new Iec21Exception(
            "P1 stream: telegram exceeds " + MAX_TELEGRAM_BYTES + " bytes without a '!' end");
      }
      if (b == '!') {
        readCrcLine(out);
        return Optional.of(out.toByteArray());
      }
    }
    return Optional.empty();
  }

  /** After '!': up to four hex digits, then CR LF (DSMR 2.2/3.0 have no digits). */
  private void readCrcLine(ByteArrayOutputStream out) throws IOException {
    int b;
    while ((b = in.read()) >= 0) {
      out.write(b);
      if (b == '\n' || out.size() > MAX_TELEGRAM_BYTES) {
        return;
      }
    }
  }
}
