package io.loadlens.dlms.wrapper;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Incremental decoder of wrapper frames from a byte stream (sans-I/O): feed it whatever a read
 * returned; it returns every complete frame and keeps the rest. A wrong version raises {@link
 * io.loadlens.dlms.DlmsFramingException} (the stream cannot be resynchronised: close it).
 */
public final class WrapperDecoder {
  private byte[] buf = new byte[0];
  private int len;

  public List<WrapperFrame> feed(byte[] data, int off, int n) {
    if (len + n > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(len + n, buf.length * 2));
    }
    System.arraycopy(data, off, buf, len, n);
    len += n;
    List<WrapperFrame> out = new ArrayList<>(1);
    int start = 0;
    while (len - start >= WrapperFrame.HEADER) {
      WrapperFrame.checkVersion(buf, start);
      int apduLen = ((buf[start + 6] & 0xFF) << 8) | (buf[start + 7] & 0xFF);
      if (len - start < WrapperFrame.HEADER + apduLen) {
        break;
      }
      int src = ((buf[start + 2] & 0xFF) << 8) | (buf[start + 3] & 0xFF);
      int dst = ((buf[start + 4] & 0xFF) << 8) | (buf[start + 5] & 0xFF);
      byte[] apdu =
          Arrays.copyOfRange(
              buf, start + WrapperFrame.HEADER, start + WrapperFrame.HEADER + apduLen);
      out.add(new WrapperFrame(src, dst, apdu));
      start += WrapperFrame.HEADER + apduLen;
    }
    if (start > 0) {
      System.arraycopy(buf, start, buf, 0, len - start);
      len -= start;
    }
    return out;
  }

  /** Octets received but not yet part of a complete frame. */
  public int buffered() {
    return len;
  }
}
