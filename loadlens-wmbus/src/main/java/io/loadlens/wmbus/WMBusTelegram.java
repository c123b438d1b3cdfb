package io.loadlens.wmbus;

import java.util.List;
import java.util.OptionalLong;

/**
 * A decoded wireless M-Bus telegram.
 *
 * @param format the link-layer frame format it arrived in
 * @param cField the C-field (0x44 SND_NR, 0x46 SND_IR, ...)
 * @param manufacturer three-letter manufacturer code (of the meter: the TPL long header's when
 *     present)
 * @param id the meter's 8-digit identification number
 * @param version the meter's version byte
 * @param deviceType the device type (medium) byte, e.g. 0x07 water
 * @param medium the device type's name, e.g. "water"
 * @param accessNumber the access number (ELL or TPL), -1 when absent
 * @param status the TPL status byte, -1 when absent
 * @param security what protected the telegram, e.g. "none", "ELL AES-CTR", "TPL mode 5 (AES-CBC)"
 * @param checks the integrity checks made and passed, e.g. "DLL CRC", "ELL payload CRC", "2F2F"
 * @param records the data records
 * @param messageCounter the AFL message counter (MCR) when the telegram authenticated it (the AFL
 *     MAC was checked, or the mode 7 keys were derived from it and decrypted the data); empty when
 *     there is none or nothing vouches for it
 */
public record WMBusTelegram(
    LinkLayer.Format format,
    int cField,
    String manufacturer,
    String id,
    int version,
    int deviceType,
    String medium,
    int accessNumber,
    int status,
    String security,
    List<String> checks,
    List<DataRecord> records,
    OptionalLong messageCounter) {
  public WMBusTelegram {
    checks = List.copyOf(checks);
    records = List.copyOf(records);
  }

  /** The medium names of the device type byte (EN 13757-7 table 12). */
  public static String medium(int type) {
    return switch (type) {
      case 0x00 -> "other";
      case 0x01 -> "oil";
      case 0x02 -> "electricity";
      case 0x03 -> "gas";
      case 0x04 -> "heat (outlet)";
      case 0x05 -> "steam";
      case 0x06 -> "warm water";
      case 0x07 -> "water";
      case 0x08 -> "heat cost allocator";
      case 0x09 -> "compressed air";
      case 0x0A, 0x0B -> "cooling";
      case 0x0C -> "heat (inlet)";
      case 0x0D -> "heat / cooling";
      case 0x15 -> "hot water";
      case 0x16 -> "cold water";
      case 0x37 -> "radio converter (meter side)";
      default -> String.format("device type 0x%02X", type);
    };
  }
}
