package io.loadlens.zigbee;

import static io.loadlens.model.testing.Mutations.failsOnlyWith;

import io.loadlens.model.testing.Mutations;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random bytes and random edits of zigbee2mqtt state messages: only {@link ZigbeeDecodeException}
 * may escape, and no decode may hang.
 */
class DecoderFuzzTest {
  private static final Zigbee2MqttDecoder DECODER =
      Zigbee2MqttDecoder.withNamedMeters(Zigbee2MqttDecoder.DEFAULT_BASE_TOPIC);

  static List<byte[]> payloads() {
    return List.of(
        ("{\"energy\":1234.567,\"produced_energy\":12.5,\"power\":-850,\"voltage\":231.4,"
                + "\"voltage_phase_b\":229.9,\"current\":3.2,\"ac_frequency\":50.01,\"linkquality\":120,"
                + "\"last_seen\":\"2026-03-01T12:00:00+01:00\"}")
            .getBytes(StandardCharsets.UTF_8),
        ("{\"energy_tier_1\":10.5,\"energy_tier_2\":3,\"power\":120,\"last_seen\":1767225600000,"
                + "\"power_factor\":0.98,\"state\":\"ON\",\"update\":{\"state\":\"idle\"}}")
            .getBytes(StandardCharsets.UTF_8));
  }

  @Provide
  Arbitrary<byte[]> mutatedPayloads() {
    return Arbitraries.oneOf(
        Mutations.of(payloads()),
        Mutations.random(256, (byte) '{', (byte) '}', (byte) '"', (byte) ':', (byte) ','));
  }

  @Provide
  Arbitrary<String> topics() {
    return Arbitraries.oneOf(
        Arbitraries.of("zigbee2mqtt/meter", "zigbee2mqtt/bridge", "zigbee2mqtt/", "other/x"),
        Arbitraries.strings().ofMaxLength(90).map(s -> "zigbee2mqtt/" + s));
  }

  @Property(edgeCases = EdgeCasesMode.NONE)
  void decoderThrowsOnlyZigbeeDecodeException(
      @ForAll("topics") String topic, @ForAll("mutatedPayloads") byte[] payload) {
    failsOnlyWith(ZigbeeDecodeException.class, () -> DECODER.decode(topic, payload, Instant.EPOCH));
  }

  /** Found by the property above: a long friendly name made an invalid meter id. */
  @org.junit.jupiter.api.Test
  void givesALongFriendlyNameADistinctValidMeterId() {
    String a = "living_room_" + "x".repeat(70) + "_a";
    String b = "living_room_" + "x".repeat(70) + "_b";
    org.assertj.core.api.Assertions.assertThat(Zigbee2MqttDecoder.namedMeter(a).value())
        .hasSize(64)
        .startsWith("zb-living_room_x")
        .isNotEqualTo(Zigbee2MqttDecoder.namedMeter(b).value());
    org.assertj.core.api.Assertions.assertThat(
            DECODER.decode("zigbee2mqtt/" + a, payloads().get(0), Instant.EPOCH))
        .isPresent();
  }
}
