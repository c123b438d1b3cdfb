package io.loadlens.dlms.client;

import io.loadlens.dlms.DlmsConnectionException;
import io.loadlens.dlms.DlmsTimeoutException;
import java.io.IOException;
import java.time.Duration;

/**
 * A {@link ByteLink} with the session's response timeout and the DLMS exception mapping: a read
 * that times out is {@link DlmsTimeoutException}, an ended link or an I/O error is {@link
 * DlmsConnectionException} (connection lost), each naming the link.
 */
final class LinkChannel implements AutoCloseable {
  private final ByteLink link;
  private final Duration timeout;

  LinkChannel(ByteLink link, Duration timeout) {
    this.link = link;
    this.timeout = timeout;
  }

  void write(byte[] b) {
    if (b.length == 0) {
      return;
    }
    try {
      link.write(b);
    } catch (IOException e) {
      throw DlmsConnectionException.lost("send to " + peer() + ": " + e.getMessage(), e);
    }
  }

  /** Reads at least one byte into {@code buf} within the timeout; returns the count. */
  int read(byte[] buf) {
    int n;
    try {
      n = link.read(buf, 0, buf.length, timeout);
    } catch (IOException e) {
      throw DlmsConnectionException.lost("receive from " + peer() + ": " + e.getMessage(), e);
    }
    if (n < 0) {
      throw DlmsConnectionException.lost(
          "receive from " + peer() + ": connection closed by peer", null);
    }
    if (n == 0) {
      throw new DlmsTimeoutException("receive from " + peer() + ": no answer within " + timeout);
    }
    return n;
  }

  /** How long a read waits for the meter. */
  Duration timeout() {
    return timeout;
  }

  String peer() {
    return link.name();
  }

  /** Closes the link; never throws. */
  @Override
  public void close() {
    try {
      link.close();
    } catch (RuntimeException ignored) {
      // a link whose close throws despite its contract: the session is over either way
    }
  }
}
