package io.loadlens.simulator.fault;

import io.loadlens.model.MeterId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which faults a fleet has: fleet-wide fractions of meters per fault (parsed from a spec such as
 * {@code outage=0.05,wrong-key=0.02}) and faults pinned to named meters.
 *
 * @param fractions the share of meters (0..1) that get each fault
 * @param pinned faults given to particular meters, in addition to the drawn ones
 */
public record FaultSpec(Map<FaultKind, Double> fractions, Map<MeterId, Set<FaultKind>> pinned) {

  public FaultSpec {
    EnumMap<FaultKind, Double> copy = new EnumMap<>(FaultKind.class);
    copy.putAll(fractions);
    for (Map.Entry<FaultKind, Double> e : copy.entrySet()) {
      double f = e.getValue();
      if (!(f >= 0 && f <= 1)) {
        throw new IllegalArgumentException(
            "fault fraction " + e.getKey().label() + "=" + f + " is outside 0..1");
      }
    }
    fractions = Collections.unmodifiableMap(copy);
    Map<MeterId, Set<FaultKind>> pins = new LinkedHashMap<>();
    pinned.forEach((id, kinds) -> pins.put(id, Collections.unmodifiableSet(EnumSet.copyOf(kinds))));
    pinned = Collections.unmodifiableMap(pins);
  }

  /** No faults. */
  public static FaultSpec none() {
    return new FaultSpec(Map.of(), Map.of());
  }

  /**
   * Parses {@code name=fraction[,name=fraction...]}; an empty or blank spec means no faults.
   *
   * @throws IllegalArgumentException naming every unknown fault and every bad fraction
   */
  public static FaultSpec parse(String spec) {
    Map<FaultKind, Double> fractions = new EnumMap<>(FaultKind.class);
    List<String> errors = new ArrayList<>();
    if (spec != null && !spec.isBlank()) {
      for (String part : spec.split(",")) {
        String item = part.trim();
        int eq = item.indexOf('=');
        if (eq < 0) {
          errors.add("'" + item + "' is not name=fraction");
          continue;
        }
        String name = item.substring(0, eq).trim();
        String value = item.substring(eq + 1).trim();
        var kind = FaultKind.fromLabel(name);
        if (kind.isEmpty()) {
          errors.add("unknown fault '" + name + "'");
          continue;
        }
        try {
          double f = Double.parseDouble(value);
          if (!(f >= 0 && f <= 1)) {
            errors.add("fraction " + name + "=" + value + " is outside 0..1");
          } else if (fractions.put(kind.get(), f) != null) {
            errors.add("fault '" + name + "' is given twice");
          }
        } catch (NumberFormatException e) {
          errors.add("fraction " + name + "=" + value + " is not a number");
        }
      }
    }
    if (!errors.isEmpty()) {
      throw new IllegalArgumentException(
          "fault spec '"
              + spec
              + "': "
              + String.join("; ", errors)
              + " (known faults: "
              + FaultKind.labels()
              + ")");
    }
    return new FaultSpec(fractions, Map.of());
  }

  /** This spec with faults pinned to one meter as well. */
  public FaultSpec withMeter(MeterId meter, FaultKind first, FaultKind... more) {
    Map<MeterId, Set<FaultKind>> pins = new LinkedHashMap<>(pinned);
    EnumSet<FaultKind> kinds = EnumSet.of(first, more);
    Set<FaultKind> existing = pins.get(meter);
    if (existing != null) {
      kinds.addAll(existing);
    }
    pins.put(meter, kinds);
    return new FaultSpec(fractions, pins);
  }

  public double fraction(FaultKind kind) {
    return fractions.getOrDefault(kind, 0.0);
  }

  /** The spec text, e.g. {@code outage=0.05,wrong-key=0.02} (pinned faults are not included). */
  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    fractions.forEach((k, v) -> parts.add(k.label() + "=" + v));
    return String.join(",", parts);
  }
}
