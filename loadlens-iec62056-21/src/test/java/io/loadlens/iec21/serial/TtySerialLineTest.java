package io.loadlens.iec21.serial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.loadlens.iec21.testkit.Socat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A terminal device set with stty, over a real pseudo-terminal pair made by socat. */
@Timeout(60)
class TtySerialLineTest {
  private Socat socat;

  @BeforeEach
  void startSocat() throws IOException {
    assumeTrue(Socat.available(), "socat is not installed: no pseudo-terminal pair to test on");
    socat = Socat.ptyPair();
  }

  @AfterEach
  void stopSocat() {
    if (socat != null) {
      socat.close();
    }
  }

  /** The speed stty reports for a device. */
  static int speedOf(Path device) throws Exception {
    Process p = new ProcessBuilder("stty", "-F", device.toString(), "speed").start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
    assertThat(p.waitFor()).isZero();
    return Integer.parseInt(out);
  }

  /** Reads until {@code n} bytes arrived or a read times out. */
  static byte[] readBytes(SerialLine line, int n) throws IOException {
    byte[] buf = new byte[n];
    int at = 0;
    while (at < n) {
      int r = line.read(buf, at, n - at, Duration.ofSeconds(2));
      if (r <= 0) {
        break;
      }
      at += r;
    }
    return Arrays.copyOf(buf, at);
  }

  @Test
  void carriesBytesBothWaysBetweenThePseudoTerminals() throws Exception {
    try (TtySerialLine a = TtySerialLine.open(socat.first(), SerialSettings.eightNoneOne(9600));
        TtySerialLine b = TtySerialLine.open(socat.second(), SerialSettings.eightNoneOne(9600))) {
      byte[] all = new byte[256];
      for (int i = 0; i < all.length; i++) {
        all[i] = (byte) i;
      }
      a.write(all);
      assertThat(readBytes(b, 256)).isEqualTo(all);
      b.write("pong".getBytes(StandardCharsets.US_ASCII));
      assertThat(new String(readBytes(a, 4), StandardCharsets.US_ASCII)).isEqualTo("pong");
    }
  }

  @Test
  void returnsZeroWhenNothingArrivesWithinTheTimeout() throws Exception {
    try (TtySerialLine a = TtySerialLine.open(socat.first(), SerialSettings.eightNoneOne(9600))) {
      long start = System.nanoTime();
      assertThat(a.read(new byte[16], 0, 16, Duration.ofMillis(200))).isZero();
      assertThat(Duration.ofNanos(System.nanoTime() - start))
          .isGreaterThanOrEqualTo(Duration.ofMillis(200));
    }
  }

  @Test
  void setsTheDevicesSpeedAndChangesItOnRequest() throws Exception {
    try (TtySerialLine a = TtySerialLine.open(socat.first(), SerialSettings.sevenEvenOne(300))) {
      assertThat(a.pseudoTerminal()).isTrue();
      assertThat(speedOf(socat.first())).isEqualTo(300);
      a.setBaudRate(9600);
      assertThat(speedOf(socat.first())).isEqualTo(9600);
      assertThat(a.settings()).isEqualTo(SerialSettings.sevenEvenOne(9600));
    }
  }

  @Test
  void dropsBytesReceivedBeforeDiscardInput() throws Exception {
    try (TtySerialLine a = TtySerialLine.open(socat.first(), SerialSettings.eightNoneOne(9600));
        TtySerialLine b = TtySerialLine.open(socat.second(), SerialSettings.eightNoneOne(9600))) {
      a.write("stale".getBytes(StandardCharsets.US_ASCII));
      Thread.sleep(200);
      b.discardInput();
      a.write("fresh".getBytes(StandardCharsets.US_ASCII));
      assertThat(new String(readBytes(b, 5), StandardCharsets.US_ASCII)).isEqualTo("fresh");
    }
  }

  @Test
  void refusesAMissingDeviceNamingIt() {
    assertThatThrownBy(
            () -> TtySerialLine.open(Path.of("/dev/ttyNOPE9"), SerialSettings.eightNoneOne(9600)))
        .isInstanceOf(IOException.class)
        .hasMessage("serial device /dev/ttyNOPE9 does not exist");
  }

  @Test
  void refusesADeviceThatIsNotATerminalNamingItAndTheSettings() {
    assertThatThrownBy(
            () -> TtySerialLine.open(Path.of("/dev/null"), SerialSettings.eightNoneOne(9600)))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("serial device /dev/null: stty could not set 9600 Bd: ");
  }

  @Test
  void spellsTheStandardFramingsForStty() {
    Path dev = Path.of("/dev/ttyUSB0");
    assertThat(TtySerialLine.framingCommand(dev, SerialSettings.sevenEvenOne(300)))
        .containsExactly("stty", "-F", "/dev/ttyUSB0", "cs7", "parenb", "-parodd", "-cstopb");
    assertThat(TtySerialLine.framingCommand(dev, SerialSettings.eightNoneOne(9600)))
        .containsExactly("stty", "-F", "/dev/ttyUSB0", "cs8", "-parenb", "-cstopb");
    assertThat(TtySerialLine.speedCommand(dev, 9600))
        .startsWith("stty", "-F", "/dev/ttyUSB0", "9600", "raw", "-echo")
        .contains("clocal", "-crtscts");
  }

  @Test
  void rejectsImpossibleSettingsNamingTheValue() {
    assertThatThrownBy(() -> SerialSettings.sevenEvenOne(14400))
        .hasMessage("serial baud rate 14400 is not a standard rate (300, 1200, ... 115200, ...)");
    assertThatThrownBy(() -> new SerialSettings(9600, 9, SerialSettings.Parity.NONE, 1))
        .hasMessage("serial data bits must be 5..8, got 9");
    assertThat(SerialSettings.sevenEvenOne(300)).hasToString("300 7E1");
  }
}
