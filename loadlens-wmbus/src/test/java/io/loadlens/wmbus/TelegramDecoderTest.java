package io.loadlens.wmbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class TelegramDecoderTest {
  private static byte[] hex(String s) {
    return HexFormat.of().parseHex(s.replace(" ", "").replace("_", ""));
  }

  private static KeyLookup key(String k) {
    return KeyLookup.single(hex(k));
  }

  private static DataRecord first(WMBusTelegram t, String description, long storage) {
    return t.records().stream()
        .filter(r -> r.description().equals(description) && r.storage() == storage)
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(
                    "no " + description + " storage " + storage + " in " + t.records()));
  }

  /** W1: OMS Vol. 2 annex N.2.1, security profile A (lvogt/wireless-mbus-parser). */
  private static final String W1 =
      "2E4493157856341233037A2A0020255923C95AAA26D1B2E7493B013EC4A6F6D3529B520EDFF0EA6DEFC99D6D69EBF3";

  private static final String W1_KEY = "0102030405060708090A0B0C0D0E0F11";

  @Test
  void decryptsOmsAnnexNMode5ExampleAndDecodesVolumeAndDate() {
    WMBusTelegram t = TelegramDecoder.decode(hex(W1), key(W1_KEY));
    assertThat(t.manufacturer()).isEqualTo("ELS");
    assertThat(t.id()).isEqualTo("12345678");
    assertThat(t.deviceType()).isEqualTo(0x03);
    assertThat(t.medium()).isEqualTo("gas");
    assertThat(t.accessNumber()).isEqualTo(0x2A);
    assertThat(t.security()).startsWith("TPL mode 5");
    assertThat(t.checks()).contains("2F2F after decryption");
    assertThat(first(t, "volume", 0).value()).isCloseTo(28504.27, within(1e-6));
    assertThat(first(t, "volume", 0).unit()).isEqualTo("m3");
    assertThat(first(t, "date and time", 0).text()).isEqualTo("2008-05-31T23:50");
    assertThat(first(t, "error flags", 0).value()).isZero();
  }

  @Test
  void decodesTheSameTelegramInFrameFormatAWithItsBlockCrcs() {
    String frameA =
        "2E44931578563412330333637A2A0020255923C95AAA26D1B2E7493BC2AD013EC4A6F6D3529B520EDFF0EA6DEFC955B29D6D69EBF3EC8A";
    WMBusTelegram t = TelegramDecoder.decode(hex(frameA), key(W1_KEY));
    assertThat(t.format()).isEqualTo(LinkLayer.Format.A);
    assertThat(t.checks()).contains("DLL CRC");
    assertThat(first(t, "volume", 0).value()).isCloseTo(28504.27, within(1e-6));
  }

  @Test
  void rejectsFrameAWithACorruptedBlockNamingTheBlockAndBothCrcs() {
    String corrupted =
        "2E44931578563412330333637A2A0020255923C95AAA26D1B2E7493BC2AD013EC4A6F6D3529B520EDFF0EA6DEFC955B29D6D69EBF4EC8A";
    assertThatThrownBy(() -> TelegramDecoder.decode(hex(corrupted), key(W1_KEY)))
        .isInstanceOf(WMBusException.class)
        .hasMessageStartingWith("wM-Bus frame A block 4 CRC: actual 0x")
        .hasMessageEndingWith("!= expected 0xEC8A");
  }

  @Test
  void refusesTheOmsExampleWithAWrongKey() {
    assertThatThrownBy(
            () -> TelegramDecoder.decode(hex(W1), key("4E5508544202058100DFEFA06B0934AF")))
        .hasMessageContaining("ELS 12345678: decrypted data does not start with 2F2F")
        .hasMessageEndingWith("wrong key");
  }

  @Test
  void saysWhichMeterNeedsAKeyWhenNoneIsConfigured() {
    assertThatThrownBy(() -> TelegramDecoder.decode(hex(W1), KeyLookup.NONE))
        .hasMessage(
            "wM-Bus ELS 12345678: the telegram is encrypted (TPL mode 5 (AES-128-CBC, IV)) and no key is configured for this meter");
  }

  @Test
  void decodesThePlainEn13757Table1Telegram() {
    WMBusTelegram t =
        TelegramDecoder.decode(
            hex(
                "2E4493157856341233037A2A0000002F2F0C1427048502046D32371F1502FD1700002F2F2F2F2F2F2F2F2F2F2F2F2F"),
            KeyLookup.NONE);
    assertThat(t.security()).isEqualTo("none");
    assertThat(first(t, "volume", 0).value()).isCloseTo(28504.27, within(1e-6));
  }

  /** W4: Kamstrup Multical 21 (wmbusmeters simulations/serial_aes.msg). */
  @Test
  void decryptsKamstrupEllAesCtrAndDecodesVolumesAndTemperatures() {
    WMBusTelegram t =
        TelegramDecoder.decode(
            hex(
                "2A442D2C998734761B168D2091D37CAC21E1D68CDAFFCD3DC452BD802913FF7B1706CA9E355D6C2701CC24"),
            key("28F64A24988064A079AA2C807D6102AE"));
    assertThat(t.manufacturer()).isEqualTo("KAM");
    assertThat(t.id()).isEqualTo("76348799");
    assertThat(t.medium()).isEqualTo("cold water");
    assertThat(t.security()).isEqualTo("ELL AES-CTR");
    assertThat(t.checks()).contains("ELL payload CRC");
    assertThat(first(t, "volume", 0).value()).isCloseTo(6.408, within(1e-9));
    assertThat(first(t, "volume", 1).value()).isCloseTo(6.408, within(1e-9));
    DataRecord flow = first(t, "flow temperature", 1);
    assertThat(flow.value()).isEqualTo(127);
    assertThat(flow.function()).isEqualTo(DataRecord.Function.MINIMUM);
    assertThat(first(t, "external temperature", 1).value()).isEqualTo(19);
  }

  /** W5: jMBus DecryptionTest; CC has the H bit set, which must be cleared in the IV. */
  @Test
  void clearsTheHopAndRepeaterBitsOfCcInTheEllCounterIv() {
    byte[] frame =
        hex("24442D2C692845631B168D3050209CD621B006B1140AEF4953AE5B86FAFC0B00E70705B84689");
    byte[] telegram =
        java.util.Arrays.copyOf(frame, frame.length - 1); // drop the appended RSSI byte
    WMBusTelegram t = TelegramDecoder.decode(telegram, key("4E5508544202058100DFEFA06B0934A5"));
    assertThat(first(t, "volume", 0).value()).isCloseTo(474.24, within(1e-9));
    assertThat(first(t, "volume", 1).value()).isCloseTo(473.247, within(1e-9));
    assertThatThrownBy(
            () -> TelegramDecoder.decode(telegram, key("4E5508544202058100DFEFA06B0934AF")))
        .hasMessageContaining("ELL payload CRC after decryption: actual 0x")
        .hasMessageContaining("!= expected 0x")
        .hasMessageEndingWith("(wrong key?)");
  }

  /** W7: Diehl waterstarm (wmbusmeters drivers/src/waterstarm.xmq): 2 of 4 blocks encrypted. */
  @Test
  void decodesAPartlyEncryptedDiehlTelegram() {
    WMBusTelegram t =
        TelegramDecoder.decode(
            hex(
                "3944FA122162092002067A3600202567C94D48D00DC47B11213E23383DB51968A705AAFA60C60E263D50CD259D7C9A03FD0C08000002FD0B0011"),
            key("BEDB81B52C29B5C143388CBB0D15A051"));
    assertThat(t.manufacturer()).isEqualTo("DWZ");
    assertThat(t.medium()).isEqualTo("warm water");
    assertThat(first(t, "date and time", 0).text()).isEqualTo("2020-07-30T10:40");
    assertThat(first(t, "volume", 0).value()).isCloseTo(0.106, within(1e-9));
    assertThat(first(t, "model / version", 0).text()).isEqualTo("000008");
    assertThat(first(t, "parameter set identification", 0).text()).isEqualTo("1100");
  }

  /** W8: Apator ELF2 heat meter (wmbusmeters drivers/src/elf2.xmq). */
  @Test
  void decodesApatorHeatMeterEnergyVolumeAndTemperatures() {
    WMBusTelegram t =
        TelegramDecoder.decode(
            hex(
                "6E44010670112724420D7A35006025B2F96D0306197B34C7E4E6F45F434FCB78BCBBE8837A2C253BEC3E958B3BBBFBE6AE465214941AF544237DB8A69E6C4CE8DFB7A1F64860200BB2E995F1A4F501E7702E0A581576F60B58CBDA39E1F150F29E04D689C38FD6C430ABD05DD789E0"),
            key("ACA5769E7902B8A770A7118C11D5F0F6"));
    assertThat(t.manufacturer()).isEqualTo("APA");
    List<DataRecord> energy =
        t.records().stream()
            .filter(r -> r.description().equals("energy") && r.storage() == 0)
            .toList();
    assertThat(energy).extracting(DataRecord::value).contains(144_000.0);
    assertThat(first(t, "flow temperature", 0).value()).isCloseTo(22.5, within(1e-9));
    assertThat(first(t, "return temperature", 0).value()).isCloseTo(22.6, within(1e-9));
    assertThat(t.records()).extracting(DataRecord::text).contains("2025-10-15T14:39");
  }

  /** W11: Amber radio converter, long TPL header (lvogt applicationLayer.spec.ts). */
  @Test
  void usesTheLongHeaderAddressForTheIvAndDecodesTheCustomerString() {
    WMBusTelegram t =
        TelegramDecoder.decode(
            hex(
                "4644a205440000570c377244000057a2050c37a3003005d898c64fd0c9bd2634365084e4df946736c71a2103e45a190caa1a49b602e46c9f45fcee79afbe34f0c167fd857f659e"),
            key("CAFEBABE123456789ABCDEF0CAFEBABE"));
    assertThat(t.manufacturer()).isEqualTo("AMB");
    assertThat(t.id()).isEqualTo("57000044");
    assertThat(t.accessNumber()).isEqualTo(0xA3);
    assertThat(first(t, "volume", 0).value()).isCloseTo(0.675, within(1e-9));
    assertThat(first(t, "customer", 0).text()).isEqualTo("AMBER wireless Testmodul! S Mode");
  }

  /** W13: Hydrometer, jMBus VariableDataStructureTest.test1, key "HalloWorldTestPW". */
  @Test
  void decodesHydrometerTelegramWithAnAsciiKey() {
    String body =
        "2423759468372507"
            + "7ACB5030055E861434F34A14AE2B9973AEE9811E32578336455E9AC7E7EF960B2253CA7F2BB6632C35E3DD95D66FE96C699A298A53";
    int length = 1 + body.length() / 2;
    WMBusTelegram t =
        TelegramDecoder.decode(
            hex(String.format("%02X44", length) + body), key("48616C6C6F576F726C64546573745057"));
    assertThat(t.manufacturer()).isEqualTo("HYD");
    assertThat(t.id()).isEqualTo("37689475");
    assertThat(t.accessNumber()).isEqualTo(203);
    assertThat(t.status()).isEqualTo(0x50);
    assertThat(first(t, "volume", 0).value()).isCloseTo(99999.988, within(1e-6));
    assertThat(first(t, "volume", 1).value()).isCloseTo(99999.988, within(1e-6));
    assertThat(first(t, "date", 1).text()).isEqualTo("2016-12-31");
    DataRecord duringError = first(t, "volume flow", 0);
    assertThat(duringError.function()).isEqualTo(DataRecord.Function.DURING_ERROR);
    assertThat(duringError.isNumeric()).isFalse();
    assertThat(duringError.text()).isEqualTo("invalid BCD EBBDDD");
  }

  /** W17: LUG heat meter, plain, with a negative BCD temperature (lvogt parser.spec.ts). */
  @Test
  void decodesNegativeBcdTemperature() {
    WMBusTelegram t =
        TelegramDecoder.decode(
            hex(
                "2C44A7320613996707047A821000202F2F0C06000000000C14000000000C22224101000B5A4102000B5E4000F0"),
            KeyLookup.NONE);
    assertThat(t.manufacturer()).isEqualTo("LUG");
    assertThat(t.id()).isEqualTo("67991306");
    assertThat(t.accessNumber()).isEqualTo(130);
    assertThat(first(t, "on time", 0).value()).isEqualTo(14122);
    assertThat(first(t, "on time", 0).unit()).isEqualTo("h");
    assertThat(first(t, "flow temperature", 0).value()).isCloseTo(24.1, within(1e-9));
    assertThat(first(t, "return temperature", 0).value()).isCloseTo(-4.0, within(1e-9));
  }

  /** W19: RFC 4493 AES-CMAC known answers (the KDF's primitive). */
  @Test
  void computesRfc4493CmacKnownAnswers() {
    byte[] k = hex("2b7e151628aed2a6abf7158809cf4f3c");
    assertThat(Aes.cmac(k, new byte[0])).isEqualTo(hex("BB1D6929E95937287FA37D129B756746"));
    assertThat(Aes.cmac(k, hex("6bc1bee22e409f96e93d7e117393172a")))
        .isEqualTo(hex("070A16B46B4D4144F79BDD9DD04A287C"));
  }

  @Test
  void rejectsATelegramWhoseLengthFitsNoFrameFormat() {
    assertThatThrownBy(
            () -> TelegramDecoder.decode(hex("2E4493157856341233037A2A00"), KeyLookup.NONE))
        .hasMessageStartingWith("wM-Bus frame: L-field 0x2e (46) fits neither");
  }
}
