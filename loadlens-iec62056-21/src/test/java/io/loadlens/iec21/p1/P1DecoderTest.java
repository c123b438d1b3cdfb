package io.loadlens.iec21.p1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.loadlens.iec21.Iec21Exception;
import io.loadlens.model.ObisCode;
import io.loadlens.model.Unit;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class P1DecoderTest {

  static byte[] resource(String name) throws IOException {
    try (InputStream in = P1DecoderTest.class.getResourceAsStream("/p1/" + name)) {
      return Objects.requireNonNull(in, name).readAllBytes();
    }
  }

  private static double value(P1Telegram t, String obis) {
    return t.values().stream()
        .filter(v -> v.obis().equals(ObisCode.parse(obis)))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no value for " + obis))
        .value();
  }

  private static P1Value find(P1Telegram t, String obis) {
    return t.values().stream()
        .filter(v -> v.obis().equals(ObisCode.parse(obis)))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void decodesKaifaDsmr42Telegram() throws IOException {
    P1Telegram t = P1Decoder.decode(resource("dsmr42-kaifa-ma105.txt"));
    assertThat(t.crc().status()).isEqualTo(P1Telegram.CrcCheck.Status.VALID);
    assertThat(t.crc().expected()).isEqualTo(0x6796);
    assertThat(t.manufacturer()).isEqualTo("KFM");
    assertThat(t.version()).isEqualTo("42");
    assertThat(t.timestamp()).contains(OffsetDateTime.parse("2016-11-13T20:57:57+01:00"));
    assertThat(value(t, "1-0:1.8.1")).isCloseTo(1_581_123, within(1e-6));
    assertThat(value(t, "1-0:1.8.2")).isCloseTo(1_435_706, within(1e-6));
    assertThat(value(t, "1-0:1.8.0")).isCloseTo(3_016_829, within(1e-6));
    assertThat(value(t, "1-0:1.7.0")).isCloseTo(2027, within(1e-9));
    assertThat(value(t, "1-0:21.7.0")).isCloseTo(170, within(1e-9));
    assertThat(value(t, "1-0:41.7.0")).isCloseTo(1247, within(1e-9));
    assertThat(value(t, "1-0:61.7.0")).isCloseTo(209, within(1e-9));
    assertThat(value(t, "1-0:51.7.0")).isEqualTo(6);
    assertThat(value(t, "0-0:96.7.21")).isEqualTo(15);
    assertThat(value(t, "0-0:96.7.9")).isEqualTo(7);
    P1Value gas = find(t, "0-1:24.2.1");
    assertThat(gas.value()).isCloseTo(981.443, within(1e-9));
    assertThat(gas.unit()).isEqualTo(Unit.CUBIC_METRE);
    assertThat(gas.time()).isEqualTo(OffsetDateTime.parse("2016-11-29T20:00:00+01:00"));
  }

  @Test
  void decodesIskraDsmr50TelegramWithLiteralBackslashInIdentification() throws IOException {
    P1Telegram t = P1Decoder.decode(resource("dsmr50-iskra-am550.txt"));
    assertThat(t.identification()).isEqualTo("ISk5\\2MT382-1000");
    assertThat(t.equipmentId()).contains("K8EG004046395507");
    assertThat(value(t, "1-0:1.8.1")).isCloseTo(4426, within(1e-6));
    assertThat(value(t, "1-0:1.8.2")).isCloseTo(2399, within(1e-6));
    assertThat(value(t, "1-0:2.8.1")).isCloseTo(2444, within(1e-6));
    assertThat(value(t, "1-0:1.7.0")).isCloseTo(244, within(1e-9));
    assertThat(value(t, "1-0:32.7.0")).isEqualTo(230.0);
    assertThat(value(t, "1-0:72.7.0")).isEqualTo(229.0);
    assertThat(value(t, "1-0:71.7.0")).isEqualTo(0.86);
    assertThat(find(t, "0-1:24.2.1").time())
        .isEqualTo(OffsetDateTime.parse("2017-01-02T16:10:05+01:00"));
  }

  @Test
  void decodesFluviusEmucsCapacityFieldsAndPeakHistory() throws IOException {
    P1Telegram t = P1Decoder.decode(resource("emucs171-fluvius-example.txt"));
    assertThat(t.version()).isEqualTo("50217");
    assertThat(t.timestamp()).contains(OffsetDateTime.parse("2020-05-12T13:54:09+02:00"));
    assertThat(value(t, "1-0:1.4.0")).isCloseTo(2351, within(1e-9));
    P1Value monthPeak =
        t.values().stream()
            .filter(
                v ->
                    v.obis().equals(ObisCode.parse("1-0:1.6.0"))
                        && v.description().startsWith("maximum"))
            .findFirst()
            .orElseThrow();
    assertThat(monthPeak.value()).isCloseTo(2589, within(1e-9));
    assertThat(monthPeak.time()).isEqualTo(OffsetDateTime.parse("2020-05-09T13:45:58+02:00"));
    assertThat(
            t.values().stream()
                .filter(v -> v.description().startsWith("month maximum demand (history)"))
                .map(v -> v.time() + "=" + v.value()))
        .containsExactly(
            "2020-04-23T19:25:38+02:00=3695.0",
            "2020-03-05T12:21:39+02:00=5980.0", // the telegram marks it S, as sent
            "2020-02-10T03:54:21+01:00=4318.0");
    assertThat(value(t, "0-1:24.2.3")).isCloseTo(112.384, within(1e-9));
    assertThat(value(t, "0-2:24.2.1")).isCloseTo(872.234, within(1e-9));
    assertThat(value(t, "0-0:17.0.0")).isCloseTo(999_900, within(1e-6));
  }

  @Test
  void rejectsATelegramWithALineRemovedNamingBothCrcs() throws IOException {
    String text = new String(resource("emucs171-fluvius-example.txt"), StandardCharsets.ISO_8859_1);
    byte[] broken =
        text.replace("1-0:1.8.1(000000.034*kWh)\r\n", "").getBytes(StandardCharsets.ISO_8859_1);
    assertThatThrownBy(() -> P1Decoder.decode(broken))
        .isInstanceOf(Iec21Exception.class)
        .hasMessage("P1 CRC: actual 0x02A3 != expected 0x3AD7");
  }

  @Test
  void rejectsATelegramWithOneDigitChanged() throws IOException {
    String text = new String(resource("dsmr50-iskra-am550.txt"), StandardCharsets.ISO_8859_1);
    byte[] broken =
        text.replace("(000004.426*kWh)", "(000004.427*kWh)").getBytes(StandardCharsets.ISO_8859_1);
    assertThatThrownBy(() -> P1Decoder.decode(broken))
        .hasMessage("P1 CRC: actual 0x72F0 != expected 0x6EEE");
  }

  @Test
  void decodesDsmr22TelegramWithoutCrcAndGasValueOnItsOwnLine() {
    String text =
        String.join(
            "\r\n",
            "/ISk5\\2MT382-1004",
            "",
            "0-0:96.1.1(00000000000000)",
            "1-0:1.8.1(00001.001*kWh)",
            "1-0:1.8.2(00001.001*kWh)",
            "1-0:2.8.1(00001.001*kWh)",
            "1-0:2.8.2(00001.001*kWh)",
            "0-0:96.14.0(0001)",
            "1-0:1.7.0(0001.01*kW)",
            "1-0:2.7.0(0000.00*kW)",
            "0-0:17.0.0(0999.00*kW)",
            "0-0:96.3.10(1)",
            "0-0:96.13.1()",
            "0-0:96.13.0()",
            "0-1:24.1.0(3)",
            "0-1:96.1.0(000000000000)",
            "0-1:24.3.0(161107190000)(00)(60)(1)(0-1:24.2.1)(m3)",
            "(00001.001)",
            "0-1:24.4.0(1)",
            "!",
            "");
    OffsetDateTime received = OffsetDateTime.parse("2016-11-07T19:05:00+01:00");
    P1Telegram t = P1Decoder.decode(text.getBytes(StandardCharsets.US_ASCII), received);
    assertThat(t.crc()).isEqualTo(P1Telegram.CrcCheck.NONE);
    assertThat(t.version()).isEmpty();
    assertThat(value(t, "1-0:1.7.0")).isCloseTo(1010, within(1e-9));
    assertThat(find(t, "1-0:1.8.1").time()).isEqualTo(received);
    P1Value gas = find(t, "0-1:24.2.1");
    assertThat(gas.value()).isEqualTo(1.001);
    assertThat(gas.time()).isEqualTo(OffsetDateTime.parse("2016-11-07T19:00:00+01:00"));
  }

  @Test
  void rejectsTextWithoutFrameDelimiters() {
    assertThatThrownBy(
            () -> P1Decoder.decode("1-0:1.8.1(1*kWh)".getBytes(StandardCharsets.US_ASCII)))
        .hasMessage("P1 telegram: no '/' identification start found");
    assertThatThrownBy(
            () ->
                P1Decoder.decode(
                    "/KFM5KAIFA\r\n1-0:1.8.1(1*kWh)".getBytes(StandardCharsets.US_ASCII)))
        .hasMessage("P1 telegram: no '!' end found after the identification");
  }

  @Test
  void treatsPlaceholderDatesOfEmptyHistoryEntriesAsAbsent() {
    assertThat(P1Timestamp.parse("632525252525W", "x")).isEmpty();
    assertThatThrownBy(() -> P1Timestamp.parse("2005121354S", "0-0:1.0.0"))
        .hasMessageContaining(
            "0-0:1.0.0: timestamp '2005121354S' is not YYMMDDhhmmss followed by S or W");
  }
}
