package io.loadlens.collector.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.loadlens.model.MeterId;
import io.loadlens.model.ObisCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FleetFilesTest {
  static final String GOOD_FLEET =
      """
      client_system_title: 4C4C4E0000000001
      meters:
        - id: SIM-00001
          host: 127.1.0.1
          port: 4059
          framing: wrapper               # wrapper | hdlc
          client_address: 1
          server_logical_address: 1
          server_physical_address: 17
          security: hls-gmac             # none | lls | hls-gmac
          system_title: 4C4C530000000001
          key_file: keys/SIM-00001.keys  # relative to the fleet file
          obis: [1-0:99.1.0.255]
          group: sim
          interval_minutes: 15
        - id: SIM-00002
          host: 127.1.0.2
          framing: hdlc
          security: none
          obis: [1-0:99.1.0.255]
          timeout_ms: 2500
          retries: 0
      """;

  static final String GOOD_FIELD =
      """
      TIMEOUT_VAL: 7.5
      RETRIES: 3
      CLIENT_SYSTEM_TITLE: 4C4C4E0000000001
      METERS:
        - METER_ID: KFM-0001
          IP: 10.20.0.15
          PORT: 4059
          FRAMING: WRAPPER
          CLIENT_ADDRESS: 1
          SERVER_ADDRESS: 1
          SECURITY: HLS_GMAC
          SYSTEM_TITLE: 4B464D1020304050
          KEY_FILE: keys/SIM-00001.keys
          OBIS: [1.1.1.8.0.255]
          GROUP: north
      """;

  @TempDir Path dir;

  @BeforeEach
  void keyFile() throws IOException {
    Files.createDirectories(dir.resolve("keys"));
    writeKey(
        "keys/SIM-00001.keys",
        "# suite 0 keys\nGUEK=000102030405060708090A0B0C0D0E0F\nGAK=D0D1D2D3D4D5D6D7D8D9DADBDCDDDEDF\n",
        "rw-------");
  }

  Path writeKey(String name, String text, String perms) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(perms));
    return p;
  }

  Path write(String text) throws IOException {
    Path p = dir.resolve("fleet.yaml");
    Files.writeString(p, text);
    return p;
  }

  FleetConfig read(String text) throws IOException {
    return FleetFiles.read(write(text), FleetDefaults.STANDARD);
  }

  @Test
  void readsTheSimulatorFleetFile() throws IOException {
    FleetConfig f = read(GOOD_FLEET);

    assertThat(f.clientSystemTitle()).hasToString("4C4C4E0000000001");
    assertThat(f.meters()).hasSize(2);
    MeterConfig m = f.meters().get(0);
    assertThat(m.id()).isEqualTo(MeterId.of("SIM-00001"));
    assertThat(m.port()).isEqualTo(4059);
    assertThat(m.serverPhysicalAddress()).isEqualTo(17);
    assertThat(m.security()).isEqualTo(MeterConfig.Security.HLS_GMAC);
    assertThat(m.keys().gak()[0]).isEqualTo((byte) 0xD0);
    assertThat(m.keyFile()).contains(dir.resolve("keys/SIM-00001.keys"));
    assertThat(m.profiles()).containsExactly(ObisCode.LOAD_PROFILE_1);
    assertThat(m.group()).isEqualTo("sim");
    assertThat(m.timeout()).isEqualTo(Duration.ofSeconds(5));
    MeterConfig second = f.meters().get(1);
    assertThat(second.framing()).isEqualTo(MeterConfig.Framing.HDLC);
    assertThat(second.timeout()).isEqualTo(Duration.ofMillis(2500));
    assertThat(second.retries()).isZero();
    assertThat(m.toString()).doesNotContain("000102");
  }

  @Test
  void readsTheFieldStyleDlmsConfigWithTheSeedsDottedObis() throws IOException {
    FleetConfig f = read(GOOD_FIELD);

    MeterConfig m = f.meters().get(0);
    assertThat(m.id()).isEqualTo(MeterId.of("KFM-0001"));
    assertThat(m.host()).isEqualTo("10.20.0.15");
    assertThat(m.timeout()).isEqualTo(Duration.ofMillis(7500));
    assertThat(m.retries()).isEqualTo(3);
    assertThat(m.profiles()).containsExactly(ObisCode.LOAD_PROFILE_1);
    assertThat(m.channels()).containsExactly(new ObisCode(1, 1, 1, 8, 0, 255));
    assertThat(m.wantsChannel(ObisCode.ACTIVE_ENERGY_IMPORT)).isTrue();
    assertThat(m.wantsChannel(ObisCode.ACTIVE_ENERGY_EXPORT)).isFalse();
    assertThat(m.group()).isEqualTo("north");
  }

  @Test
  void rejectsAnUnknownKeyNamingFileLineAndField() throws IOException {
    Path f = write(GOOD_FLEET.replace("    group: sim", "    gruop: sim"));
    assertThatThrownBy(() -> FleetFiles.read(f, FleetDefaults.STANDARD))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(f + ":14: meters[0].gruop: unknown key (known: ");
  }

  @Test
  void rejectsAWrongTypeNamingFileLineAndField() throws IOException {
    Path f = write(GOOD_FLEET.replace("port: 4059", "port: fourty"));
    assertThatThrownBy(() -> FleetFiles.read(f, FleetDefaults.STANDARD))
        .hasMessageStartingWith(f + ":5: meters[0].port: ");
  }

  @Test
  void rejectsANumberWrittenAsAString() throws IOException {
    Path f = write(GOOD_FLEET.replace("port: 4059", "port: \"4059\""));
    assertThatThrownBy(() -> FleetFiles.read(f, FleetDefaults.STANDARD))
        .hasMessageStartingWith(f + ":5: meters[0].port: ");
  }

  @Test
  void rejectsAnImpossiblePort() throws IOException {
    Path f = write(GOOD_FLEET.replace("port: 4059", "port: 70000"));
    assertThatThrownBy(() -> FleetFiles.read(f, FleetDefaults.STANDARD))
        .hasMessage(f + ":5: meters[0].port: must be between 1 and 65535, got 70000");
  }

  @Test
  void rejectsAnHdlcClientAddressAboveSevenBits() throws IOException {
    Path f = write(GOOD_FLEET.replace("framing: hdlc", "framing: hdlc\n    client_address: 200"));
    assertThatThrownBy(() -> FleetFiles.read(f, FleetDefaults.STANDARD))
        .hasMessage(f + ":19: meters[1].client_address: must be between 1 and 127, got 200");
  }

  @Test
  void rejectsAnUnknownSecurityNamingTheChoices() throws IOException {
    Path f = write(GOOD_FLEET.replace("security: none", "security: hls-sha256"));
    assertThatThrownBy(() -> FleetFiles.read(f, FleetDefaults.STANDARD))
        .hasMessage(f + ":19: meters[1].security: 'hls-sha256' is not one of none, lls, hls-gmac");
  }

  @Test
  void rejectsAMalformedObisCode() throws IOException {
    Path f = write(GOOD_FIELD.replace("OBIS: [1.1.1.8.0.255]", "OBIS: [1.1.1.8.0.256]"));
    assertThatThrownBy(() -> FleetFiles.read(f, FleetDefaults.STANDARD))
        .hasMessageStartingWith(f + ":14: METERS[0].OBIS[0]: not an OBIS code: '1.1.1.8.0.256'");
  }

  @Test
  void rejectsADuplicateMeterId() throws IOException {
    Path f = write(GOOD_FLEET.replace("id: SIM-00002", "id: SIM-00001"));
    assertThatThrownBy(() -> FleetFiles.read(f, FleetDefaults.STANDARD))
        .hasMessage(f + ":16: meters[1].id: meter id SIM-00001 appears twice");
  }

  @Test
  void rejectsHlsGmacWithoutAClientSystemTitle() throws IOException {
    Path f = write(GOOD_FLEET.replace("client_system_title: 4C4C4E0000000001\n", ""));
    assertThatThrownBy(() -> FleetFiles.read(f, FleetDefaults.STANDARD))
        .hasMessageContaining(
            "client_system_title: is required because meter SIM-00001 uses hls-gmac");
  }

  @Test
  void rejectsAnIntervalThatDoesNotDivideADay() throws IOException {
    Path f = write(GOOD_FLEET.replace("interval_minutes: 15", "interval_minutes: 7"));
    assertThatThrownBy(() -> FleetFiles.read(f, FleetDefaults.STANDARD))
        .hasMessage(f + ":15: meters[0].interval_minutes: must divide a day (1440 minutes), got 7");
  }

  @Test
  void rejectsANegativeTimeoutVal() throws IOException {
    Path f = write(GOOD_FIELD.replace("TIMEOUT_VAL: 7.5", "TIMEOUT_VAL: -1"));
    assertThatThrownBy(() -> FleetFiles.read(f, FleetDefaults.STANDARD))
        .hasMessage(f + ":1: TIMEOUT_VAL: must be more than 0 and at most 600 seconds, got -1.0");
  }

  @Test
  void rejectsInvalidYamlWithItsLine() throws IOException {
    Path f = write("meters:\n  - id: a\n    host: b: c\n");
    assertThatThrownBy(() -> FleetFiles.read(f, FleetDefaults.STANDARD))
        .hasMessageStartingWith(f + ":3: not valid YAML (mapping values are not allowed here");
  }

  @Test
  void refusesAKeyFileOthersCanRead() throws IOException {
    Path key = dir.resolve("keys/SIM-00001.keys");
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
    Path f = write(GOOD_FLEET);
    assertThatThrownBy(() -> FleetFiles.read(f, FleetDefaults.STANDARD))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            f
                + ":12: meters[0].key_file: key file "
                + key
                + ": permissions 0644 (rw-r--r--) are too open; it must be 0600 (chmod 600 "
                + key
                + ")");
  }

  @Test
  void refusesAKeyFileOwnedByAnotherUser() throws Exception {
    assumeTrue(System.getProperty("user.name").equals("root"), "needs root to chown");
    Path key = dir.resolve("keys/SIM-00001.keys");
    var nobody =
        key.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
    Files.setOwner(key, nobody);
    assertThatThrownBy(() -> KeyFiles.read(key))
        .hasMessage(
            "key file "
                + key
                + ": owned by nobody, but the collector runs as root; it must be owned by the"
                + " running user (chown root "
                + key
                + ")");
  }

  @Test
  void rejectsAKeyOfTheWrongLengthWithoutShowingIt() throws IOException {
    Path key = writeKey("short.keys", "GUEK=0001020304\n", "rw-------");
    assertThatThrownBy(() -> KeyFiles.read(key))
        .hasMessage("key file " + key + ":1: GUEK must be 16 octets for security suite 0, got 5")
        .message()
        .doesNotContain("0001020304");
  }

  @Test
  void rejectsAnUnknownNameInAKeyFile() throws IOException {
    Path key = writeKey("odd.keys", "# comment\n\nAK=00\n", "rw-------");
    assertThatThrownBy(() -> KeyFiles.read(key))
        .hasMessage("key file " + key + ":3: unknown name 'AK' (known: GAK, GUEK, PASSWORD)");
  }

  @Test
  void readsAnLlsPassword() throws IOException {
    Path key = writeKey("lls.keys", "PASSWORD=12345678\n", "r--------");
    MeterKeys k = KeyFiles.read(key);
    assertThat(new String(k.password(), java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo("12345678");
    assertThat(k.toString()).doesNotContain("1234");
  }
}
