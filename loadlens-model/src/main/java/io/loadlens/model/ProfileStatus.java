package io.loadlens.model;

/**
 * The status byte captured with each load-profile row: the AMR profile status of the IDIS companion
 * specification (package 2, "AMR profile status", 8 bits), used by most DLMS meters.
 *
 * <pre>
 *   bit 7  PDN  power down during the interval (an outage)
 *   bit 6  -    reserved
 *   bit 5  CAD  clock adjusted during the interval
 *   bit 4  -    reserved
 *   bit 3  DST  daylight saving time active
 *   bit 2  DNV  data not valid
 *   bit 1  CIV  clock invalid
 *   bit 0  ERR  critical error (hardware fault)
 * </pre>
 */
public final class ProfileStatus {
  public static final int CRITICAL_ERROR = 0x01;
  public static final int CLOCK_INVALID = 0x02;
  public static final int DATA_NOT_VALID = 0x04;
  public static final int DAYLIGHT_SAVING = 0x08;
  public static final int CLOCK_ADJUSTED = 0x20;
  public static final int POWER_DOWN = 0x80;

  private ProfileStatus() {}

  public static boolean isSet(int status, int flag) {
    return (status & flag) != 0;
  }

  /** A readable list of the set flags, e.g. {@code "PDN|CAD"}; {@code "OK"} when none is set. */
  public static String describe(int status) {
    StringBuilder sb = new StringBuilder();
    append(sb, status, POWER_DOWN, "PDN");
    append(sb, status, CLOCK_ADJUSTED, "CAD");
    append(sb, status, DAYLIGHT_SAVING, "DST");
    append(sb, status, DATA_NOT_VALID, "DNV");
    append(sb, status, CLOCK_INVALID, "CIV");
    append(sb, status, CRITICAL_ERROR, "ERR");
    return sb.isEmpty() ? "OK" : sb.toString();
  }

  private static void append(StringBuilder sb, int status, int flag, String name) {
    if (isSet(status, flag)) {
      if (!sb.isEmpty()) {
        sb.append('|');
      }
      sb.append(name);
    }
  }
}
