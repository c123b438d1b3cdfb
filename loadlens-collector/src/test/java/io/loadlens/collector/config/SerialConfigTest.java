package io.loadlens.collector.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Meters on a serial line in both file formats: {@code serial}/{@code serial_baud}. */
class SerialConfigTest {
  static final String FLEET =
      """
      meters:
        - id: RS485-01
          serial: /dev/ttyUSB0
          serial_baud: 19200
          framing: hdlc
          client_address: 16
          server_physical_address: 17
        - id: RS485-02
          serial: /dev/ttyUSB0
          framing: hdlc
          client_address: 16
          server_physical_address: 18
      """;

  static final String FIELD =
      """
      METERS:
        - METER_ID: OPT-01
          SERIAL: /dev/ttyAMA0
          SERIAL_BAUD: 9600
          FRAMING: HDLC
          CLIENT_ADDRESS: 16
          SERVER_ADDRESS: 1
      """;

  @TempDir Path dir;

  Path write(String text) throws IOException {
    Path p = dir.resolve(text.contains("METERS:") ? "dlms_config.yaml" : "fleet.yaml");
    Files.writeString(p, text);
    return p;
  }

  @Test
  void readsSerialMetersOfTheFleetFileWithTheDefaultRate() throws IOException {
    FleetConfig f = FleetFiles.read(write(FLEET), FleetDefaults.STANDARD);
    MeterConfig one = f.meters().get(0);
    assertThat(one.serial()).contains(new SerialAccess(Path.of("/dev/ttyUSB0"), 19200));
    assertThat(one.host()).isEmpty();
    assertThat(one.framing()).isEqualTo(MeterConfig.Framing.HDLC);
    assertThat(one.address()).isEqualTo("serial:/dev/ttyUSB0@19200");
    assertThat(f.meters().get(1).serial().orElseThrow().baudRate()).isEqualTo(9600);
  }

  @Test
  void readsSerialMetersOfTheFieldFormat() throws IOException {
    FleetConfig f = FleetFiles.read(write(FIELD), FleetDefaults.STANDARD);
    assertThat(f.meters().get(0).serial())
        .contains(new SerialAccess(Path.of("/dev/ttyAMA0"), 9600));
  }

  @Test
  void readsModeEForAnOpticalProbeAndLimitsItsRateTo19200() throws IOException {
    FleetConfig f =
        FleetFiles.read(
            write(FIELD.replace("SERIAL_BAUD: 9600", "SERIAL_BAUD: 9600\n    SERIAL_MODE_E: true")),
            FleetDefaults.STANDARD);
    assertThat(f.meters().get(0).serial())
        .contains(new SerialAccess(Path.of("/dev/ttyAMA0"), 9600, true));
    Path tooFast =
        write(FLEET.replace("serial_baud: 19200", "serial_baud: 38400\n    serial_mode_e: true"));
    assertThatThrownBy(() -> FleetFiles.read(tooFast, FleetDefaults.STANDARD))
        .hasMessageEndingWith(
            "meters[0].serial_baud: must be at most 19200 with mode E (IEC 62056-21), got 38400");
  }

  @Test
  void rejectsTheWrapperOnASerialLine() throws IOException {
    Path f = write(FIELD.replace("FRAMING: HDLC", "FRAMING: WRAPPER"));
    assertThatThrownBy(() -> FleetFiles.read(f, FleetDefaults.STANDARD))
        .hasMessage(
            f + ":5: METERS[0].FRAMING: must be hdlc for a meter on a serial line, got WRAPPER");
  }

  @Test
  void rejectsAHostAndASerialDeviceTogether() throws IOException {
    Path f =
        write(
            FLEET.replace(
                "serial: /dev/ttyUSB0\n    serial_baud",
                "host: 10.0.0.1\n    serial: /dev/ttyUSB0\n    serial_baud"));
    assertThatThrownBy(() -> FleetFiles.read(f, FleetDefaults.STANDARD))
        .hasMessageEndingWith("meters[0].serial: give either 'host' or 'serial', not both");
  }

  @Test
  void rejectsAPortForASerialMeter() throws IOException {
    Path f = write(FIELD.replace("SERIAL_BAUD: 9600", "SERIAL_BAUD: 9600\n    PORT: 4059"));
    assertThatThrownBy(() -> FleetFiles.read(f, FleetDefaults.STANDARD))
        .hasMessageEndingWith("METERS[0].PORT: is not used for a meter on a serial line");
  }

  @Test
  void rejectsAnImpossibleRateNamingIt() throws IOException {
    Path f = write(FLEET.replace("serial_baud: 19200", "serial_baud: 14400"));
    assertThatThrownBy(() -> FleetFiles.read(f, FleetDefaults.STANDARD))
        .hasMessageEndingWith(
            "meters[0].serial_baud: must be one of 300, 600, 1200, 2400, 4800, 9600, 19200, 38400,"
                + " 57600, 115200, got 14400");
  }

  @Test
  void rejectsARateWithoutADevice() throws IOException {
    Path f =
        write(
            FLEET.replace(
                "serial: /dev/ttyUSB0\n    serial_baud: 19200",
                "host: 10.0.0.1\n    serial_baud: 19200"));
    assertThatThrownBy(() -> FleetFiles.read(f, FleetDefaults.STANDARD))
        .hasMessageEndingWith("meters[0].serial_baud: needs 'serial'");
  }

  @Test
  void asksForAHostOrASerialDeviceWhenNeitherIsGiven() throws IOException {
    Path f = write(FLEET.replace("    serial: /dev/ttyUSB0\n    serial_baud: 19200\n", ""));
    assertThatThrownBy(() -> FleetFiles.read(f, FleetDefaults.STANDARD))
        .hasMessageEndingWith("meters[0]: missing required key 'host' (or 'serial')");
  }
}
