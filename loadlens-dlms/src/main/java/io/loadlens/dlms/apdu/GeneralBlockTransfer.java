package io.loadlens.dlms.apdu;

import io.loadlens.dlms.DlmsFramingException;
import io.loadlens.dlms.axdr.AxdrReader;
import io.loadlens.dlms.axdr.AxdrWriter;
import java.util.Arrays;

/**
 * general-block-transfer (Green Book 9.3.10 and 9.5, [224] tag 0xE0): carries any APDU, ciphered or
 * not, cut into blocks, independent of the service.
 *
 * <pre>
 *   E0 | block-control | block-number(u16) | block-number-ack(u16) | block-data(octet string)
 *        bit 7 last-block, bit 6 streaming, bits 5-0 window
 * </pre>
 *
 * The window is how many blocks the sender of this APDU accepts before it acknowledges; streaming
 * means more blocks of the same window follow without an acknowledgement. A block with empty data
 * only acknowledges.
 */
public record GeneralBlockTransfer(
    boolean lastBlock,
    boolean streaming,
    int window,
    int blockNumber,
    int blockNumberAck,
    byte[] blockData) {
  public static final int TAG = 0xE0;
  public static final int LAST_BLOCK = 0x80;
  public static final int STREAMING = 0x40;
  public static final int WINDOW_MASK = 0x3F;

  /** Octets around the block data at most: tag, control, two numbers, 3-octet length. */
  public static final int OVERHEAD = 9;

  public GeneralBlockTransfer {
    if (window < 0 || window > WINDOW_MASK) {
      throw new IllegalArgumentException("general-block-transfer: window " + window + " > 63");
    }
    if (blockNumber < 0 || blockNumber > 0xFFFF || blockNumberAck < 0 || blockNumberAck > 0xFFFF) {
      throw new IllegalArgumentException(
          "general-block-transfer: block-number " + blockNumber + " ack " + blockNumberAck);
    }
    blockData = blockData.clone();
  }

  @Override
  public byte[] blockData() {
    return blockData.clone();
  }

  public int dataLength() {
    return blockData.length;
  }

  public byte[] encode() {
    int control = (lastBlock ? LAST_BLOCK : 0) | (streaming ? STREAMING : 0) | window;
    return new AxdrWriter(OVERHEAD + blockData.length)
        .u8(TAG)
        .u8(control)
        .u16(blockNumber)
        .u16(blockNumberAck)
        .length(blockData.length)
        .bytes(blockData)
        .toByteArray();
  }

  public static GeneralBlockTransfer decode(byte[] apdu) {
    AxdrReader r = new AxdrReader(apdu);
    Apdus.expectTag(r, TAG, "general-block-transfer");
    int control = r.u8("block-control");
    int block = r.u16("block-number");
    int ack = r.u16("block-number-ack");
    int n = r.boundedLength("block-data", 1);
    byte[] data = r.bytes(n, "block-data");
    if (r.hasRemaining()) {
      throw new DlmsFramingException(
          "general-block-transfer: " + r.remaining() + " octets after the block data");
    }
    return new GeneralBlockTransfer(
        (control & LAST_BLOCK) != 0,
        (control & STREAMING) != 0,
        control & WINDOW_MASK,
        block,
        ack,
        data);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GeneralBlockTransfer g
        && g.lastBlock == lastBlock
        && g.streaming == streaming
        && g.window == window
        && g.blockNumber == blockNumber
        && g.blockNumberAck == blockNumberAck
        && Arrays.equals(g.blockData, blockData);
  }

  @Override
  public int hashCode() {
    return (blockNumber * 31 + blockNumberAck) * 31 + Arrays.hashCode(blockData);
  }

  @Override
  public String toString() {
    return String.format(
        "general-block-transfer[block %d ack %d window %d%s%s, %d octets]",
        blockNumber,
        blockNumberAck,
        window,
        lastBlock ? " last" : "",
        streaming ? " streaming" : "",
        blockData.length);
  }
}
