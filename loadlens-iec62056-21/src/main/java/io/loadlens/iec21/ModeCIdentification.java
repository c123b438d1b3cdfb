package io.loadlens.iec21;

/**
 * The identification message of IEC 62056-21 (clause 6.3.2): {@code /XXXZ<identification>CR LF}.
 *
 * @param manufacturer three characters (a lower-case third letter means the meter supports a 20 ms
 *     reaction time)
 * @param baudCharacter Z: for mode C '0'..'6' = 300..19200 Bd, for mode B 'A'..'F' = 600..19200 Bd
 * @param baudRate the baud rate Z announces in mode C or B, or 0 for any other character
 * @param enhancedIdentification the {@code \W} enhanced-identification capability character, or 0
 *     when absent
 * @param identification the rest, the meter's type identification
 */
public record ModeCIdentification(
    String manufacturer,
    char baudCharacter,
    int baudRate,
    char enhancedIdentification,
    String identification) {

  private static final int[] MODE_C_BAUD = {300, 600, 1200, 2400, 4800, 9600, 19200};
  private static final int[] MODE_B_BAUD = {600, 1200, 2400, 4800, 9600, 19200};

  /** Parses an identification line, with or without the trailing CR LF. */
  public static ModeCIdentification parse(String line) {
    String s = line.strip();
    if (!s.startsWith("/") || s.length() < 5) {
      throw new Iec21Exception(
          "IEC 62056-21 identification '" + line.strip() + "' is not /XXXZ<identification>");
    }
    String manufacturer = s.substring(1, 4);
    char z = s.charAt(4);
    int baud =
        z >= '0' && z <= '6'
            ? MODE_C_BAUD[z - '0']
            : z >= 'A' && z <= 'F' ? MODE_B_BAUD[z - 'A'] : 0;
    String rest = s.substring(5);
    char enhanced = 0;
    if (rest.length() >= 2 && rest.charAt(0) == '\\') {
      enhanced = rest.charAt(1);
      rest = rest.substring(2);
    }
    return new ModeCIdentification(manufacturer, z, baud, enhanced, rest);
  }

  /**
   * Whether the manufacturer code announces a 20 ms minimum reaction time (lower-case third
   * letter).
   */
  public boolean fastReaction() {
    return Character.isLowerCase(manufacturer.charAt(2));
  }
}
