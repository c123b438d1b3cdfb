package io.loadlens.simulator;

import io.loadlens.model.MeterId;
import io.loadlens.simulator.fault.DayFaults;
import io.loadlens.simulator.fault.FaultKind;
import io.loadlens.simulator.household.Appliance;
import io.loadlens.simulator.household.ApplianceKind;
import io.loadlens.simulator.household.Archetype;
import io.loadlens.simulator.household.DayEnergy;
import io.loadlens.simulator.meter.SimulatedMeter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What really happened in each simulated household and meter: archetype, appliances, faults, and
 * per interval each appliance's energy. Intervals are in true time (a clock-skewed meter labels its
 * rows with its own clock; the skew is recorded in households.csv).
 */
public final class GroundTruth {
  private final Map<MeterId, FleetMeter> meters = new LinkedHashMap<>();

  GroundTruth(List<FleetMeter> fleet) {
    fleet.forEach(m -> meters.put(m.identity().id(), m));
  }

  private FleetMeter meter(MeterId id) {
    FleetMeter m = meters.get(id);
    if (m == null) {
      throw new NoSuchElementException("ground truth: no simulated meter " + id);
    }
    return m;
  }

  public Archetype archetype(MeterId id) {
    return meter(id).data().household().archetype();
  }

  public List<Appliance> appliances(MeterId id) {
    return meter(id).data().household().appliances();
  }

  public Set<FaultKind> faults(MeterId id) {
    return meter(id).faults();
  }

  /** The household's energy on a local day (outages applied), for tests and evaluations. */
  public DayEnergy day(MeterId id, LocalDate date) {
    return meter(id).data().dayEnergy(date);
  }

  /**
   * Writes {@code households.csv}, {@code intervals.csv} (one row per meter and interval ending in
   * {@code (from, to]}, energies in Wh) and {@code faults.csv} (one row per faulted interval, and
   * one per meter-wide fault) into {@code dir}.
   */
  public void writeGroundTruthCsv(Path dir, Instant from, Instant to) {
    try {
      Files.createDirectories(dir);
      writeHouseholds(dir.resolve("households.csv"));
      try (BufferedWriter intervals = writer(dir.resolve("intervals.csv"));
          BufferedWriter faults = writer(dir.resolve("faults.csv"))) {
        intervals.write("meter_id,interval_end,import_wh,export_wh");
        for (ApplianceKind k : ApplianceKind.values()) {
          intervals.write("," + k.label().replace('-', '_') + "_wh");
        }
        intervals.newLine();
        faults.write("meter_id,fault,interval_end,detail");
        faults.newLine();
        for (FleetMeter m : meters.values()) {
          writeMeter(m, from, to, intervals, faults);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("write ground truth to " + dir, e);
    }
  }

  private static BufferedWriter writer(Path file) throws IOException {
    return Files.newBufferedWriter(file, StandardCharsets.UTF_8);
  }

  private void writeHouseholds(Path file) throws IOException {
    try (BufferedWriter w = writer(file)) {
      w.write("meter_id,archetype,occupants,install_date,clock_skew_s,faults,appliances");
      w.newLine();
      for (FleetMeter m : meters.values()) {
        var h = m.data().household();
        String appliances =
            h.appliances().stream()
                .map(a -> a.kind().label() + " (" + a.describe() + ")")
                .collect(Collectors.joining("; "));
        String faults =
            m.faults().stream().map(FaultKind::label).sorted().collect(Collectors.joining(" "));
        w.write(
            String.join(
                ",",
                m.identity().id().value(),
                h.archetype().label(),
                Integer.toString(h.occupants()),
                m.data().installDate().toString(),
                Integer.toString(m.data().faults().clockSkewSeconds()),
                faults,
                quote(appliances)));
        w.newLine();
      }
    }
  }

  private static void writeMeter(
      FleetMeter m, Instant from, Instant to, BufferedWriter intervals, BufferedWriter faults)
      throws IOException {
    SimulatedMeter data = m.data();
    String id = m.identity().id().value();
    for (FaultKind k : m.faults()) {
      if (k != FaultKind.OUTAGE
          && k != FaultKind.MISSING_ENTRIES
          && k != FaultKind.HARDWARE_FAULT) {
        faults.write(id + "," + k.label() + ",," + meterWideDetail(m, k));
        faults.newLine();
      }
    }
    LocalDate first = LocalDate.ofInstant(from, data.zone());
    if (first.isBefore(data.installDate())) {
      first = data.installDate();
    }
    LocalDate last = LocalDate.ofInstant(to, data.zone());
    for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
      DayEnergy day = data.dayEnergy(d);
      DayFaults dayFaults = data.dayFaults(d);
      long[] perKind = new long[ApplianceKind.values().length];
      for (int k = 0; k < day.intervals(); k++) {
        long end = day.endEpochSecond(k);
        if (end <= from.getEpochSecond() || end > to.getEpochSecond()) {
          continue;
        }
        String endText = Instant.ofEpochSecond(end).toString();
        java.util.Arrays.fill(perKind, 0);
        for (int a = 0; a < day.kinds().size(); a++) {
          perKind[day.kinds().get(a).ordinal()] += day.applianceMilliWh()[a][k];
        }
        StringBuilder sb = new StringBuilder(160);
        sb.append(id).append(',').append(endText);
        sb.append(',')
            .append(wh(day.importMilliWh()[k]))
            .append(',')
            .append(wh(day.exportMilliWh()[k]));
        for (long e : perKind) {
          sb.append(',').append(wh(e));
        }
        intervals.write(sb.toString());
        intervals.newLine();
        FaultKind cause = dayFaults.cause()[k];
        if (cause != null) {
          faults.write(
              id + "," + cause.label() + "," + endText + "," + intervalDetail(dayFaults, k));
          faults.newLine();
        }
      }
    }
  }

  private static String meterWideDetail(FleetMeter m, FaultKind k) {
    return switch (k) {
      case CLOCK_SKEW -> "clock offset " + m.data().faults().clockSkewSeconds() + " s";
      case SLOW, DROP_MID_BLOCK, CORRUPT_FCS ->
          "first " + m.data().faults().failingAttempts() + " connection(s)";
      case WRONG_KEY -> "meter keys differ from its key file";
      case OFFLINE -> "nothing listens";
      default -> "";
    };
  }

  private static String intervalDetail(DayFaults f, int k) {
    if (f.absent()[k]) {
      return "row absent";
    }
    return "status 0x" + Integer.toHexString(f.status()[k]).toUpperCase(Locale.ROOT);
  }

  private static String wh(long milliWh) {
    long whole = milliWh / 1_000;
    long frac = Math.abs(milliWh % 1_000);
    return whole + "." + (frac < 10 ? "00" : frac < 100 ? "0" : "") + frac;
  }

  private static String quote(String s) {
    return "\"" + s.replace("\"", "\"\"") + "\"";
  }
}
