package io.loadlens.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DecodeCommandTest {
  @TempDir Path dir;

  private Path file(String name, String content) throws Exception {
    Path f = dir.resolve(name);
    Files.writeString(f, content);
    return f;
  }

  private Path resource(String name) throws Exception {
    Path f = dir.resolve(name);
    Files.write(
        f,
        Objects.requireNonNull(getClass().getResourceAsStream("/decode/" + name)).readAllBytes());
    return f;
  }

  @Test
  void decodesAP1TelegramWithItsCrcAndScaledValues() throws Exception {
    CliRun r =
        CliRun.run("decode", "--format", "p1", resource("dsmr50-iskra-am550.txt").toString());
    assertThat(r.exitCode()).isZero();
    assertThat(r.out())
        .contains("\"check\" : \"CRC-16/ARC\"", "\"expected\" : \"0x6EEE\"")
        .contains("\"obis\" : \"1-0:1.8.1.255\"", "\"value\" : 4426.0", "\"unit\" : \"Wh\"")
        .contains("\"time\" : \"2017-01-02T19:20:02+01:00\"");
  }

  @Test
  void failsWithTheCrcNamedWhenATelegramWasAltered() throws Exception {
    String text =
        new String(
            Files.readAllBytes(resource("dsmr50-iskra-am550.txt")),
            java.nio.charset.StandardCharsets.ISO_8859_1);
    Path bad = file("bad.txt", text.replace("(000004.426*kWh)", "(000004.427*kWh)"));
    CliRun r = CliRun.run("decode", "--format", "p1", bad.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("P1 CRC: actual 0x72F0 != expected 0x6EEE");
  }

  @Test
  void decryptsAnOmsWirelessMbusTelegramGivenItsKey() throws Exception {
    Path w1 =
        file(
            "w1.hex",
            "2E4493157856341233037A2A0020255923C95AAA26D1B2E7493B013EC4A6F6D3529B520EDFF0EA6DEFC99D6D69EBF3\n");
    CliRun r =
        CliRun.run(
            "decode",
            "--format",
            "wmbus",
            "--key",
            "0102030405060708090A0B0C0D0E0F11",
            w1.toString());
    assertThat(r.exitCode()).isZero();
    assertThat(r.out())
        .contains("\"manufacturer\" : \"ELS\"", "\"value\" : 28504.27", "2008-05-31T23:50");
  }

  @Test
  void decryptsTheGreenBookGloGetRequest() throws Exception {
    Path v13 = file("v13.hex", "C81E3001234567411312FF935A47566827C467BC7D825C3BE4A77C3FCC056B6B");
    CliRun r =
        CliRun.run(
            "decode",
            "--format",
            "dlms",
            "--key",
            "000102030405060708090A0B0C0D0E0F",
            "--ak",
            "D0D1D2D3D4D5D6D7D8D9DADBDCDDDEDF",
            "--system-title",
            "4D4D4D0000BC614E",
            v13.toString());
    assertThat(r.exitCode()).isZero();
    assertThat(r.out())
        .contains(
            "\"invocationCounter\" : 19088743", "\"plaintext\" : \"C0010000080000010000FF0200\"");
  }

  @Test
  void rejectsAWrongDlmsKeyWithTheTagNamed() throws Exception {
    Path v13 = file("v13.hex", "C81E3001234567411312FF935A47566827C467BC7D825C3BE4A77C3FCC056B6B");
    CliRun r =
        CliRun.run(
            "decode",
            "--format",
            "dlms",
            "--key",
            "000102030405060708090A0B0C0D0E00",
            "--ak",
            "D0D1D2D3D4D5D6D7D8D9DADBDCDDDEDF",
            "--system-title",
            "4D4D4D0000BC614E",
            v13.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).startsWith("loadlens: decode: ");
  }

  @Test
  void decodesAnHdlcFrameCarryingAnAarq() throws Exception {
    Path v03 =
        file(
            "v03.hex",
            "7EA02C02232110AF9FE6E600601DA109060760857405080101BE10040E01000000065F1F0400001E1DFFFFC5E47E");
    CliRun r = CliRun.run("decode", "--format", "hdlc", v03.toString());
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("\"llc\" : \"E6E600\"", "\"type\" : \"Aarq\"", "HCS and FCS");
  }

  @Test
  void decodesTheAidonPushNotification() throws Exception {
    String v21 =
        "E6E7000F40000000000111020209060101000281FF0A0B4149444F4E5F5630303031020209060000600100FF0A1037333539393932383932353837363635020209060000600107FF0A0436353235020309060100010700FF060000011802020F00161B020309060100020700FF060000000002020F00161B020309060100030700FF060000000002020F00161D020309060100040700FF060000008002020F00161D0203090601001F0700FF10000D02020FFF1621020309060100470700FF10000902020FFF1621020309060100200700FF1208E402020FFF1623020309060100340700FF1208FF02020FFF1623020309060100480700FF12090502020FFF1623020209060000010000FF090C07E4011502100000FF000000020309060100010800FF060022AB8A02020F01161E020309060100020800FF060000000002020F01161E020309060100030800FF060000E38302020F011620020309060100040800FF0600029B5B02020F011620";
    CliRun r = CliRun.run("decode", "--format", "dlms", file("v21.hex", v21).toString());
    assertThat(r.exitCode()).isZero();
    assertThat(r.out())
        .contains(
            "\"type\" : \"data-notification\"",
            "\"longInvokeIdAndPriority\" : \"0x40000000\"",
            "4149444F4E5F5630303031");
  }

  @Test
  void rejectsAnUnknownFormatAsAUsageError() throws Exception {
    CliRun r = CliRun.run("decode", "--format", "morse", file("x.hex", "00").toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .contains("--format 'morse' is not one of dlms, hdlc, wrapper, p1, iec21, wmbus, zigbee");
  }
}
