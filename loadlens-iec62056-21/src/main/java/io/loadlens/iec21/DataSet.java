package io.loadlens.iec21;

import io.loadlens.model.ObisCode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One data set of a readout or telegram: an address and its value groups, as in {@code
 * 1-0:1.8.1(001581.123*kWh)} or {@code 0-1:24.2.1(161129200000W)(00981.443*m3)} (IEC 62056-21
 * clause 6.5; the DSMR P1 companion uses the same syntax with several groups per line).
 *
 * @param address the address as written, e.g. {@code 1-0:1.8.0*255}, {@code C.1.0} or {@code F.F}
 * @param values the value groups in order
 * @param line the 1-based line number in the telegram (for error messages)
 */
public record DataSet(String address, List<ValueGroup> values, int line) {
  public DataSet {
    values = List.copyOf(values);
  }

  /**
   * Addresses parsed before: a meter repeats the same few dozen every second, and parsing is most
   * of a telegram's decode time. Bounded, so hostile input cannot grow it.
   */
  private static final Map<String, Optional<ObisCode>> PARSED = new ConcurrentHashMap<>();

  private static final int MAX_PARSED = 4096;

  /** The address as an OBIS code, when it is one (IEC 62056-21 also allows free addresses). */
  public Optional<ObisCode> obis() {
    Optional<ObisCode> known = PARSED.get(address);
    if (known != null) {
      return known;
    }
    Optional<ObisCode> parsed;
    try {
      parsed = Optional.of(ObisCode.parse(address));
    } catch (IllegalArgumentException e) {
      parsed = Optional.empty();
    }
    if (PARSED.size() < MAX_PARSED) {
      PARSED.put(address, parsed);
    }
    return parsed;
  }

  /** The first value group, or an empty one for {@code ADDRESS()}. */
  public ValueGroup first() {
    return values.isEmpty() ? new ValueGroup("", "") : values.get(0);
  }

  /** One {@code (value*unit)} group; {@code unit} is empty when the meter sent none. */
  public record ValueGroup(String value, String unit) {
    /** The value as a number. */
    public double number(String field) {
      try {
        return Double.parseDouble(value);
      } catch (NumberFormatException e) {
        throw new Iec21Exception(field + ": '" + value + "' is not a number", e);
      }
    }

    public boolean isEmpty() {
      return value.isEmpty();
    }
  }
}
