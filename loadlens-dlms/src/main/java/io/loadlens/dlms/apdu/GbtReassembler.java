package io.loadlens.dlms.apdu;

import io.loadlens.dlms.DlmsFramingException;
import java.io.ByteArrayOutputStream;

/**
 * The receiving side of general-block-transfer (Green Book 9.3.10), sans-I/O: blocks in, the
 * reassembled APDU or an acknowledgement out.
 *
 * <p>Blocks are accepted in order. A block that ends the sender's window (streaming bit clear) or
 * the message (last-block) is answered with an empty block whose block-number-ack is the last block
 * received in order, so the sender goes on from there; a block lost inside a window is asked for
 * again that way. A block still missing after it was asked for again, a block beyond the window
 * announced, and a block number that goes backwards are errors that name the block.
 */
public final class GbtReassembler {
  /** Times one missing block is asked for again before the transfer fails. */
  public static final int MAX_REREQUESTS = 2;

  private final int window;
  private final int maxBytes;
  private final ByteArrayOutputStream data = new ByteArrayOutputStream();
  private int lastInOrder;
  private int ownBlockNumber;
  private int rerequested;
  private int rerequestedBlock = -1;
  private int acksSent;

  /**
   * @param window the window this side announces (blocks it takes before acknowledging)
   * @param ownBlockNumber the number of this side's last block (its request), acks count on
   * @param maxBytes the largest reassembled APDU accepted
   */
  public GbtReassembler(int window, int ownBlockNumber, int maxBytes) {
    if (window < 1 || window > GeneralBlockTransfer.WINDOW_MASK) {
      throw new IllegalArgumentException("general-block-transfer window " + window + " not 1..63");
    }
    this.window = window;
    this.ownBlockNumber = ownBlockNumber;
    this.maxBytes = maxBytes;
  }

  /** What a block led to: the complete APDU, an acknowledgement to send, or neither. */
  public record Step(byte[] apdu, GeneralBlockTransfer ack) {
    static final Step NOTHING = new Step(null, null);
  }

  /** The next block received. */
  public Step onBlock(GeneralBlockTransfer b) {
    int expected = lastInOrder + 1;
    if (b.blockNumber() > lastInOrder + window) {
      throw new DlmsFramingException(
          "general-block-transfer: block "
              + b.blockNumber()
              + " out of order: expected "
              + expected
              + " within a window of "
              + window);
    }
    boolean endOfWindow = !b.streaming() || b.lastBlock();
    if (b.blockNumber() == expected) {
      if (data.size() + b.dataLength() > maxBytes) {
        throw new DlmsFramingException(
            "general-block-transfer: APDU exceeds " + maxBytes + " octets at block " + expected);
      }
      data.writeBytes(b.blockData());
      lastInOrder = expected;
      if (b.lastBlock()) {
        return new Step(data.toByteArray(), null);
      }
    }
    // a block we already hold is dropped; so is one after a gap (its predecessor was lost),
    // which the acknowledgement at the window end asks for again
    return endOfWindow ? new Step(null, ack()) : Step.NOTHING;
  }

  /** No block in time: acknowledge what arrived, so the sender repeats from there. */
  public GeneralBlockTransfer onTimeout() {
    return ack();
  }

  /** Acknowledgements sent so far. */
  public int acksSent() {
    return acksSent;
  }

  private GeneralBlockTransfer ack() {
    int missing = lastInOrder + 1;
    if (missing == rerequestedBlock) {
      if (++rerequested > MAX_REREQUESTS) {
        throw new DlmsFramingException(
            "general-block-transfer: block "
                + missing
                + " missing: asked for again "
                + MAX_REREQUESTS
                + " times, received up to block "
                + lastInOrder);
      }
    } else {
      rerequestedBlock = missing;
      rerequested = 0;
    }
    acksSent++;
    ownBlockNumber = (ownBlockNumber + 1) & 0xFFFF;
    return new GeneralBlockTransfer(false, false, window, ownBlockNumber, lastInOrder, new byte[0]);
  }

  /** The last block number received in order. */
  public int lastInOrder() {
    return lastInOrder;
  }
}
