package io.loadlens.dlms.apdu;

import io.loadlens.dlms.DlmsFramingException;
import io.loadlens.dlms.axdr.AxdrReader;
import io.loadlens.dlms.axdr.AxdrWriter;
import java.util.Arrays;

/**
 * DataBlock-SA of the SET and ACTION block transfer (Green Book 9.5): one slice of the encoded
 * value or method parameters, cut anywhere.
 *
 * <pre>
 *   last-block(BOOLEAN) block-number(Unsigned32) raw-data(OCTET STRING)
 * </pre>
 */
public record DataBlockSa(boolean lastBlock, long blockNumber, byte[] raw) {
  public DataBlockSa {
    if (blockNumber < 0 || blockNumber > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("DataBlock-SA: block-number " + blockNumber);
    }
    raw = raw.clone();
  }

  @Override
  public byte[] raw() {
    return raw.clone();
  }

  public int rawLength() {
    return raw.length;
  }

  void encode(AxdrWriter w) {
    w.u8(lastBlock ? 1 : 0).u32(blockNumber).length(raw.length).bytes(raw);
  }

  static DataBlockSa decode(AxdrReader r, String what) {
    int last = r.u8(what + " last-block");
    if (last > 1) {
      throw new DlmsFramingException(what + ": last-block " + last + " is not a BOOLEAN 0 or 1");
    }
    long block = r.u32(what + " block-number");
    int n = r.boundedLength(what + " raw-data", 1);
    return new DataBlockSa(last == 1, block, r.bytes(n, what + " raw-data"));
  }

  /** Octets a block adds around its raw data at most: last-block, block-number, 5-octet length. */
  public static final int OVERHEAD = 10;

  @Override
  public boolean equals(Object o) {
    return o instanceof DataBlockSa d
        && d.lastBlock == lastBlock
        && d.blockNumber == blockNumber
        && Arrays.equals(d.raw, raw);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(blockNumber) * 31 + Arrays.hashCode(raw);
  }

  @Override
  public String toString() {
    return "DataBlock-SA[block "
        + blockNumber
        + (lastBlock ? " last" : "")
        + ", "
        + raw.length
        + " octets]";
  }
}
