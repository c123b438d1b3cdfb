package io.loadlens.simulator.household;

import java.util.List;

/**
 * One local day of a household integrated to the capture period: the energy of each appliance, the
 * meter's import and export, and the supply voltage per phase. Energies are in mWh (exact integers,
 * so sums over any split of intervals agree); interval {@code k} covers elapsed minutes {@code [k ×
 * period, (k + 1) × period)} of the day.
 *
 * @param frame the day
 * @param intervalMinutes the capture period
 * @param kinds the appliance of each row of {@code applianceMilliWh}
 * @param applianceMilliWh {@code [appliance][interval]} energy, generation positive
 * @param importMilliWh per interval
 * @param exportMilliWh per interval
 * @param deciVolts {@code [phase][interval]} average voltage in 0.1 V (0 when unpowered)
 */
public record DayEnergy(
    DayFrame frame,
    int intervalMinutes,
    List<ApplianceKind> kinds,
    long[][] applianceMilliWh,
    long[] importMilliWh,
    long[] exportMilliWh,
    int[][] deciVolts) {

  public int intervals() {
    return importMilliWh.length;
  }

  /** Epoch second at which interval {@code k} ends (its capture time). */
  public long endEpochSecond(int k) {
    return frame.startEpochSecond() + (long) (k + 1) * intervalMinutes * 60;
  }

  public long totalImportMilliWh() {
    long sum = 0;
    for (long v : importMilliWh) {
      sum += v;
    }
    return sum;
  }

  public long totalExportMilliWh() {
    long sum = 0;
    for (long v : exportMilliWh) {
      sum += v;
    }
    return sum;
  }
}
