package io.loadlens.iec21.p1;

import io.loadlens.iec21.Iec21Exception;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.Optional;

/**
 * Splits a P1 byte stream that may carry plain telegrams ({@code /} .. {@code !CRC CR LF}) and
 * Luxembourg Smarty general-glo-ciphering frames into single frames. An encrypted frame has no end
 * marker, so it is cut by its header:
 *
 * <pre>
 *   DB 08 ST(8) LL            LL &lt; 0x80: LL bytes follow (IEC 62056-5-3 / A-XDR length)
 *   DB 08 ST(8) 81 LL         LL bytes follow
 *   DB 08 ST(8) 82 LL LL      LLLL bytes follow (big-endian); Smarty frames use this form
 * </pre>
 *
 * Bytes before a {@code /} or a {@code DB 08} are skipped, so a reader that starts in the middle of
 * a frame recovers at the next one (a {@code DB 08} inside ciphertext can make one false start,
 * which then fails its GCM tag and is reported like any bad frame). Frames longer than {@link
 * P1StreamReader#MAX_TELEGRAM_BYTES} are refused with an error, after which the reader can be
 * called again.
 */
public final class P1FrameReader {
  private static final int GENERAL_GLO_CIPHERING = 0xDB;
  private static final int SYSTEM_TITLE_LENGTH = 8;

  private final PushbackInputStream in;
  private final boolean encryptedOnly;

  /** A reader of plain telegrams that also recognises encrypted frames (to report them). */
  public P1FrameReader(InputStream in) {
    this(in, false);
  }

  /**
   * @param encryptedOnly look for encrypted frames only: a port that sends Smarty frames sends
   *     nothing else, and a {@code /} inside ciphertext must not start a plain telegram
   */
  public P1FrameReader(InputStream in, boolean encryptedOnly) {
    this.in = new PushbackInputStream(in, 4);
    this.encryptedOnly = encryptedOnly;
  }

  /**
   * The next frame: a plain telegram (begins with {@code /}) or an encrypted frame (begins with
   * 0xDB, see {@link SmartyFrame#isEncrypted}); empty at the end of the stream.
   *
   * @throws Iec21Exception when a frame exceeds the size limit
   */
  public Optional<byte[]> next() throws IOException {
    while (true) {
      int b = in.read();
      if (b < 0) {
        return Optional.empty();
      }
      if (b == '/' && !encryptedOnly) {
        return plain();
      }
      if (b == GENERAL_GLO_CIPHERING) {
        int st = in.read();
        if (st == SYSTEM_TITLE_LENGTH) {
          return encrypted();
        }
        if (st >= 0) {
          in.unread(st); // not a frame header: rescan from the byte after 0xDB
        }
      }
    }
  }

  private Optional<byte[]> plain() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
    out.write('/');
    int b;
    boolean afterBang = false;
    while ((b = in.read()) >= 0) {
      if (b == GENERAL_GLO_CIPHERING) {
        in.unread(b);
        throw new Iec21Exception(
            "P1 stream: telegram cut off after " + out.size() + " bytes by an encrypted frame");
      }
      out.write(b);
      if (out.size() > P1StreamReader.MAX_TELEGRAM_BYTES) {
        throw new Iec21Exception(
            "P1 stream: telegram exceeds "
                + P1StreamReader.MAX_TELEGRAM_BYTES
                + " bytes without a '!' end");
      }
      if (b == '!') {
        afterBang = true;
      } else if (afterBang && b == '\n') {
        return Optional.of(out.toByteArray());
      }
    }
    return Optional.empty();
  }

  private Optional<byte[]> encrypted() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
    out.write(GENERAL_GLO_CIPHERING);
    out.write(SYSTEM_TITLE_LENGTH);
    if (!copy(out, SYSTEM_TITLE_LENGTH)) {
      return Optional.empty();
    }
    int first = in.read();
    if (first < 0) {
      return Optional.empty();
    }
    out.write(first);
    int length;
    if (first < 0x80) {
      length = first;
    } else if (first == 0x81 || first == 0x82) {
      int n = first & 0x7F;
      length = 0;
      for (int i = 0; i < n; i++) {
        int l = in.read();
        if (l < 0) {
          return Optional.empty();
        }
        out.write(l);
        length = (length << 8) | l;
      }
    } else {
      throw new Iec21Exception(
          String.format("P1 stream: encrypted frame length form 0x%02X is not supported", first));
    }
    if (out.size() + length > P1StreamReader.MAX_TELEGRAM_BYTES) {
      throw new Iec21Exception(
          "P1 stream: encrypted frame length "
              + length
              + " exceeds "
              + P1StreamReader.MAX_TELEGRAM_BYTES
              + " bytes");
    }
    return copy(out, length) ? Optional.of(out.toByteArray()) : Optional.empty();
  }

  private boolean copy(ByteArrayOutputStream out, int n) throws IOException {
    byte[] buf = in.readNBytes(n);
    out.write(buf, 0, buf.length);
    return buf.length == n;
  }
}
