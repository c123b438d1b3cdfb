package io.loadlens.wmbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.loadlens.model.IntervalSeries;
import io.loadlens.model.MeterId;
import io.loadlens.model.ObisCode;
import io.loadlens.model.ReadingBatch;
import io.loadlens.model.Unit;
import io.loadlens.wmbus.receiver.KeyFile;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Vectors W1, W4, W7, W8, W17 of TelegramDecoderTest (see src/test/resources/SOURCES.md). */
class WMBusReceiverTest {
  static final String W1 =
      "2E4493157856341233037A2A0020255923C95AAA26D1B2E7493B013EC4A6F6D3529B520EDFF0EA6DEFC99D6D69EBF3";
  static final String W4 =
      "2A442D2C998734761B168D2091D37CAC21E1D68CDAFFCD3DC452BD802913FF7B1706CA9E355D6C2701CC24";
  static final String W7 =
      "3944FA122162092002067A3600202567C94D48D00DC47B11213E23383DB51968A705AAFA60C60E263D50CD259D7C9A03FD0C08000002FD0B0011";
  static final String W8 =
      "6E44010670112724420D7A35006025B2F96D0306197B34C7E4E6F45F434FCB78BCBBE8837A2C253BEC3E958B3BBBFBE6AE465214941AF544237DB8A69E6C4CE8DFB7A1F64860200BB2E995F1A4F501E7702E0A581576F60B58CBDA39E1F150F29E04D689C38FD6C430ABD05DD789E0";
  static final String W17 =
      "2C44A7320613996707047A821000202F2F0C06000000000C14000000000C22224101000B5A4102000B5E4000F0";
  static final KeyFile KEYS =
      KeyFile.parse(
          "test",
          List.of(
              "ELS-12345678=0102030405060708090A0B0C0D0E0F11",
              "KAM-76348799=28F64A24988064A079AA2C807D6102AE",
              "20096221=BEDB81B52C29B5C143388CBB0D15A051",
              "APA-24271170=ACA5769E7902B8A770A7118C11D5F0F6"));
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final Instant NOW = Instant.parse("2024-03-01T12:00:00Z");

  static final class Collector implements WMBusReceiver.Listener {
    final List<ReadingBatch> readings = new ArrayList<>();
    final List<String> bad = new ArrayList<>();
    final List<WMBusTelegram> unmapped = new ArrayList<>();

    @Override
    public void onReadings(ReadingBatch batch, WMBusTelegram telegram) {
      readings.add(batch);
    }

    @Override
    public void onUnmapped(WMBusTelegram telegram) {
      unmapped.add(telegram);
    }

    @Override
    public void onBadTelegram(String where, WMBusException error) {
      bad.add(where + ": " + error.getMessage());
    }
  }

  private static IntervalSeries series(ReadingBatch b, String obis) {
    return b.series().stream()
        .filter(s -> s.obis().equals(ObisCode.parse(obis)))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + obis + " in " + b.series()));
  }

  private static ReadingBatch one(String hex) {
    WMBusTelegram t = TelegramDecoder.decode(HexFormat.of().parseHex(hex), KEYS);
    return WMBusReadings.toBatch(t, NOW, BERLIN).orElseThrow();
  }

  @Test
  void mapsColdWaterVolumeToObis8AndNamesTheMeterByManufacturerAndId() {
    ReadingBatch b = one(W4);
    assertThat(b.meter()).isEqualTo(MeterId.of("KAM-76348799"));
    assertThat(b.source()).isEqualTo("wmbus");
    assertThat(b.series()).singleElement();
    IntervalSeries v = series(b, "8-0:1.0.0.255");
    assertThat(v.unit()).isEqualTo(Unit.CUBIC_METRE);
    assertThat(v.values()[0]).isCloseTo(6.408, within(1e-9));
    assertThat(v.epochSeconds()).containsExactly(NOW.getEpochSecond()); // no date-time record
  }

  @Test
  void mapsGasVolumeToObis7AtTheTelegramsOwnTime() {
    IntervalSeries v = series(one(W1), "7-0:3.0.0.255");
    assertThat(v.values()[0]).isCloseTo(28504.27, within(1e-6));
    assertThat(v.epochSeconds())
        .containsExactly(Instant.parse("2008-05-31T21:50:00Z").getEpochSecond()); // CEST
  }

  @Test
  void mapsWarmWaterVolumeToObis9() {
    assertThat(series(one(W7), "9-0:1.0.0.255").values()[0]).isCloseTo(0.106, within(1e-9));
  }

  @Test
  void mapsHeatEnergyVolumeAndTemperaturesLeavingOutTheCoolingSubunit() {
    ReadingBatch b = one(W8);
    assertThat(b.meter()).isEqualTo(MeterId.of("APA-24271170"));
    assertThat(series(b, "6-0:1.0.0.255").values()).containsExactly(144_000.0);
    assertThat(series(b, "6-0:1.0.0.255").unit()).isEqualTo(Unit.WATT_HOUR);
    assertThat(series(b, "6-0:2.0.0.255").values()[0]).isCloseTo(17.856, within(1e-9));
    assertThat(series(b, "6-0:10.0.0.255").values()[0]).isCloseTo(22.5, within(1e-9));
    assertThat(series(b, "6-0:11.0.0.255").values()[0]).isCloseTo(22.6, within(1e-9));
    assertThat(series(b, "6-0:11.0.0.255").unit()).isEqualTo(Unit.CELSIUS);
    assertThat(b.series()).hasSize(4);
    assertThat(series(b, "6-0:1.0.0.255").epochSeconds())
        .containsExactly(Instant.parse("2025-10-15T12:39:00Z").getEpochSecond());
  }

  @Test
  void convertsHeatEnergyInJouleToWattHours() {
    // W17 with its energy record 0C06 (kWh) replaced by 0C0E (10^6 J = 1 MJ), value 3 MJ = 833.3 Wh
    String lug = W17.replace("0C0600000000", "0C0E03000000");
    WMBusTelegram t = TelegramDecoder.decode(HexFormat.of().parseHex(lug), KeyLookup.NONE);
    ReadingBatch b = WMBusReadings.toBatch(t, NOW, BERLIN).orElseThrow();
    assertThat(series(b, "6-0:1.0.0.255").values()[0]).isCloseTo(833.333, within(1e-3));
  }

  @Test
  void readsHexRtlWmbusAndWmbusmetersLinesReportingBadOnesAndGoingOn() throws Exception {
    String lines =
        String.join(
            "\n",
            "# captured telegrams",
            W4,
            "T1;1;1;2019-01-01 00:00:00.000;-60;;;0x" + W1,
            "telegram=|" + W7.substring(0, 20) + "_" + W7.substring(20) + "|+12",
            "T1;0;1;2019-01-01 00:00:05.000;-90;;;0x" + W1,
            "not hex at all",
            W17,
            "2A442D2C998734761B168D2091D37CAC21E1D68CDAFFCD3DC452BD802913FF7B1706CA9E355D6C2701CC25",
            "");
    Collector c = new Collector();
    WMBusReceiver r = new WMBusReceiver(KEYS, BERLIN, c, InstantSource.fixed(NOW));
    WMBusReceiver.Stats stats = r.runLines(new BufferedReader(new StringReader(lines)));
    assertThat(c.readings)
        .extracting(b -> b.meter().value())
        .containsExactly("KAM-76348799", "ELS-12345678", "DWZ-20096221", "LUG-67991306");
    assertThat(c.readings.get(1).readAt())
        .isEqualTo(Instant.parse("2018-12-31T23:00:00Z")); // rtl-wmbus receive time, Berlin
    assertThat(c.bad)
        .containsExactly(
            "line 5: wM-Bus line: the receiver marks this telegram's CRC as failed",
            "line 6: wM-Bus line: 'not hex at all' is not an even number of hex digits",
            "line 8: wM-Bus KAM 76348799: ELL payload CRC after decryption: actual 0x"
                + c.bad.get(2).substring(c.bad.get(2).indexOf("actual 0x") + 9));
    assertThat(stats.telegrams()).isEqualTo(4);
    assertThat(stats.bad()).isEqualTo(3);
  }

  @Test
  void readsRawFramesFromADongleDroppingTheAppendedRssiByte() throws Exception {
    byte[] w4 = HexFormat.of().parseHex(W4);
    byte[] w17 = HexFormat.of().parseHex(W17);
    java.io.ByteArrayOutputStream s = new java.io.ByteArrayOutputStream();
    s.writeBytes(w4);
    s.write(0xC4);
    s.writeBytes(w17);
    s.write(0xB0);
    Collector c = new Collector();
    WMBusReceiver r = new WMBusReceiver(KEYS, BERLIN, c, InstantSource.fixed(NOW));
    r.runFrames(new ByteArrayInputStream(s.toByteArray()), true);
    assertThat(c.readings).hasSize(2);
    assertThat(c.bad).isEmpty();
  }

  @Test
  void dropsAnRssiByteAppendedToAHexLine() {
    Collector c = new Collector();
    WMBusReceiver r = new WMBusReceiver(KEYS, BERLIN, c, InstantSource.fixed(NOW));
    r.accept("x", HexFormat.of().parseHex(W4 + "C4"), NOW);
    assertThat(c.readings).hasSize(1);
  }

  @Test
  void rejectsAnRtlWmbusLineWithTooFewFields() {
    assertThatThrownBy(() -> TelegramLine.parse("T1;1;0x2A44", BERLIN))
        .hasMessageStartingWith("wM-Bus line: rtl-wmbus form needs");
  }
}
