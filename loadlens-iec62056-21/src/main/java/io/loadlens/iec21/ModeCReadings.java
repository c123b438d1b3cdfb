package io.loadlens.iec21;

import io.loadlens.model.IntervalSeries;
import io.loadlens.model.MeterId;
import io.loadlens.model.ObisCode;
import io.loadlens.model.ReadingBatch;
import io.loadlens.model.Unit;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Turns an IEC 62056-21 readout into readings. A readout lists registers as they stand at the
 * moment of reading, so every value is taken at the read time. Only data sets with an OBIS address
 * and a number with a unit loadlens knows become readings: in a readout, a value without a unit is
 * usually a date, a time, a status word or an identifier ({@code 0.9.1(235959)}, {@code
 * F.F(00000000)}), not a count; those, and units loadlens does not know, are listed by {@link
 * #skipped}.
 */
public final class ModeCReadings {
  private ModeCReadings() {}

  /** The source name of mode C readings. */
  public static final String SOURCE = "iec21";

  /** Addresses that carry the meter's serial number, in order of preference. */
  private static final List<String> SERIAL_ADDRESSES =
      List.of("0-0:96.1.0", "1-0:96.1.0", "0-0:C.1.0", "C.1.0", "0.0.0", "0-0:0.0.0", "1-0:0.0.0");

  /** A decimal number as meters write it: {@code 015882.6927}, {@code -3.5}. */
  private static final java.util.regex.Pattern DECIMAL =
      java.util.regex.Pattern.compile("[+-]?[0-9]{1,18}(\\.[0-9]{1,18})?");

  /** Identifiers and text, never measurements even when they look like numbers. */
  private static final Set<String> NOT_MEASUREMENTS = Set.of("96.1.0", "96.1.1", "0.0.0", "0.0.1");

  /**
   * One value of a readout in a base unit.
   *
   * @param obis the register
   * @param value the value in {@code unit}
   * @param unit the base unit
   * @param line the line of the data message it came from
   */
  public record Value(ObisCode obis, double value, Unit unit, int line) {}

  /** The measurements of the readout, first occurrence of each register, in readout order. */
  public static List<Value> values(ModeCReadout readout) {
    Map<ObisCode, Value> out = new LinkedHashMap<>();
    for (DataSet set : readout.dataSets()) {
      measurement(set).ifPresent(v -> out.putIfAbsent(v.obis(), v));
    }
    return List.copyOf(out.values());
  }

  /** The data sets that are not measurements (identifiers, dates, status, unknown units). */
  public static List<DataSet> skipped(ModeCReadout readout) {
    List<DataSet> out = new ArrayList<>();
    for (DataSet set : readout.dataSets()) {
      if (measurement(set).isEmpty()) {
        out.add(set);
      }
    }
    return out;
  }

  /** The meter's serial number from the readout ({@code 96.1.0}, {@code C.1.0}, {@code 0.0.0}). */
  public static Optional<String> serialNumber(ModeCReadout readout) {
    for (String address : SERIAL_ADDRESSES) {
      for (DataSet set : readout.dataSets()) {
        if (set.address().equals(address) || set.address().equals(address + "*255")) {
          String v = set.first().value().strip();
          if (!v.isEmpty()) {
            return Optional.of(v);
          }
        }
      }
    }
    return Optional.empty();
  }

  /**
   * One batch with a one-row series per register, each at {@code readAt} (whole seconds), source
   * {@value #SOURCE}. The batch id is the same for the same readout read at the same second.
   */
  public static ReadingBatch toBatch(MeterId meter, ModeCReadout readout, Instant readAt) {
    long at = readAt.getEpochSecond();
    List<IntervalSeries> series = new ArrayList<>();
    StringBuilder key = new StringBuilder(meter + "|" + at + "|" + readout.bcc());
    for (Value v : values(readout)) {
      series.add(
          IntervalSeries.of(meter, v.obis(), v.unit(), new long[] {at}, new double[] {v.value()}));
      key.append('|').append(v.obis()).append('=').append(v.value());
    }
    return new ReadingBatch(
        UUID.nameUUIDFromBytes(key.toString().getBytes(StandardCharsets.UTF_8)),
        meter,
        SOURCE,
        readAt,
        series);
  }

  private static Optional<Value> measurement(DataSet set) {
    Optional<ObisCode> obis = set.obis();
    DataSet.ValueGroup g = set.first();
    if (obis.isEmpty() || g.isEmpty() || g.unit().isEmpty()) {
      return Optional.empty();
    }
    ObisCode o = obis.get();
    if (NOT_MEASUREMENTS.contains(o.c() + "." + o.d() + "." + o.e())) {
      return Optional.empty();
    }
    if (!DECIMAL.matcher(g.value()).matches()) {
      return Optional.empty();
    }
    double raw = Double.parseDouble(g.value());
    return Iec21Units.toBase(g.unit(), raw)
        .filter(s -> s.unit() != Unit.NONE)
        .map(s -> new Value(o, s.value(), s.unit(), set.line()));
  }
}
