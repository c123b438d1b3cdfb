package io.loadlens.simulator.meter;

import io.loadlens.dlms.server.ProfileDefinition;
import io.loadlens.dlms.server.RegisterDefinition;
import io.loadlens.model.ObisCode;
import io.loadlens.model.Unit;
import java.util.List;

/** The COSEM objects every simulated meter exposes (IEC 62056-6-1 OBIS, IDIS-style profiles). */
public final class MeterProfiles {
  /** A-XDR tag of double-long-unsigned (IEC 62056-6-2 §4.1.5, Table 2). */
  public static final int DOUBLE_LONG_UNSIGNED = 6;

  /** A-XDR tag of long-unsigned. */
  public static final int LONG_UNSIGNED = 18;

  /** AMR profile status of load profile 1 (IDIS): {@code 0-0:96.10.1.255}. */
  public static final ObisCode PROFILE_1_STATUS = new ObisCode(0, 0, 96, 10, 1, 255);

  /** Status of the power-quality profile: {@code 0-0:96.10.2.255}. */
  public static final ObisCode PROFILE_2_STATUS = new ObisCode(0, 0, 96, 10, 2, 255);

  public static final RegisterDefinition IMPORT =
      new RegisterDefinition(
          ObisCode.ACTIVE_ENERGY_IMPORT, 0, Unit.WATT_HOUR, DOUBLE_LONG_UNSIGNED);
  public static final RegisterDefinition EXPORT =
      new RegisterDefinition(
          ObisCode.ACTIVE_ENERGY_EXPORT, 0, Unit.WATT_HOUR, DOUBLE_LONG_UNSIGNED);
  public static final RegisterDefinition DEMAND =
      new RegisterDefinition(
          ObisCode.ACTIVE_POWER_IMPORT_LAST_AVERAGE, 0, Unit.WATT, DOUBLE_LONG_UNSIGNED);
  public static final RegisterDefinition VOLTAGE_L1 =
      new RegisterDefinition(ObisCode.VOLTAGE_L1, -1, Unit.VOLT, LONG_UNSIGNED);
  public static final RegisterDefinition VOLTAGE_L2 =
      new RegisterDefinition(ObisCode.VOLTAGE_L2, -1, Unit.VOLT, LONG_UNSIGNED);
  public static final RegisterDefinition VOLTAGE_L3 =
      new RegisterDefinition(ObisCode.VOLTAGE_L3, -1, Unit.VOLT, LONG_UNSIGNED);

  /** Every register, in the order the meter lists them. */
  public static final List<RegisterDefinition> REGISTERS =
      List.of(IMPORT, EXPORT, DEMAND, VOLTAGE_L1, VOLTAGE_L2, VOLTAGE_L3);

  private MeterProfiles() {}

  /** Load profile 1 and the power-quality profile 2 for a capture period and buffer depth. */
  public static List<ProfileDefinition> profiles(int periodMinutes, int bufferDays) {
    long entries = (long) bufferDays * 1_440 / periodMinutes;
    return List.of(
        new ProfileDefinition(
            ObisCode.LOAD_PROFILE_1,
            PROFILE_1_STATUS,
            periodMinutes * 60,
            entries,
            List.of(IMPORT, EXPORT, DEMAND)),
        new ProfileDefinition(
            ObisCode.LOAD_PROFILE_2,
            PROFILE_2_STATUS,
            periodMinutes * 60,
            entries,
            List.of(VOLTAGE_L1, VOLTAGE_L2, VOLTAGE_L3)));
  }
}
