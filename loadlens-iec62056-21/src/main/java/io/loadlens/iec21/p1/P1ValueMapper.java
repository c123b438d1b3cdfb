package io.loadlens.iec21.p1;

import io.loadlens.iec21.DataSet;
import io.loadlens.iec21.DataSet.ValueGroup;
import io.loadlens.iec21.Iec21Exception;
import io.loadlens.iec21.Iec21Units;
import io.loadlens.model.ObisCode;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the data sets of a P1 telegram into numeric values in base units with their capture times.
 * Identification and text objects are left out (they stay in the telegram's data sets).
 */
final class P1ValueMapper {
  /** Objects that carry text or identifiers, not measurements. */
  private static final Set<String> NOT_MEASUREMENTS =
      Set.of(
          "0.2.8", "1.0.0", "96.1.1", "96.1.0", "96.1.4", "96.13.0", "96.13.1", "24.1.0",
          "96.7.19");

  private static final ZoneId DSMR22_ZONE = ZoneId.of("Europe/Amsterdam");
  private static final DateTimeFormatter DSMR22_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss");

  private final OffsetDateTime telegramTime;

  P1ValueMapper(OffsetDateTime telegramTime) {
    this.telegramTime = telegramTime;
  }

  List<P1Value> map(List<DataSet> sets) {
    List<P1Value> out = new ArrayList<>();
    for (DataSet set : sets) {
      Optional<ObisCode> obis = set.obis();
      if (obis.isEmpty() || NOT_MEASUREMENTS.contains(cde(obis.get()))) {
        continue;
      }
      ObisCode code = obis.get();
      switch (cde(code)) {
        case "99.97.0" -> {} // power-failure event log: kept as a data set, not a measurement
        case "98.1.0" -> demandHistory(set, out);
        case "24.3.0" -> dsmr22GasProfile(set, code, out);
        default -> plain(set, code, out);
      }
    }
    addTotal(
        out,
        ObisCode.parse("1-0:1.8.1"),
        ObisCode.parse("1-0:1.8.2"),
        ObisCode.ACTIVE_ENERGY_IMPORT);
    addTotal(
        out,
        ObisCode.parse("1-0:2.8.1"),
        ObisCode.parse("1-0:2.8.2"),
        ObisCode.ACTIVE_ENERGY_EXPORT);
    return out;
  }

  /** An OBIS code inside a value group, e.g. the column of a history. */
  private static ObisCode obis(String text, DataSet set, String field) {
    try {
      return ObisCode.parse(text);
    } catch (IllegalArgumentException e) {
      throw new Iec21Exception("line " + set.line() + ": " + field + ": " + e.getMessage(), e);
    }
  }

  private static String cde(ObisCode o) {
    return o.c() + "." + o.d() + "." + o.e();
  }

  /** {@code OBIS(v*u)} at the telegram time, or {@code OBIS(time)(v*u)} at its own time. */
  private void plain(DataSet set, ObisCode code, List<P1Value> out) {
    List<ValueGroup> groups = set.values();
    if (groups.size() == 1 && !groups.get(0).isEmpty()) {
      add(out, code, groups.get(0), telegramTime, set);
    } else if (groups.size() == 2 && isTimestamp(groups.get(0).value())) {
      Optional<OffsetDateTime> t = P1Timestamp.parse(groups.get(0).value(), code + " capture time");
      t.ifPresent(time -> add(out, code, groups.get(1), time, set));
    }
  }

  /**
   * e-MUCS 0-0:98.1.0: {@code (n)(1-0:1.6.0)(1-0:1.6.0)} then n times {@code (capture time)(peak
   * time)(value*kW)}. Each entry is the maximum demand of the month before its capture.
   */
  private void demandHistory(DataSet set, List<P1Value> out) {
    List<ValueGroup> g = set.values();
    if (g.isEmpty() || g.get(0).isEmpty()) {
      return;
    }
    int n = (int) g.get(0).number("0-0:98.1.0 entry count");
    int first = 3;
    if (g.size() < first + 3L * n) {
      throw new Iec21Exception(
          "line "
              + set.line()
              + ": 0-0:98.1.0 announces "
              + n
              + " entries but has "
              + (g.size() - first) / 3);
    }
    ObisCode column = obis(g.get(1).value(), set, "0-0:98.1.0 column");
    for (int i = 0; i < n; i++) {
      int at = first + 3 * i;
      Optional<OffsetDateTime> peak =
          P1Timestamp.parse(g.get(at + 1).value(), "0-0:98.1.0 entry " + i + " peak time");
      if (peak.isPresent()) {
        add(out, column, g.get(at + 2), peak.get(), set, "month maximum demand (history)");
      }
    }
  }

  /**
   * DSMR 2.2 gas: {@code 0-1:24.3.0(time)(00)(60)(1)(0-1:24.2.1)(m3)(value)}, local time, no S/W.
   */
  private void dsmr22GasProfile(DataSet set, ObisCode code, List<P1Value> out) {
    List<ValueGroup> g = set.values();
    if (g.size() < 7) {
      return;
    }
    LocalDateTime local;
    try {
      local = LocalDateTime.parse(g.get(0).value(), DSMR22_TIME);
    } catch (RuntimeException e) {
      throw new Iec21Exception(
          "line "
              + set.line()
              + ": "
              + code
              + " time '"
              + g.get(0).value()
              + "' is not YYMMDDhhmmss",
          e);
    }
    ObisCode valueObis = obis(g.get(4).value(), set, code + " value code");
    ValueGroup value = new ValueGroup(g.get(6).value(), g.get(5).value());
    add(
        out,
        valueObis,
        value,
        local.atZone(DSMR22_ZONE).toOffsetDateTime(),
        set,
        "gas (hourly value)");
  }

  private void add(
      List<P1Value> out, ObisCode code, ValueGroup v, OffsetDateTime time, DataSet set) {
    add(out, code, v, time, set, P1Descriptions.describe(code));
  }

  private void add(
      List<P1Value> out,
      ObisCode code,
      ValueGroup v,
      OffsetDateTime time,
      DataSet set,
      String description) {
    if (v.isEmpty()) {
      return;
    }
    double raw = v.number("line " + set.line() + " " + code);
    Iec21Units.Scaled s = scale(v.unit(), raw, set, code);
    out.add(new P1Value(code, s.value(), s.unit(), time, description));
  }

  private static Iec21Units.Scaled scale(String unit, double raw, DataSet set, ObisCode code) {
    return Iec21Units.toBase(unit, raw)
        .orElseThrow(
            () ->
                new Iec21Exception(
                    "line "
                        + set.line()
                        + ": "
                        + code
                        + " has unit '"
                        + unit
                        + "', which loadlens does not know"));
  }

  private static boolean isTimestamp(String s) {
    return s.length() == 13 && Character.isLetter(s.charAt(12));
  }

  /** Tariff meters have no total register; the sum of the tariff registers is the total. */
  private static void addTotal(List<P1Value> out, ObisCode t1, ObisCode t2, ObisCode total) {
    Optional<P1Value> a = find(out, t1);
    Optional<P1Value> b = find(out, t2);
    if (a.isPresent() && b.isPresent() && find(out, total).isEmpty()) {
      out.add(
          new P1Value(
              total,
              a.get().value() + b.get().value(),
              a.get().unit(),
              a.get().time(),
              P1Descriptions.describe(total) + " (sum of the tariff registers)"));
    }
  }

  private static Optional<P1Value> find(List<P1Value> values, ObisCode obis) {
    return values.stream().filter(v -> v.obis().equals(obis)).findFirst();
  }
}
