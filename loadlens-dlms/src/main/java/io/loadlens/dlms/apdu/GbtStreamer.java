package io.loadlens.dlms.apdu;

import io.loadlens.dlms.DlmsFramingException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The sending side of general-block-transfer (Green Book 9.3.10), sans-I/O: one APDU cut into
 * blocks, sent a window at a time with streaming. Every block of a window but the last has the
 * streaming bit; the receiver acknowledges the window with block-number-ack, and the next window
 * starts after it, so blocks it lost are sent again.
 */
public final class GbtStreamer {
  private final byte[] apdu;
  private final int blockSize;
  private final int ownWindow;
  private final int blocks;
  private int peerWindow;
  private int acked;
  private int sent;
  private int peerBlock;

  /**
   * @param blockSize block data octets per block
   * @param peerWindow the window the receiver announced (blocks sent before waiting)
   * @param ownWindow the window this side announces in its blocks
   * @param peerBlock the number of the receiver's last block (its request), acknowledged in ours
   */
  public GbtStreamer(byte[] apdu, int blockSize, int peerWindow, int ownWindow, int peerBlock) {
    if (blockSize < 1) {
      throw new IllegalArgumentException("general-block-transfer block size " + blockSize);
    }
    this.apdu = apdu.clone();
    this.blockSize = blockSize;
    this.peerWindow = Math.max(1, peerWindow);
    this.ownWindow = ownWindow;
    this.peerBlock = peerBlock;
    this.blocks = Math.max(1, (apdu.length + blockSize - 1) / blockSize);
    if (blocks > 0xFFFF) {
      throw new IllegalArgumentException(
          "general-block-transfer: " + apdu.length + " octets need more than 65535 blocks");
    }
  }

  /** The blocks of the next window, from the first one not acknowledged. */
  public List<GeneralBlockTransfer> nextWindow() {
    int end = Math.min(blocks, acked + peerWindow);
    List<GeneralBlockTransfer> out = new ArrayList<>(end - acked);
    for (int n = acked + 1; n <= end; n++) {
      int from = (n - 1) * blockSize;
      byte[] data = Arrays.copyOfRange(apdu, from, Math.min(apdu.length, from + blockSize));
      out.add(new GeneralBlockTransfer(n == blocks, n < end, ownWindow, n, peerBlock, data));
    }
    sent = Math.max(sent, end);
    return out;
  }

  /**
   * An acknowledgement from the receiver: its block-number-ack is the last block it holds in order;
   * its window, when not 0, replaces the one announced before.
   *
   * @throws DlmsFramingException when it acknowledges a block never sent
   */
  public void onAck(GeneralBlockTransfer ack) {
    if (ack.blockNumberAck() > sent) {
      throw new DlmsFramingException(
          "general-block-transfer: block-number-ack "
              + ack.blockNumberAck()
              + " acknowledges a block never sent (sent up to "
              + sent
              + ")");
    }
    acked = Math.max(acked, ack.blockNumberAck());
    peerBlock = ack.blockNumber();
    if (ack.window() > 0) {
      peerWindow = ack.window();
    }
  }

  /** True when every block has been sent (the last one may still be lost). */
  public boolean allSent() {
    return sent == blocks;
  }

  public int blocks() {
    return blocks;
  }
}
