package io.loadlens.model;

import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A meter in the registry: where it sits in the network and what it may draw. Topology fields are
 * optional; they let the fleet view group consumers by feeder and transformer.
 *
 * @param id the meter
 * @param group collector group, e.g. {@code north}; empty when none
 * @param feeder the feeder the consumer hangs on; empty when unknown
 * @param transformer the distribution transformer; empty when unknown
 * @param capacityKw the connection's capacity in kW (demand above it is implausible); 0 if unknown
 * @param zone the consumer's local time zone (day shapes and tariffs are local)
 * @param attributes free-form registry attributes (e.g. manufacturer, tariff)
 */
public record MeterInfo(
    MeterId id,
    String group,
    String feeder,
    String transformer,
    double capacityKw,
    ZoneId zone,
    Map<String, String> attributes) {

  public MeterInfo {
    Objects.requireNonNull(id, "id");
    group = group == null ? "" : group;
    feeder = feeder == null ? "" : feeder;
    transformer = transformer == null ? "" : transformer;
    Objects.requireNonNull(zone, "zone");
    if (capacityKw < 0 || Double.isNaN(capacityKw)) {
      throw new IllegalArgumentException(
          "meter " + id + ": capacityKw must be 0 (unknown) or positive, got " + capacityKw);
    }
    attributes = Map.copyOf(attributes == null ? Map.of() : attributes);
  }

  public static MeterInfo of(MeterId id, ZoneId zone) {
    return new MeterInfo(id, "", "", "", 0, zone, Map.of());
  }

  public Optional<Double> capacity() {
    return capacityKw > 0 ? Optional.of(capacityKw) : Optional.empty();
  }
}
