package io.loadlens.simulator.meter;

import io.loadlens.dlms.server.MeterDataSource;
import io.loadlens.dlms.server.ProfileDefinition;
import io.loadlens.dlms.server.ProfileRows;
import io.loadlens.dlms.server.RegisterDefinition;
import io.loadlens.model.ObisCode;
import io.loadlens.model.ProfileStatus;
import io.loadlens.simulator.fault.DayFaults;
import io.loadlens.simulator.fault.FaultPlan;
import io.loadlens.simulator.household.DayEnergy;
import io.loadlens.simulator.household.DayFrame;
import io.loadlens.simulator.household.Household;
import io.loadlens.simulator.household.HouseholdSimulator;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * A simulated meter's data: the household's profile computed on demand and the meter's data faults.
 * State is the household, the fault plan, the install date and the initial register values; the
 * cache is the last day computed and the register values at the start of each day already walked
 * (16 bytes a day), so a day is simulated at most once per walk.
 */
public final class SimulatedMeter implements MeterDataSource {
  private final String deviceId;
  private final Household household;
  private final HouseholdSimulator simulator;
  private final FaultPlan faults;
  private final Clock clock;
  private final LocalDate installDate;
  private final long initialImportMilliWh;
  private final List<ProfileDefinition> profiles;
  private final int periodSeconds;
  private final ZoneId zone;
  private MeterDay recent;
  private long[] importStarts = new long[0];
  private long[] exportStarts = new long[0];
  private int knownDays;

  public SimulatedMeter(
      String deviceId,
      Household household,
      HouseholdSimulator simulator,
      FaultPlan faults,
      Clock clock,
      LocalDate installDate,
      long initialImportMilliWh,
      int bufferDays) {
    this.deviceId = deviceId;
    this.household = household;
    this.simulator = simulator;
    this.faults = faults;
    this.clock = clock;
    this.installDate = installDate;
    this.initialImportMilliWh = initialImportMilliWh;
    this.periodSeconds = simulator.intervalMinutes() * 60;
    this.zone = simulator.zone();
    this.profiles = MeterProfiles.profiles(simulator.intervalMinutes(), bufferDays);
  }

  public Household household() {
    return household;
  }

  public FaultPlan faults() {
    return faults;
  }

  public LocalDate installDate() {
    return installDate;
  }

  /** The first instant the meter has data for (local midnight of the install date). */
  public Instant installStart() {
    return installDate.atStartOfDay(zone).toInstant();
  }

  @Override
  public Instant now() {
    return clock.instant().plusSeconds(faults.clockSkewSeconds());
  }

  @Override
  public ZoneId zone() {
    return zone;
  }

  @Override
  public String deviceId() {
    return deviceId;
  }

  @Override
  public List<RegisterDefinition> registers() {
    return MeterProfiles.REGISTERS;
  }

  @Override
  public List<ProfileDefinition> profiles() {
    return profiles;
  }

  /** The household's energy on a local day, with the meter's outages applied. */
  public DayEnergy dayEnergy(LocalDate date) {
    return day(date).energy();
  }

  /** The meter's data faults on a local day. */
  public DayFaults dayFaults(LocalDate date) {
    DayFrame frame = DayFrame.of(date, zone);
    int period = simulator.intervalMinutes();
    return faults.day(date.toEpochDay(), frame.minutes() / period, period);
  }

  /** Cumulative import at a true instant, mWh (linear within an interval). */
  public long importMilliWhAt(long epochSecond) {
    return cumulativeAt(epochSecond, true);
  }

  /** Cumulative export at a true instant, mWh. */
  public long exportMilliWhAt(long epochSecond) {
    return cumulativeAt(epochSecond, false);
  }

  @Override
  public Optional<Long> registerValue(ObisCode register) {
    long t = clock.instant().getEpochSecond();
    if (register.equals(ObisCode.ACTIVE_ENERGY_IMPORT)) {
      return Optional.of(importMilliWhAt(t) / 1_000);
    }
    if (register.equals(ObisCode.ACTIVE_ENERGY_EXPORT)) {
      return Optional.of(exportMilliWhAt(t) / 1_000);
    }
    long lastEnd = Math.floorDiv(t, periodSeconds) * periodSeconds;
    if (lastEnd <= installStart().getEpochSecond()) {
      return Optional.empty();
    }
    Slot slot = slot(lastEnd);
    for (int p = 0; p < 3; p++) {
      if (register.equals(MeterProfiles.REGISTERS.get(3 + p).obis())) {
        return Optional.of((long) slot.day.energy().deciVolts()[p][slot.k]);
      }
    }
    if (register.equals(ObisCode.ACTIVE_POWER_IMPORT_LAST_AVERAGE)) {
      return Optional.of(demandWatts(slot));
    }
    return Optional.empty();
  }

  @Override
  public ProfileRows rows(ObisCode profile, Instant from, Instant to) {
    boolean loadProfile = profile.equals(ObisCode.LOAD_PROFILE_1);
    if (!loadProfile && !profile.equals(ObisCode.LOAD_PROFILE_2)) {
      throw new IllegalArgumentException("meter " + deviceId + " has no profile " + profile);
    }
    long skew = faults.clockSkewSeconds();
    long first = Math.max(from.getEpochSecond(), installStart().getEpochSecond() + skew + 1);
    long last = Math.min(to.getEpochSecond(), now().getEpochSecond());
    first = Math.ceilDiv(first, periodSeconds) * (long) periodSeconds;
    int capacity = (int) Math.max(0, (last - first) / periodSeconds + 1);
    long[] times = new long[capacity];
    int[] status = new int[capacity];
    long[][] values = new long[3][capacity];
    int n = 0;
    for (long capture = first; capture <= last; capture += periodSeconds) {
      Slot slot = slot(capture - skew);
      if (slot.day.faults().absent()[slot.k]) {
        continue;
      }
      times[n] = capture;
      status[n] = slot.day.faults().status()[slot.k] | dst(capture);
      if (loadProfile) {
        values[0][n] = cumulativeAt(capture - skew, true) / 1_000;
        values[1][n] = cumulativeAt(capture - skew, false) / 1_000;
        values[2][n] = demandWatts(slot);
      } else {
        for (int p = 0; p < 3; p++) {
          values[p][n] = slot.day.energy().deciVolts()[p][slot.k];
        }
      }
      n++;
    }
    long[][] trimmed = new long[3][];
    for (int c = 0; c < 3; c++) {
      trimmed[c] = java.util.Arrays.copyOf(values[c], n);
    }
    return new ProfileRows(
        java.util.Arrays.copyOf(times, n), java.util.Arrays.copyOf(status, n), trimmed);
  }

  @Override
  public long entriesInUse(ObisCode profile) {
    long start = installStart().getEpochSecond();
    long end = clock.instant().getEpochSecond();
    long slots = Math.max(0, (end - start) / periodSeconds);
    long absent = 0;
    for (LocalDate d = installDate;
        !d.isAfter(LocalDate.ofInstant(clock.instant(), zone));
        d = d.plusDays(1)) {
      absent += dayFaults(d).absentCount();
    }
    return Math.max(0, slots - absent);
  }

  private int dst(long epochSecond) {
    return zone.getRules().isDaylightSavings(Instant.ofEpochSecond(epochSecond))
        ? ProfileStatus.DAYLIGHT_SAVING
        : 0;
  }

  private long demandWatts(Slot slot) {
    return slot.day.energy().importMilliWh()[slot.k] * 60 / (periodSeconds / 60) / 1_000;
  }

  /** The interval ending at or containing a true instant: the one whose end is ≥ t. */
  private record Slot(MeterDay day, int k, long intervalStart) {}

  private Slot slot(long trueEpochSecond) {
    LocalDate date = LocalDate.ofInstant(Instant.ofEpochSecond(trueEpochSecond - 1), zone);
    MeterDay day = day(date);
    long start = day.energy().frame().startEpochSecond();
    int k = (int) ((trueEpochSecond - 1 - start) / periodSeconds);
    return new Slot(day, k, start + (long) k * periodSeconds);
  }

  private long cumulativeAt(long t, boolean imports) {
    if (t <= installStart().getEpochSecond()) {
      return imports ? initialImportMilliWh : 0;
    }
    Slot slot = slot(t);
    MeterDay day = slot.day;
    long base =
        slot.k == 0
            ? (imports ? day.importAtStart() : day.exportAtStart())
            : (imports ? day.importAtEnd(slot.k - 1) : day.exportAtEnd(slot.k - 1));
    long interval =
        imports ? day.energy().importMilliWh()[slot.k] : day.energy().exportMilliWh()[slot.k];
    return base + Math.floorDiv(interval * (t - slot.intervalStart), periodSeconds);
  }

  private synchronized MeterDay day(LocalDate date) {
    if (recent != null && recent.energy().frame().date().equals(date)) {
      return recent;
    }
    int index = (int) (date.toEpochDay() - installDate.toEpochDay());
    if (index < 0) {
      throw new IllegalArgumentException(
          "meter " + deviceId + ": " + date + " is before its install date " + installDate);
    }
    if (index < knownDays) {
      recent = compute(date, importStarts[index], exportStarts[index]);
      return recent;
    }
    MeterDay from =
        knownDays == 0
            ? compute(installDate, initialImportMilliWh, 0)
            : compute(
                installDate.plusDays(knownDays - 1L),
                importStarts[knownDays - 1],
                exportStarts[knownDays - 1]);
    remember(from);
    while (from.energy().frame().date().isBefore(date)) {
      from =
          compute(
              from.energy().frame().date().plusDays(1),
              from.importAtNextStart(),
              from.exportAtNextStart());
      remember(from);
    }
    recent = from;
    return from;
  }

  /** Keeps the registers at the start of a day, so no day is walked to twice. */
  private void remember(MeterDay day) {
    int index = (int) (day.energy().frame().date().toEpochDay() - installDate.toEpochDay());
    if (index < knownDays) {
      return;
    }
    if (index >= importStarts.length) {
      int size = Math.max(index + 1, importStarts.length * 2);
      importStarts = java.util.Arrays.copyOf(importStarts, size);
      exportStarts = java.util.Arrays.copyOf(exportStarts, size);
    }
    importStarts[index] = day.importAtStart();
    exportStarts[index] = day.exportAtStart();
    knownDays = index + 1;
  }

  private MeterDay compute(LocalDate date, long importAtStart, long exportAtStart) {
    DayFaults dayFaults = dayFaults(date);
    DayEnergy energy = simulator.simulate(household, date, dayFaults.powerOffMinutes());
    return new MeterDay(energy, dayFaults, importAtStart, exportAtStart);
  }
}
