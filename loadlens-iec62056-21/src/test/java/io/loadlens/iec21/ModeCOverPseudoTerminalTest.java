package io.loadlens.iec21;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.loadlens.iec21.serial.SerialSettings;
import io.loadlens.iec21.serial.StreamSerialLine;
import io.loadlens.iec21.serial.TcpSerialLine;
import io.loadlens.iec21.serial.TtySerialLine;
import io.loadlens.iec21.testkit.HdlcHandover;
import io.loadlens.iec21.testkit.SimulatedModeCMeter;
import io.loadlens.iec21.testkit.SimulatedModeCMeter.Fault;
import io.loadlens.iec21.testkit.SimulatedModeCMeter.Request;
import io.loadlens.iec21.testkit.Socat;
import io.loadlens.model.ObisCode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A whole mode C readout over a real pseudo-terminal pair (socat): the client on one end, the
 * simulated meter on the other, each setting its own terminal's speed with stty.
 */
@Timeout(60)
class ModeCOverPseudoTerminalTest {
  private static final ModeCSession.Timing QUICK =
      new ModeCSession.Timing(Duration.ofMillis(1500), Duration.ofMillis(1500), Duration.ZERO);

  private Socat socat;
  private TtySerialLine meterLine;
  private TtySerialLine clientLine;

  @BeforeEach
  void startSocat() throws IOException {
    assumeTrue(Socat.available(), "socat is not installed: no pseudo-terminal pair to test on");
    socat = Socat.ptyPair();
    meterLine = TtySerialLine.open(socat.first(), SerialSettings.sevenEvenOne(300));
    clientLine = TtySerialLine.open(socat.second(), SerialSettings.sevenEvenOne(300));
  }

  @AfterEach
  void stop() {
    if (socat != null) {
      clientLine.close();
      meterLine.close();
      socat.close();
    }
  }

  private static SimulatedModeCMeter.Config meter(String identification, Fault fault) {
    return new SimulatedModeCMeter.Config(
        identification, "12345678", ModeCClientTest.LOGAREX_BLOCK, fault, Duration.ofMillis(20));
  }

  private static int speedOf(Path device) throws Exception {
    Process p = new ProcessBuilder("stty", "-F", device.toString(), "speed").start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
    assertThat(p.waitFor()).isZero();
    return Integer.parseInt(out);
  }

  @Test
  void readsAModeCMeterSigningOnAt300AndSwitchingBothEndsTo9600() throws Exception {
    try (SimulatedModeCMeter sim =
        SimulatedModeCMeter.start(meterLine, meter("/LOG5LK13BE803039", Fault.NONE))) {
      ModeCReadout r =
          new ModeCSession(clientLine, QUICK).read(new ModeCClient.Options("12345678", 19200));

      assertThat(r.identification().orElseThrow().manufacturer()).isEqualTo("LOG");
      assertThat(r.dataSets()).hasSize(5);
      assertThat(r.dataSets().get(1).obis()).contains(ObisCode.ACTIVE_ENERGY_IMPORT);
      assertThat(r.dataSets().get(1).first().number("1.8.0")).isEqualTo(15882.6927);
      assertThat(sim.requests())
          .containsExactly(
              new Request("/?12345678!\r\n", 300), new Request("\u0006" + "050\r\n", 300));
      assertThat(sim.dataRates()).containsExactly(9600);
      assertThat(clientLine.settings()).isEqualTo(SerialSettings.sevenEvenOne(9600));
      assertThat(speedOf(socat.second())).isEqualTo(9600);
      assertThat(sim.errors()).isEmpty();
    }
  }

  @Test
  void selectsThePortsHighestRateWhenTheMeterOffersMore() throws Exception {
    try (SimulatedModeCMeter sim =
        SimulatedModeCMeter.start(meterLine, meter("/LOG6LK13", Fault.NONE))) {
      new ModeCSession(clientLine, QUICK).read(new ModeCClient.Options("", 2400));
      assertThat(sim.requests().get(1).text()).isEqualTo("\u0006" + "030\r\n");
      assertThat(sim.dataRates()).containsExactly(2400);
      assertThat(speedOf(socat.second())).isEqualTo(2400);
    }
  }

  @Test
  void followsAModeBMeterToItsRateWithoutAnOptionSelect() throws Exception {
    try (SimulatedModeCMeter sim =
        SimulatedModeCMeter.start(meterLine, meter("/ISKEME162", Fault.NONE))) {
      ModeCReadout r = new ModeCSession(clientLine, QUICK).read(ModeCClient.Options.defaults());
      assertThat(r.dataSets()).hasSize(5);
      assertThat(sim.requests()).extracting(Request::text).containsExactly("/?!\r\n");
      assertThat(sim.dataRates()).containsExactly(9600);
      assertThat(speedOf(socat.second())).isEqualTo(9600);
    }
  }

  @Test
  void namesTheMissingIdentificationTheWaitAndTheDeviceWhenTheMeterIsSilent() throws Exception {
    ModeCSession.Timing shortWait =
        new ModeCSession.Timing(Duration.ofMillis(300), Duration.ofMillis(300), Duration.ZERO);
    try (SimulatedModeCMeter sim =
        SimulatedModeCMeter.start(meterLine, meter("/LOG5LK13", Fault.SILENT))) {
      assertThatThrownBy(
              () -> new ModeCSession(clientLine, shortWait).read(ModeCClient.Options.defaults()))
          .isInstanceOf(Iec21TimeoutException.class)
          .hasMessage(
              "IEC 62056-21 mode C: no identification (/XXXZ...) within 300 ms of the sign-on ("
                  + socat.second()
                  + ")");
    }
  }

  @Test
  void reportsABadBccWithBothValues() throws Exception {
    try (SimulatedModeCMeter sim =
        SimulatedModeCMeter.start(meterLine, meter("/LOG5LK13", Fault.CORRUPT_BCC))) {
      assertThatThrownBy(
              () -> new ModeCSession(clientLine, QUICK).read(ModeCClient.Options.defaults()))
          .isInstanceOf(Iec21Exception.class)
          .hasMessageMatching(
              "IEC 62056-21 BCC: actual 0x[0-9A-F]{2} != expected 0x[0-9A-F]{2} \\(/dev/.*\\)");
    }
  }

  @Test
  void reportsAnUnknownBaudCharacter() throws Exception {
    try (SimulatedModeCMeter sim =
        SimulatedModeCMeter.start(meterLine, meter("/LOG8LK13", Fault.NONE))) {
      assertThatThrownBy(
              () -> new ModeCSession(clientLine, QUICK).read(ModeCClient.Options.defaults()))
          .hasMessageContaining("unknown baud character '8'");
    }
  }

  @Test
  void switchesToHdlcInModeEAndLeavesBothEndsAt8N1() throws Exception {
    java.util.concurrent.CompletableFuture<SerialSettings> meterSide =
        new java.util.concurrent.CompletableFuture<>();
    HdlcHandover echo =
        line -> {
          meterSide.complete(line.settings());
          byte[] frame = new byte[4];
          int n = line.read(frame, 0, 4, Duration.ofSeconds(5));
          line.write(java.util.Arrays.copyOf(frame, Math.max(0, n)));
        };
    try (SimulatedModeCMeter sim =
        SimulatedModeCMeter.start(meterLine, meter("/LGZ5\\2ZMD3104", Fault.NONE), echo)) {
      ModeCIdentification id =
          new ModeCSession(clientLine, QUICK).switchToHdlc(new ModeCClient.Options("", 19200), 300);
      assertThat(id.manufacturer()).isEqualTo("LGZ");
      assertThat(id.enhancedIdentification()).isEqualTo('2');
      assertThat(sim.requests().get(1).text()).isEqualTo("\u0006" + "252\r\n");
      assertThat(clientLine.settings()).isEqualTo(SerialSettings.eightNoneOne(9600));
      assertThat(meterSide.get(5, java.util.concurrent.TimeUnit.SECONDS))
          .isEqualTo(SerialSettings.eightNoneOne(9600));
      assertThat(speedOf(socat.second())).isEqualTo(9600);
      byte[] flagAndBinary = {0x7E, (byte) 0xA0, (byte) 0xFF, 0x7E};
      clientLine.write(flagAndBinary);
      byte[] back = new byte[4];
      int at = 0;
      while (at < 4) {
        int n = clientLine.read(back, at, 4 - at, Duration.ofSeconds(2));
        assertThat(n).isPositive();
        at += n;
      }
      assertThat(back).isEqualTo(flagAndBinary);
    }
  }

  @Test
  void readsTwiceInARowOnTheSameLine() throws Exception {
    try (SimulatedModeCMeter sim =
        SimulatedModeCMeter.start(meterLine, meter("/LOG5LK13", Fault.NONE))) {
      ModeCSession session = new ModeCSession(clientLine, QUICK);
      session.read(ModeCClient.Options.defaults());
      Thread.sleep(200); // the meter returns to 300 Bd after its data message
      ModeCReadout second = session.read(ModeCClient.Options.defaults());
      assertThat(second.dataSets()).hasSize(5);
      assertThat(sim.dataRates()).containsExactly(9600, 9600);
    }
  }

  @Test
  void readsThroughARawTcpSerialBridgeAtItsFixedRate() throws Exception {
    try (ServerSocket bridge = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Thread meterSide =
          Thread.ofVirtual()
              .start(
                  () -> {
                    try (Socket s = bridge.accept();
                        StreamSerialLine line =
                            new StreamSerialLine(
                                "bridge",
                                s.getInputStream(),
                                s.getOutputStream(),
                                StreamSerialLine.Control.FIXED,
                                SerialSettings.sevenEvenOne(9600),
                                Duration.ofMillis(1));
                        SimulatedModeCMeter sim =
                            SimulatedModeCMeter.start(line, meter("/LOG5LK13", Fault.NONE))) {
                      Thread.sleep(5000);
                    } catch (IOException | InterruptedException e) {
                      // the test ended
                    }
                  });
      try (TcpSerialLine line =
          TcpSerialLine.connect(
              "127.0.0.1",
              bridge.getLocalPort(),
              Duration.ofSeconds(2),
              SerialSettings.sevenEvenOne(9600))) {
        ModeCReadout r = new ModeCSession(line, QUICK).read(new ModeCClient.Options("", 9600));
        assertThat(r.dataSets()).hasSize(5);
        assertThat(line.name()).isEqualTo("tcp:127.0.0.1:" + bridge.getLocalPort());
      }
      meterSide.interrupt();
    }
  }
}
