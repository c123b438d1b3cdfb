package io.loadlens.iec21.p1;

import io.loadlens.iec21.DataSet;
import io.loadlens.iec21.DataSetParser;
import io.loadlens.iec21.Iec21Exception;
import io.loadlens.model.ObisCode;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Decodes DSMR P1 telegrams, versions 2.2 to 5.0.2 and the Belgian e-MUCS variant (DSMR P1
 * companion standard 5.0.2, clause 6; e-MUCS H 1.7.1). A telegram is:
 *
 * <pre>
 *   /XXXZ Ident CR LF
 *   CR LF
 *   data lines  OBIS(value*unit)(...) CR LF
 *   ...
 *   !CRC CR LF        CRC = CRC-16/ARC over '/' .. '!' as 4 hex digits (DSMR 4.0+; absent before)
 * </pre>
 *
 * The decoder is strict about the frame (a CRC that does not match, no '/' or no '!' is an error
 * naming it) and lenient about content meters really send: values without units, lines it does not
 * know (kept as data sets), placeholder timestamps for empty history entries.
 */
public final class P1Decoder {
  private static final ObisCode VERSION_DSMR = ObisCode.parse("1-3:0.2.8");
  private static final ObisCode VERSION_EMUCS = ObisCode.parse("0-0:96.1.4");
  private static final ObisCode TIMESTAMP = ObisCode.parse("0-0:1.0.0");
  private static final ObisCode EQUIPMENT_ID = ObisCode.parse("0-0:96.1.1");

  /** Luxembourg (Smarty) meters name themselves in the COSEM logical device name instead. */
  private static final ObisCode LOGICAL_DEVICE_NAME = ObisCode.parse("0-0:42.0.0");

  private static final ObisCode POWER_FAILURE_LOG = ObisCode.parse("1-0:99.97.0");
  private static final ObisCode DEMAND_HISTORY = ObisCode.parse("0-0:98.1.0");
  private static final ObisCode GAS_PROFILE_DSMR22 = new ObisCode(0, 1, 24, 3, 0, 255);

  private P1Decoder() {}

  /** Decodes a telegram whose text carries its own timestamp (DSMR 4+). */
  public static P1Telegram decode(byte[] telegram) {
    return decode(telegram, null);
  }

  /**
   * Decodes a telegram.
   *
   * @param receivedAt the time to give values when the telegram has no timestamp (DSMR 2.2/3.0);
   *     may be null when the telegram has one
   */
  public static P1Telegram decode(byte[] telegram, OffsetDateTime receivedAt) {
    int start = indexOf(telegram, (byte) '/', 0);
    if (start < 0) {
      throw new Iec21Exception("P1 telegram: no '/' identification start found");
    }
    int bang = indexOf(telegram, (byte) '!', start);
    if (bang < 0) {
      throw new Iec21Exception("P1 telegram: no '!' end found after the identification");
    }
    P1Telegram.CrcCheck crc = checkCrc(telegram, start, bang);
    String text = new String(telegram, start, bang - start, StandardCharsets.ISO_8859_1);
    List<String> lines = joinContinuations(text.split("\r?\n", -1));
    String identification = lines.get(0).substring(1).trim();
    if (identification.length() < 5) {
      throw new Iec21Exception(
          "P1 identification line '/" + identification + "' is shorter than XXXZ + identification");
    }
    List<DataSet> sets = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i).trim();
      if (!line.isEmpty()) {
        sets.addAll(DataSetParser.parseLine(line, i + 1));
      }
    }
    Optional<OffsetDateTime> time = findTimestamp(sets);
    OffsetDateTime valueTime = time.orElse(receivedAt);
    if (valueTime == null) {
      throw new Iec21Exception(
          "P1 telegram has no timestamp (0-0:1.0.0) and no receive time was given");
    }
    return new P1Telegram(
        identification,
        identification.substring(0, 3),
        findText(sets, VERSION_DSMR).or(() -> findText(sets, VERSION_EMUCS)).orElse(""),
        time,
        findText(sets, EQUIPMENT_ID)
            .or(() -> findText(sets, LOGICAL_DEVICE_NAME))
            .map(P1Decoder::hexAscii),
        crc,
        sets,
        new P1ValueMapper(valueTime).map(sets));
  }

  private static P1Telegram.CrcCheck checkCrc(byte[] t, int start, int bang) {
    int end = bang + 1;
    while (end < t.length && end < bang + 5 && isHex(t[end])) {
      end++;
    }
    if (end == bang + 1) {
      return P1Telegram.CrcCheck.NONE;
    }
    if (end != bang + 5) {
      throw new Iec21Exception(
          "P1 CRC: '"
              + new String(t, bang + 1, end - bang - 1, StandardCharsets.US_ASCII)
              + "' after '!' is not 4 hex digits");
    }
    int expected = Integer.parseInt(new String(t, bang + 1, 4, StandardCharsets.US_ASCII), 16);
    int actual = Crc16Arc.compute(t, start, bang - start + 1);
    if (actual != expected) {
      throw new Iec21Exception(
          String.format("P1 CRC: actual 0x%04X != expected 0x%04X", actual, expected));
    }
    return new P1Telegram.CrcCheck(P1Telegram.CrcCheck.Status.VALID, expected, actual);
  }

  /** DSMR 2.2 puts the gas value of 0-1:24.3.0 on its own line: {@code (00001.001)}. */
  private static List<String> joinContinuations(String[] raw) {
    List<String> out = new ArrayList<>();
    for (String line : raw) {
      if (line.startsWith("(") && !out.isEmpty()) {
        out.set(out.size() - 1, out.get(out.size() - 1) + line.trim());
      } else {
        out.add(line);
      }
    }
    return out;
  }

  private static Optional<OffsetDateTime> findTimestamp(List<DataSet> sets) {
    return findText(sets, TIMESTAMP)
        .flatMap(t -> P1Timestamp.parse(t, "0-0:1.0.0 (telegram time)"));
  }

  private static Optional<String> findText(List<DataSet> sets, ObisCode obis) {
    return sets.stream()
        .filter(s -> s.obis().filter(obis::equals).isPresent())
        .map(s -> s.first().value())
        .findFirst();
  }

  /** Equipment ids are hex-encoded ASCII in DSMR 4+; older meters send the digits themselves. */
  static String hexAscii(String id) {
    if (id.length() % 2 != 0
        || !id.chars().allMatch(c -> Character.digit(c, 16) >= 0)
        || id.isEmpty()) {
      return id;
    }
    byte[] bytes = HexFormat.of().parseHex(id);
    for (byte b : bytes) {
      if (b < 0x20 || b > 0x7E) {
        return id;
      }
    }
    return new String(bytes, StandardCharsets.US_ASCII);
  }

  static boolean isSpecial(ObisCode obis) {
    return obis.equals(POWER_FAILURE_LOG)
        || obis.equals(DEMAND_HISTORY)
        || obis.equals(GAS_PROFILE_DSMR22);
  }

  private static boolean isHex(byte b) {
    return (b >= '0' && b <= '9') || (b >= 'A' && b <= 'F') || (b >= 'a' && b <= 'f');
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
