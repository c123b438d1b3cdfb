package io.loadlens.iec21;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An IEC 62056-21 data message (clause 6.3.3 / 6.4): {@code STX data-block ! CR LF ETX BCC}, where
 * the block check character BCC is the XOR of every byte after STX up to and including ETX (the 7E1
 * parity bit is outside the byte). Optionally preceded by the identification line.
 *
 * @param identification the identification, when the bytes began with it
 * @param dataSets the data sets in order
 * @param bcc the block check character, verified
 */
public record ModeCReadout(
    Optional<ModeCIdentification> identification, List<DataSet> dataSets, int bcc) {
  public static final byte STX = 0x02;
  public static final byte ETX = 0x03;

  public ModeCReadout {
    dataSets = List.copyOf(dataSets);
  }

  /** Decodes a data message (with or without the identification line before it). */
  public static ModeCReadout decode(byte[] data) {
    int stx = indexOf(data, STX, 0);
    if (stx < 0) {
      throw new Iec21Exception("IEC 62056-21 readout: no STX (0x02) found");
    }
    Optional<ModeCIdentification> id = Optional.empty();
    String head = new String(data, 0, stx, StandardCharsets.US_ASCII).strip();
    if (head.startsWith("/")) {
      id = Optional.of(ModeCIdentification.parse(head));
    }
    int etx = indexOf(data, ETX, stx + 1);
    if (etx < 0) {
      throw new Iec21Exception("IEC 62056-21 readout: no ETX (0x03) after the data block");
    }
    if (etx + 1 >= data.length) {
      throw new Iec21Exception("IEC 62056-21 readout: no BCC after ETX");
    }
    int actual = bcc(data, stx + 1, etx);
    int expected = data[etx + 1] & 0xFF;
    if (actual != expected) {
      throw new Iec21Exception(
          String.format("IEC 62056-21 BCC: actual 0x%02X != expected 0x%02X", actual, expected));
    }
    String block = new String(data, stx + 1, etx - stx - 1, StandardCharsets.US_ASCII);
    int end = block.lastIndexOf('!');
    String body = end >= 0 ? block.substring(0, end) : block;
    List<DataSet> sets = new ArrayList<>();
    String[] lines = body.split("\r?\n");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (!line.isEmpty()) {
        sets.addAll(DataSetParser.parseLine(line, i + 1));
      }
    }
    return new ModeCReadout(id, sets, expected);
  }

  /** XOR of {@code data[from..toInclusive]}. */
  public static int bcc(byte[] data, int from, int toInclusive) {
    int x = 0;
    for (int i = from; i <= toInclusive; i++) {
      x ^= data[i] & 0x7F;
    }
    return x;
  }

  private static int indexOf(byte[] data, byte b, int from) {
    for (int i = from; i < data.length; i++) {
      if (data[i] == b) {
        return i;
      }
    }
    return -1;
  }
}
