package io.loadlens.simulator.fault;

/**
 * The data faults of one meter on one local day, per capture interval.
 *
 * @param powerOffMinutes elapsed minutes without supply, or null when there is no outage
 * @param absent rows the meter did not capture (outage or missing entry)
 * @param status status bits the meter sets on each row (POWER_DOWN, CRITICAL_ERROR)
 * @param cause for each interval, the fault that affected it, or null
 */
public record DayFaults(
    boolean[] powerOffMinutes, boolean[] absent, int[] status, FaultKind[] cause) {

  public int intervals() {
    return absent.length;
  }

  public int absentCount() {
    int count = 0;
    for (boolean a : absent) {
      if (a) {
        count++;
      }
    }
    return count;
  }
}
