package io.loadlens.simulator.meter;

import io.loadlens.simulator.fault.DayFaults;
import io.loadlens.simulator.household.DayEnergy;

/**
 * One day of one meter: the household's energy (with the meter's outages applied), the meter's data
 * faults, and the import and export registers at the day's start, in mWh.
 */
record MeterDay(DayEnergy energy, DayFaults faults, long importAtStart, long exportAtStart) {

  /** Cumulative import at the end of interval k, mWh. */
  long importAtEnd(int k) {
    long sum = importAtStart;
    for (int j = 0; j <= k; j++) {
      sum += energy.importMilliWh()[j];
    }
    return sum;
  }

  long exportAtEnd(int k) {
    long sum = exportAtStart;
    for (int j = 0; j <= k; j++) {
      sum += energy.exportMilliWh()[j];
    }
    return sum;
  }

  long importAtNextStart() {
    return importAtStart + energy.totalImportMilliWh();
  }

  long exportAtNextStart() {
    return exportAtStart + energy.totalExportMilliWh();
  }
}
