package io.loadlens.zigbee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loadlens.model.IntervalSeries;
import io.loadlens.model.MeterId;
import io.loadlens.model.ObisCode;
import io.loadlens.model.ReadingBatch;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class Zigbee2MqttDecoderTest {
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private static final Map<String, MeterId> DEVICES =
      Map.of("kitchen_meter", MeterId.of("ZB-0001"));
  private final Zigbee2MqttDecoder decoder =
      new Zigbee2MqttDecoder("zigbee2mqtt", name -> Optional.ofNullable(DEVICES.get(name)));

  private static byte[] json(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static double value(ReadingBatch b, ObisCode obis) {
    return b.series().stream()
        .filter(s -> s.obis().equals(obis))
        .findFirst()
        .map(s -> s.values()[0])
        .orElseThrow();
  }

  @Test
  void mapsMeteringAndElectricalMeasurementKeysToObisInBaseUnits() {
    ReadingBatch b =
        decoder
            .decode(
                "zigbee2mqtt/kitchen_meter",
                json(
                    "{\"energy\":1234.567,\"produced_energy\":12.5,\"power\":-850,\"voltage\":231.4,"
                        + "\"voltage_phase_b\":229.9,\"current\":3.2,\"ac_frequency\":50.01,\"linkquality\":120}"),
                NOW)
            .orElseThrow();
    assertThat(b.meter()).isEqualTo(MeterId.of("ZB-0001"));
    assertThat(b.source()).isEqualTo("zigbee");
    assertThat(value(b, ObisCode.ACTIVE_ENERGY_IMPORT)).isEqualTo(1_234_567.0);
    assertThat(value(b, ObisCode.ACTIVE_ENERGY_EXPORT)).isEqualTo(12_500.0);
    assertThat(value(b, ObisCode.ACTIVE_POWER_EXPORT)).isEqualTo(850.0);
    assertThat(value(b, ObisCode.VOLTAGE_L2)).isEqualTo(229.9);
    assertThat(b.series())
        .allSatisfy(s -> assertThat(s.epochSeconds()).containsExactly(NOW.getEpochSecond()));
    assertThat(b.series()).extracting(IntervalSeries::obis).hasSize(7);
  }

  @Test
  void usesLastSeenAsTheReadingTimeWhenTheGatewayAddsIt() {
    ReadingBatch b =
        decoder
            .decode(
                "zigbee2mqtt/kitchen_meter",
                json("{\"energy\":1,\"last_seen\":\"2026-03-01T11:59:30+01:00\"}"),
                NOW)
            .orElseThrow();
    assertThat(b.series().get(0).epochSeconds())
        .containsExactly(Instant.parse("2026-03-01T10:59:30Z").getEpochSecond());
  }

  @Test
  void ignoresBridgeTopicsCommandTopicsAndDevicesThatAreNotMeters() {
    assertThat(decoder.decode("zigbee2mqtt/bridge", json("{\"energy\":1}"), NOW)).isEmpty();
    assertThat(decoder.decode("zigbee2mqtt/kitchen_meter/set", json("{\"energy\":1}"), NOW))
        .isEmpty();
    assertThat(decoder.decode("zigbee2mqtt/door_sensor", json("{\"contact\":true}"), NOW))
        .isEmpty();
    assertThat(decoder.decode("other/kitchen_meter", json("{\"energy\":1}"), NOW)).isEmpty();
  }

  @Test
  void rejectsMalformedJsonNamingTheTopicAndPosition() {
    assertThatThrownBy(
            () -> decoder.decode("zigbee2mqtt/kitchen_meter", json("{\"energy\": 1,"), NOW))
        .isInstanceOf(ZigbeeDecodeException.class)
        .hasMessageStartingWith("zigbee2mqtt/kitchen_meter: malformed JSON at line 1");
    assertThatThrownBy(() -> decoder.decode("zigbee2mqtt/kitchen_meter", json("[1,2]"), NOW))
        .hasMessage("zigbee2mqtt/kitchen_meter: payload is not a JSON object");
  }

  @Test
  void namesDevicesAsMetersWhenNoMapIsGiven() {
    ReadingBatch b =
        Zigbee2MqttDecoder.withNamedMeters("zigbee2mqtt")
            .decode("zigbee2mqtt/garage meter", json("{\"energy\":2}"), NOW)
            .orElseThrow();
    assertThat(b.meter()).isEqualTo(MeterId.of("zb-garage_meter"));
  }
}
