package io.loadlens.dlms.client;

import io.loadlens.dlms.DlmsTimeoutException;
import io.loadlens.dlms.apdu.GbtReassembler;
import io.loadlens.dlms.apdu.GeneralBlockTransfer;

/**
 * general-block-transfer over another transport (Green Book 9.3.10): every request goes out as one
 * GBT block (last-block set) announcing the client's window; a response in GBT blocks is
 * reassembled by {@link GbtReassembler}, acknowledging each window. A response the meter sends
 * without GBT is passed through. A read timeout while blocks are awaited sends the acknowledgement
 * again once, so the meter repeats what was lost.
 */
final class GbtTransport implements ClientTransport {
  private final ClientTransport inner;
  private final int window;
  private final int maxBytes;

  GbtTransport(ClientTransport inner, int window, int maxBytes) {
    this.inner = inner;
    this.window = window;
    this.maxBytes = maxBytes;
  }

  @Override
  public void send(byte[] apdu) {
    inner.send(new GeneralBlockTransfer(true, false, window, 1, 0, apdu).encode());
  }

  @Override
  public byte[] receive() {
    GbtReassembler rx = new GbtReassembler(window, 1, maxBytes);
    boolean retried = false;
    while (true) {
      byte[] apdu;
      try {
        apdu = inner.receive();
      } catch (DlmsTimeoutException e) {
        if (retried) {
          throw e;
        }
        retried = true;
        inner.send(rx.onTimeout().encode());
        continue;
      }
      if (apdu.length == 0 || (apdu[0] & 0xFF) != GeneralBlockTransfer.TAG) {
        return apdu;
      }
      GbtReassembler.Step step = rx.onBlock(GeneralBlockTransfer.decode(apdu));
      if (step.apdu() != null) {
        return step.apdu();
      }
      if (step.ack() != null) {
        inner.send(step.ack().encode());
      }
    }
  }

  @Override
  public void disconnect() {
    inner.disconnect();
  }

  @Override
  public void close() {
    inner.close();
  }
}
