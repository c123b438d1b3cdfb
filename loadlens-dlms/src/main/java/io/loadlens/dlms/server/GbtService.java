package io.loadlens.dlms.server;

import io.loadlens.dlms.apdu.GbtReassembler;
import io.loadlens.dlms.apdu.GbtStreamer;
import io.loadlens.dlms.apdu.GeneralBlockTransfer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * general-block-transfer on the server (Green Book 9.3.10): a request that comes in GBT blocks is
 * reassembled (acknowledged at each window end), carried out, and its response goes back in GBT
 * blocks too, as the Green Book requires once a party used GBT: the client's window of blocks at a
 * time, streaming inside the window, the next window after the client's acknowledgement (from its
 * block-number-ack, so lost blocks are sent again).
 */
final class GbtService {
  /** Largest request accepted in GBT blocks. */
  static final int MAX_REQUEST_BYTES = 1 << 20;

  private final int ownWindow;
  private GbtReassembler rx;
  private GbtStreamer tx;

  GbtService(int ownWindow) {
    this.ownWindow = ownWindow;
  }

  void reset() {
    rx = null;
    tx = null;
  }

  /**
   * One GBT APDU from the client; returns the GBT APDUs to send.
   *
   * @param handle carries out a reassembled request and returns its (protected) response
   * @param blockSize block data octets per response block
   */
  List<byte[]> onBlock(GeneralBlockTransfer b, UnaryOperator<byte[]> handle, int blockSize) {
    if (b.dataLength() == 0 && !b.lastBlock()) {
      if (tx == null) {
        return List.of(); // an acknowledgement with nothing being sent: nothing to do
      }
      tx.onAck(b);
      return encode(tx);
    }
    if (rx == null || b.blockNumber() == 1) {
      rx = new GbtReassembler(ownWindow, 0, MAX_REQUEST_BYTES);
      tx = null;
    }
    GbtReassembler.Step step = rx.onBlock(b);
    if (step.ack() != null) {
      return List.of(step.ack().encode());
    }
    if (step.apdu() == null) {
      return List.of();
    }
    rx = null;
    byte[] reply = handle.apply(step.apdu());
    tx = new GbtStreamer(reply, blockSize, b.window(), ownWindow, b.blockNumber());
    return encode(tx);
  }

  private static List<byte[]> encode(GbtStreamer s) {
    List<byte[]> out = new ArrayList<>();
    for (GeneralBlockTransfer g : s.nextWindow()) {
      out.add(g.encode());
    }
    return out;
  }
}
