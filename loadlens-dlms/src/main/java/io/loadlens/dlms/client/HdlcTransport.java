package io.loadlens.dlms.client;

import io.loadlens.dlms.DlmsConnectionException;
import io.loadlens.dlms.DlmsException;
import io.loadlens.dlms.DlmsTimeoutException;
import io.loadlens.dlms.hdlc.HdlcAddress;
import io.loadlens.dlms.hdlc.HdlcClientLink;
import io.loadlens.dlms.hdlc.HdlcParameters;
import java.util.function.BooleanSupplier;

/**
 * HDLC (IEC 62056-46) for the blocking client: the sans-I/O {@link HdlcClientLink} (SNRM/UA
 * negotiation, windows of I-frames, RR acknowledgements, recovery from N(R)) driven over a {@link
 * ByteLink}. A read timeout polls the server with RR (or repeats SNRM/DISC) up to {@link #RETRIES}
 * times in a row before the timeout is reported.
 */
final class HdlcTransport implements ClientTransport {
  /** Information field length the client proposes in SNRM (both directions). */
  static final int PROPOSED_MAX_INFO = 256;

  /** Polls after a read timeout, in a row, before the timeout is reported. */
  static final int RETRIES = 1;

  private final LinkChannel link;
  private final HdlcClientLink hdlc;
  private final byte[] buf = new byte[4096];

  private HdlcTransport(LinkChannel link, ClientSettings s, int window) {
    this.link = link;
    this.hdlc =
        new HdlcClientLink(
            HdlcAddress.server(s.serverLogicalAddress(), s.serverPhysicalAddress()),
            HdlcAddress.client(s.clientAddress()),
            new HdlcParameters(PROPOSED_MAX_INFO, PROPOSED_MAX_INFO, window, window));
  }

  static ClientTransport open(LinkChannel link, ClientSettings s) {
    return open(link, s, 1);
  }

  /** SNRM/UA, proposing {@code window} I-frames in each direction. */
  static ClientTransport open(LinkChannel link, ClientSettings s, int window) {
    HdlcTransport t = new HdlcTransport(link, s, window);
    t.hdlc.connect();
    try {
      t.pump(t.hdlc::connected);
    } catch (DlmsConnectionException e) {
      throw DlmsConnectionException.failed(
          "HDLC SNRM to " + link.peer() + ": " + e.getMessage(), e);
    }
    return t;
  }

  /** The parameters the meter answered in UA. */
  HdlcParameters negotiated() {
    return hdlc.negotiated();
  }

  @Override
  public void send(byte[] apdu) {
    hdlc.send(apdu);
    link.write(hdlc.takeOutput());
  }

  @Override
  public byte[] receive() {
    hdlc.awaitMore();
    byte[][] got = new byte[1][];
    pump(
        () -> {
          got[0] = hdlc.takeApdu();
          return got[0] != null;
        });
    return got[0];
  }

  /**
   * Reads, feeds the link and writes its answers until {@code done}; polls on a timeout. A meter
   * that keeps sending but no frame that passes its checks within the timeout (line noise, a
   * corrupting modem) counts as a timeout too, so the wait is bounded either way.
   */
  private void pump(BooleanSupplier done) {
    link.write(hdlc.takeOutput());
    long timeoutNanos = link.timeout().toNanos();
    int timeouts = 0;
    long accepted = hdlc.framesAccepted();
    long deadline = System.nanoTime() + timeoutNanos;
    while (!done.getAsBoolean()) {
      try {
        int n = link.read(buf);
        hdlc.onBytes(buf, 0, n);
        link.write(hdlc.takeOutput());
        if (hdlc.framesAccepted() != accepted) {
          accepted = hdlc.framesAccepted();
          timeouts = 0;
          deadline = System.nanoTime() + timeoutNanos;
          continue;
        }
        if (System.nanoTime() - deadline < 0) {
          continue;
        }
        throw new DlmsTimeoutException(
            "receive from "
                + link.peer()
                + ": no frame that passes its checks within "
                + link.timeout());
      } catch (DlmsTimeoutException e) {
        if (++timeouts > RETRIES) {
          throw e;
        }
        hdlc.onTimeout();
        link.write(hdlc.takeOutput());
        deadline = System.nanoTime() + timeoutNanos;
      }
    }
  }

  @Override
  public void disconnect() {
    try {
      hdlc.disconnect();
      link.write(hdlc.takeOutput());
      link.read(buf);
    } catch (DlmsException ignored) {
      // the meter may be gone already
    }
  }

  @Override
  public void close() {
    link.close();
  }
}
