package io.loadlens.wmbus;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Decodes the data records of an EN 13757-3 application layer (clause 6): DIF, DIFEs, VIF, VIFEs
 * and the data they describe. Idle fillers (0x2F) are skipped; manufacturer-specific data (DIF
 * 0x0F/0x1F) is kept raw as one record.
 *
 * <pre>
 *   DIF  bit 7 extension | bit 6 storage LSB | bits 5-4 function | bits 3-0 data field coding
 *   DIFE bit 7 extension | bit 6 subunit     | bits 5-4 tariff   | bits 3-0 storage (next bits)
 * </pre>
 */
public final class DataRecordDecoder {
  private static final int IDLE_FILLER = 0x2F;
  private static final int VIF_EXTENSION_FD = 0xFD;
  private static final int VIF_EXTENSION_FB = 0xFB;
  private static final int VIF_PLAIN_TEXT = 0x7C;
  private static final int VIF_MANUFACTURER = 0x7F;

  private DataRecordDecoder() {}

  public static List<DataRecord> decode(byte[] data, int offset, int end) {
    List<DataRecord> records = new ArrayList<>();
    int at = offset;
    while (at < end) {
      int dif = data[at] & 0xFF;
      if (dif == IDLE_FILLER) {
        at++;
        continue;
      }
      if ((dif & 0x0F) == 0x0F) {
        String raw = HexFormat.of().formatHex(data, at + 1, end);
        records.add(
            new DataRecord(
                "manufacturer specific data",
                "",
                Double.NaN,
                raw,
                DataRecord.Function.INSTANTANEOUS,
                0,
                0,
                0,
                String.format("%02X", dif),
                ""));
        break;
      }
      at = decodeOne(data, at, end, records);
    }
    return records;
  }

  private static int decodeOne(byte[] d, int start, int end, List<DataRecord> out) {
    int at = start;
    int dif = d[at++] & 0xFF;
    long storage = (dif >> 6) & 0x01;
    int tariff = 0;
    int subunit = 0;
    int shift = 1;
    int tariffShift = 0;
    int ext = dif;
    while ((ext & 0x80) != 0) {
      need(d, at, 1, end, "DIFE", start);
      ext = d[at++] & 0xFF;
      storage |= (long) (ext & 0x0F) << shift;
      tariff |= ((ext >> 4) & 0x03) << tariffShift;
      subunit |= ((ext >> 6) & 0x01) << (tariffShift / 2);
      shift += 4;
      tariffShift += 2;
    }
    String difHex = HexFormat.of().formatHex(d, start, at).toUpperCase();
    int vifStart = at;
    need(d, at, 1, end, "VIF", start);
    int vif = d[at++] & 0xFF;
    Vif meaning;
    String plainTextUnit = null;
    if (vif == VIF_EXTENSION_FD) {
      need(d, at, 1, end, "VIFE", start);
      meaning = Vif.extensionFd(d[at] & 0xFF);
      vif = d[at++] & 0xFF;
    } else if (vif == VIF_EXTENSION_FB) {
      need(d, at, 1, end, "VIFE", start);
      meaning = new Vif(String.format("VIF FB 0x%02X", d[at] & 0x7F), "", 0, Vif.Kind.RAW);
      vif = d[at++] & 0xFF;
    } else if ((vif & 0x7F) == VIF_PLAIN_TEXT) {
      need(d, at, 1, end, "plain-text VIF length", start);
      int n = d[at++] & 0xFF;
      need(d, at, n, end, "plain-text VIF", start);
      plainTextUnit = reversedAscii(d, at, n);
      at += n;
      meaning = new Vif("plain-text unit", plainTextUnit, 0, Vif.Kind.NUMBER);
    } else if ((vif & 0x7F) == VIF_MANUFACTURER) {
      meaning = new Vif("manufacturer specific", "", 0, Vif.Kind.RAW);
    } else {
      meaning = Vif.primary(vif);
    }
    while ((vif & 0x80) != 0) {
      need(d, at, 1, end, "VIFE", start);
      vif = d[at++] & 0xFF;
    }
    String vifHex = HexFormat.of().formatHex(d, vifStart, at).toUpperCase();
    DataRecord.Function function = DataRecord.Function.values()[(dif >> 4) & 0x03];
    int coding = dif & 0x0F;
    int length = length(coding, d, at, end, start);
    if (coding == 0x0D) {
      at++; // the LVAR byte
    }
    need(d, at, length, end, "data of " + meaning.description(), start);
    Value v = value(coding, meaning, d, at, length, coding == 0x0D ? d[at - 1] & 0xFF : 0);
    out.add(
        new DataRecord(
            meaning.description(),
            meaning.unit(),
            v.number,
            v.text,
            function,
            storage,
            tariff,
            subunit,
            difHex,
            vifHex));
    return at + length;
  }

  private record Value(double number, String text) {}

  private static int length(int coding, byte[] d, int at, int end, int start) {
    return switch (coding) {
      case 0x00, 0x08 -> 0;
      case 0x01, 0x09 -> 1;
      case 0x02, 0x0A -> 2;
      case 0x03, 0x0B -> 3;
      case 0x04, 0x05, 0x0C -> 4;
      case 0x06, 0x0E -> 6;
      case 0x07 -> 8;
      case 0x0D -> {
        need(d, at, 1, end, "LVAR", start);
        int lvar = d[at] & 0xFF;
        if (lvar <= 0xBF) {
          yield lvar;
        }
        if (lvar >= 0xC0 && lvar <= 0xDF) {
          yield lvar & 0x0F;
        }
        if (lvar >= 0xE0 && lvar <= 0xEF) {
          yield lvar - 0xE0;
        }
        throw new WMBusException(
            String.format("wM-Bus record at offset %d: LVAR 0x%02X is not supported", start, lvar));
      }
      default ->
          throw new WMBusException(
              String.format(
                  "wM-Bus record at offset %d: DIF coding 0x%X is not a data type", start, coding));
    };
  }

  private static Value value(int coding, Vif vif, byte[] d, int at, int n, int lvar) {
    if (n == 0) {
      return new Value(Double.NaN, "");
    }
    if (vif.kind() == Vif.Kind.DATE_G && n == 2) {
      return new Value(Double.NaN, Dates.typeG(d, at));
    }
    if (vif.kind() == Vif.Kind.DATE_TIME_F && (n == 4 || n == 6)) {
      return new Value(Double.NaN, n == 4 ? Dates.typeF(d, at) : Dates.typeI(d, at));
    }
    if (coding == 0x0D && lvar <= 0xBF) {
      return new Value(Double.NaN, reversedAscii(d, at, n));
    }
    if (vif.kind() == Vif.Kind.RAW || vif.kind() == Vif.Kind.TEXT) {
      return new Value(Double.NaN, HexFormat.of().formatHex(reverse(d, at, n)).toUpperCase());
    }
    if (isBcd(coding, lvar) && !validBcd(d, at, n)) {
      // EN 13757-3 annex B: BCD values with hex digits A-F mark an error or special value.
      return new Value(
          Double.NaN, "invalid BCD " + HexFormat.of().formatHex(reverse(d, at, n)).toUpperCase());
    }
    double raw =
        switch (coding) {
          case 0x01, 0x02, 0x03, 0x04, 0x06, 0x07 -> signedLittleEndian(d, at, n);
          case 0x05 -> Float.intBitsToFloat((int) unsignedLittleEndian(d, at, 4));
          case 0x0D -> lvar >= 0xE0 ? signedLittleEndian(d, at, n) : bcd(d, at, n, lvar >= 0xD0);
          default -> bcd(d, at, n, false);
        };
    return new Value(raw * Math.pow(10, vif.exponent()), "");
  }

  private static boolean isBcd(int coding, int lvar) {
    return coding == 0x09
        || coding == 0x0A
        || coding == 0x0B
        || coding == 0x0C
        || coding == 0x0E
        || (coding == 0x0D && lvar >= 0xC0 && lvar <= 0xDF);
  }

  /** Every nibble a decimal digit, except a sign nibble 0xF at the top. */
  private static boolean validBcd(byte[] d, int at, int n) {
    for (int i = 0; i < n; i++) {
      int b = d[at + i] & 0xFF;
      int hi = b >> 4;
      if ((b & 0x0F) > 9 || (hi > 9 && !(i == n - 1 && hi == 0x0F))) {
        return false;
      }
    }
    return true;
  }

  static long unsignedLittleEndian(byte[] d, int at, int n) {
    long v = 0;
    for (int i = n - 1; i >= 0; i--) {
      v = (v << 8) | (d[at + i] & 0xFF);
    }
    return v;
  }

  static long signedLittleEndian(byte[] d, int at, int n) {
    long v = unsignedLittleEndian(d, at, n);
    int bits = 8 * n;
    return bits == 64 ? v : (v << (64 - bits)) >> (64 - bits);
  }

  /** BCD, little-endian bytes; a high nibble 0xF in the last byte marks a negative value. */
  static double bcd(byte[] d, int at, int n, boolean negative) {
    long v = 0;
    boolean neg = negative;
    for (int i = n - 1; i >= 0; i--) {
      int b = d[at + i] & 0xFF;
      int hi = b >> 4;
      int lo = b & 0x0F;
      if (i == n - 1 && hi == 0x0F) {
        neg = true;
        hi = 0;
      }
      if (hi > 9 || lo > 9) {
        throw new WMBusException(
            String.format(
                "wM-Bus BCD byte 0x%02X at offset %d is not two decimal digits", b, at + i));
      }
      v = v * 100 + hi * 10 + lo;
    }
    return neg ? -v : v;
  }

  private static String reversedAscii(byte[] d, int at, int n) {
    return new String(reverse(d, at, n), StandardCharsets.ISO_8859_1);
  }

  private static byte[] reverse(byte[] d, int at, int n) {
    byte[] r = new byte[n];
    for (int i = 0; i < n; i++) {
      r[i] = d[at + n - 1 - i];
    }
    return r;
  }

  private static void need(byte[] d, int at, int n, int end, String field, int start) {
    if (at + n > end) {
      throw new WMBusException(
          "wM-Bus record at offset "
              + start
              + ": "
              + field
              + " needs "
              + n
              + " bytes at offset "
              + at
              + ", only "
              + (end - at)
              + " left");
    }
  }
}
