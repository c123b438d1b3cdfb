package io.loadlens.zigbee;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loadlens.model.IntervalSeries;
import io.loadlens.model.MeterId;
import io.loadlens.model.ObisCode;
import io.loadlens.model.ReadingBatch;
import io.loadlens.model.Unit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Turns the JSON that zigbee2mqtt publishes for a metering device ({@code zigbee2mqtt/<device>})
 * into readings. The Smart Energy metering cluster (0x0702) arrives as {@code energy} (current
 * summation delivered, kWh), {@code produced_energy} (summation received, kWh), tier registers and
 * {@code power} (instantaneous demand, W); the electrical measurement cluster (0x0B04) as {@code
 * voltage}, {@code current}, their {@code _phase_b}/{@code _phase_c} variants, {@code ac_frequency}
 * and {@code power_factor}. Other keys (link quality, battery, state) are ignored. The reading time
 * is {@code last_seen} when the gateway adds it (ISO 8601 or epoch milliseconds), else the receive
 * time.
 */
public final class Zigbee2MqttDecoder {
  /** zigbee2mqtt's base topic. */
  public static final String DEFAULT_BASE_TOPIC = "zigbee2mqtt";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_PAYLOAD_BYTES = 64 * 1024;

  private record Mapping(ObisCode obis, Unit unit, double factor) {}

  private static final Map<String, Mapping> KEYS =
      Map.ofEntries(
          Map.entry("energy", new Mapping(ObisCode.ACTIVE_ENERGY_IMPORT, Unit.WATT_HOUR, 1000)),
          Map.entry(
              "produced_energy", new Mapping(ObisCode.ACTIVE_ENERGY_EXPORT, Unit.WATT_HOUR, 1000)),
          Map.entry(
              "energy_tier_1", new Mapping(ObisCode.parse("1-0:1.8.1"), Unit.WATT_HOUR, 1000)),
          Map.entry(
              "energy_tier_2", new Mapping(ObisCode.parse("1-0:1.8.2"), Unit.WATT_HOUR, 1000)),
          Map.entry(
              "energy_tier_3", new Mapping(ObisCode.parse("1-0:1.8.3"), Unit.WATT_HOUR, 1000)),
          Map.entry(
              "energy_tier_4", new Mapping(ObisCode.parse("1-0:1.8.4"), Unit.WATT_HOUR, 1000)),
          Map.entry("voltage", new Mapping(ObisCode.VOLTAGE_L1, Unit.VOLT, 1)),
          Map.entry("voltage_phase_b", new Mapping(ObisCode.VOLTAGE_L2, Unit.VOLT, 1)),
          Map.entry("voltage_phase_c", new Mapping(ObisCode.VOLTAGE_L3, Unit.VOLT, 1)),
          Map.entry("current", new Mapping(ObisCode.parse("1-0:31.7.0"), Unit.AMPERE, 1)),
          Map.entry("current_phase_b", new Mapping(ObisCode.parse("1-0:51.7.0"), Unit.AMPERE, 1)),
          Map.entry("current_phase_c", new Mapping(ObisCode.parse("1-0:71.7.0"), Unit.AMPERE, 1)),
          Map.entry("ac_frequency", new Mapping(ObisCode.parse("1-0:14.7.0"), Unit.HERTZ, 1)),
          Map.entry("power_factor", new Mapping(ObisCode.parse("1-0:13.7.0"), Unit.NONE, 1)));

  private final String baseTopic;
  private final Function<String, Optional<MeterId>> devices;

  /**
   * @param baseTopic zigbee2mqtt's base topic, normally {@link #DEFAULT_BASE_TOPIC}
   * @param devices maps a device's friendly name to the meter id it stands for; empty to ignore the
   *     device (not every Zigbee device is a meter)
   */
  public Zigbee2MqttDecoder(String baseTopic, Function<String, Optional<MeterId>> devices) {
    this.baseTopic =
        baseTopic.endsWith("/") ? baseTopic.substring(0, baseTopic.length() - 1) : baseTopic;
    this.devices = devices;
  }

  /**
   * Maps every device to a meter id derived from its friendly name ({@code zb-<name>}, characters a
   * meter id cannot hold replaced by {@code _}; a name over 61 characters is cut to 52 and followed
   * by {@code -} and 8 hex digits of its hash, so long names stay distinct).
   */
  public static Zigbee2MqttDecoder withNamedMeters(String baseTopic) {
    return new Zigbee2MqttDecoder(baseTopic, name -> Optional.of(namedMeter(name)));
  }

  static MeterId namedMeter(String name) {
    String safe = name.replaceAll("[^A-Za-z0-9._:-]", "_");
    if (safe.length() > 61) {
      safe = safe.substring(0, 52) + "-" + String.format("%08x", name.hashCode());
    }
    return MeterId.of("zb-" + safe);
  }

  /** The subscription filter for all devices. */
  public String subscription() {
    return baseTopic + "/+";
  }

  /**
   * Decodes one message.
   *
   * @return empty for topics that are not device state (bridge, availability, set/get) and for
   *     devices that are not meters or carry no metering values
   * @throws ZigbeeDecodeException for malformed or oversized JSON, naming the topic
   */
  public Optional<ReadingBatch> decode(String topic, byte[] payload, Instant receivedAt) {
    if (!topic.startsWith(baseTopic + "/")) {
      return Optional.empty();
    }
    String device = topic.substring(baseTopic.length() + 1);
    if (device.isEmpty() || device.contains("/") || device.equals("bridge")) {
      return Optional.empty();
    }
    Optional<MeterId> meter;
    try {
      meter = devices.apply(device);
    } catch (IllegalArgumentException e) {
      throw new ZigbeeDecodeException(
          topic + ": device '" + device + "' maps to no valid meter id", e);
    }
    if (meter.isEmpty()) {
      return Optional.empty();
    }
    if (payload.length > MAX_PAYLOAD_BYTES) {
      throw new ZigbeeDecodeException(
          topic + ": payload of " + payload.length + " bytes exceeds " + MAX_PAYLOAD_BYTES);
    }
    JsonNode root = parse(topic, payload);
    long time = readTime(topic, root, receivedAt).getEpochSecond();
    List<IntervalSeries> series = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      if (field.getKey().equals("power")) {
        addPower(series, meter.get(), field.getValue(), time);
        continue;
      }
      Mapping m = KEYS.get(field.getKey());
      if (m != null && field.getValue().isNumber()) {
        series.add(
            one(meter.get(), m.obis(), m.unit(), time, field.getValue().asDouble() * m.factor()));
      }
    }
    if (series.isEmpty()) {
      return Optional.empty();
    }
    UUID id =
        UUID.nameUUIDFromBytes(
            (topic + "|" + new String(payload, StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8));
    return Optional.of(new ReadingBatch(id, meter.get(), "zigbee", receivedAt, series));
  }

  /** Net power: positive is import (1-0:1.7.0), negative export (1-0:2.7.0). */
  private static void addPower(
      List<IntervalSeries> series, MeterId meter, JsonNode value, long time) {
    if (!value.isNumber()) {
      return;
    }
    double w = value.asDouble();
    ObisCode obis = w >= 0 ? ObisCode.ACTIVE_POWER_IMPORT : ObisCode.ACTIVE_POWER_EXPORT;
    series.add(one(meter, obis, Unit.WATT, time, Math.abs(w)));
  }

  private static IntervalSeries one(
      MeterId meter, ObisCode obis, Unit unit, long time, double value) {
    return IntervalSeries.of(meter, obis, unit, new long[] {time}, new double[] {value});
  }

  private static JsonNode parse(String topic, byte[] payload) {
    try {
      JsonNode root = JSON.readTree(payload);
      if (root == null || !root.isObject()) {
        throw new ZigbeeDecodeException(topic + ": payload is not a JSON object");
      }
      return root;
    } catch (JsonProcessingException e) {
      throw new ZigbeeDecodeException(
          topic
              + ": malformed JSON at line "
              + e.getLocation().getLineNr()
              + " column "
              + e.getLocation().getColumnNr(),
          e);
    } catch (IOException e) {
      throw new ZigbeeDecodeException(topic + ": unreadable payload", e);
    }
  }

  private static Instant readTime(String topic, JsonNode root, Instant receivedAt) {
    JsonNode seen = root.get("last_seen");
    if (seen == null || seen.isNull()) {
      return receivedAt;
    }
    if (seen.isNumber()) {
      return Instant.ofEpochMilli(seen.asLong());
    }
    try {
      return java.time.OffsetDateTime.parse(seen.asText()).toInstant();
    } catch (DateTimeParseException e) {
      throw new ZigbeeDecodeException(
          topic + ": last_seen '" + seen.asText() + "' is neither ISO 8601 nor epoch milliseconds",
          e);
    }
  }
}
