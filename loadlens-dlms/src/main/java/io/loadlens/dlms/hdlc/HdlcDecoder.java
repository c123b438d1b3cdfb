package io.loadlens.dlms.hdlc;

import io.loadlens.dlms.DlmsFramingException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Incremental HDLC frame decoder (sans-I/O): feed it any chunking of the byte stream; it returns
 * the complete valid frames. Bytes before a flag are skipped; a frame whose HCS/FCS or format is
 * wrong is dropped (counted in {@link #droppedFrames()}, its error kept in {@link #lastError()})
 * and decoding resynchronises on the next flag, as IEC 62056-46 has receivers discard bad frames.
 */
public final class HdlcDecoder {
  /** Buffered octets allowed before the decoder gives up on a stream (one max frame plus slack). */
  private static final int MAX_BUFFER = 8 * 1024;

  private byte[] buf = new byte[256];
  private int len;
  private int dropped;
  private String lastError;

  public List<HdlcFrame> feed(byte[] data, int off, int n) {
    if (len + n > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(len + n, buf.length * 2));
    }
    System.arraycopy(data, off, buf, len, n);
    len += n;
    List<HdlcFrame> out = new ArrayList<>(1);
    int start = 0;
    while (true) {
      while (start < len && (buf[start] & 0xFF) != HdlcFrame.FLAG) {
        start++;
      }
      // skip repeated flags (an opening flag may double as the previous closing flag)
      while (start + 1 < len && (buf[start + 1] & 0xFF) == HdlcFrame.FLAG) {
        start++;
      }
      if (len - start < 3) {
        break;
      }
      int format = ((buf[start + 1] & 0xFF) << 8) | (buf[start + 2] & 0xFF);
      if ((format & 0xF000) != HdlcFrame.FORMAT_TYPE_3 || (format & HdlcFrame.MAX_LENGTH) < 7) {
        drop(String.format("HDLC format: actual 0x%04X is not frame format type 3", format));
        start++;
        continue;
      }
      int total = (format & HdlcFrame.MAX_LENGTH) + 2;
      if (len - start < total) {
        break;
      }
      try {
        out.add(HdlcFrame.decode(buf, start, total));
        start += total - 1; // the closing flag may open the next frame
      } catch (DlmsFramingException e) {
        drop(e.getMessage());
        start++;
      }
    }
    if (start > 0) {
      System.arraycopy(buf, start, buf, 0, len - start);
      len -= start;
    }
    if (len > MAX_BUFFER) {
      drop("HDLC: " + len + " octets without a valid frame, buffer cleared");
      len = 0;
    }
    return out;
  }

  private void drop(String error) {
    dropped++;
    lastError = error;
  }

  /** Frames dropped for a bad checksum, format or address so far. */
  public int droppedFrames() {
    return dropped;
  }

  /** The error of the last dropped frame, or null. */
  public String lastError() {
    return lastError;
  }
}
