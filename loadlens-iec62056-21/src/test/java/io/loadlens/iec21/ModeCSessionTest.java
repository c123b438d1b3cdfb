package io.loadlens.iec21;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loadlens.iec21.serial.SerialSettings;
import io.loadlens.iec21.serial.StreamSerialLine;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The blocking session over piped streams, a fake meter on its own thread at the other end. */
@Timeout(30)
class ModeCSessionTest {
  private static final ModeCSession.Timing FAST =
      new ModeCSession.Timing(Duration.ofMillis(2000), Duration.ofMillis(2000), Duration.ZERO);

  /**
   * Connects a session to a meter thread; the meter writes its answers {@code chunk} bytes at a
   * time.
   */
  private static ModeCReadout readFrom(
      FakeModeCMeter meter, int chunk, ModeCSession.Timing timing, List<Integer> bauds)
      throws Exception {
    PipedOutputStream clientOut = new PipedOutputStream();
    PipedInputStream meterIn = new PipedInputStream(clientOut, 4096);
    PipedOutputStream meterOut = new PipedOutputStream();
    PipedInputStream clientIn = new PipedInputStream(meterOut, 65536);
    Thread meterThread =
        Thread.ofPlatform()
            .daemon()
            .start(
                () -> {
                  byte[] buf = new byte[64];
                  try {
                    int n;
                    while ((n = meterIn.read(buf)) > 0) {
                      byte[] answer = meter.receive(java.util.Arrays.copyOf(buf, n));
                      for (int at = 0; at < answer.length; at += chunk) {
                        meterOut.write(answer, at, Math.min(chunk, answer.length - at));
                        meterOut.flush();
                      }
                    }
                  } catch (IOException e) {
                    // the client closed its end: the exchange is over
                  }
                });
    try {
      StreamSerialLine line =
          new StreamSerialLine(
              "pipe",
              clientIn,
              clientOut,
              settings -> bauds.add(settings.baudRate()),
              SerialSettings.sevenEvenOne(300),
              Duration.ofMillis(1));
      return new ModeCSession(line, timing).read(ModeCClient.Options.defaults());
    } finally {
      clientOut.close();
      meterThread.join(5000);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {4096, 1})
  void readsAMeterOverStreamsWrittenWholeOrByteByByte(int chunk) throws Exception {
    List<Integer> bauds = new CopyOnWriteArrayList<>();
    ModeCReadout r =
        readFrom(ModeCClientTest.logarex(FakeModeCMeter.Fault.NONE), chunk, FAST, bauds);
    assertThat(r.dataSets()).hasSize(5);
    assertThat(r.dataSets().get(2).first().number("2.8.0")).isEqualTo(219.4882);
    assertThat(bauds).containsExactly(300, 9600);
  }

  @Test
  void timesOutOnASilentMeterNamingTheAwaitedIdentification() {
    ModeCSession.Timing quick =
        new ModeCSession.Timing(Duration.ofMillis(100), Duration.ofMillis(100), Duration.ZERO);
    assertThatThrownBy(
            () ->
                readFrom(
                    ModeCClientTest.logarex(FakeModeCMeter.Fault.SILENT),
                    1,
                    quick,
                    new CopyOnWriteArrayList<>()))
        .isInstanceOf(Iec21Exception.class)
        .hasMessage(
            "IEC 62056-21 mode C: no identification (/XXXZ...) within 100 ms of the sign-on (pipe)");
  }

  @Test
  void timesOutWhenTheDataMessageNeverComes() {
    ModeCSession.Timing quick =
        new ModeCSession.Timing(Duration.ofMillis(100), Duration.ofMillis(100), Duration.ZERO);
    assertThatThrownBy(
            () ->
                readFrom(
                    ModeCClientTest.logarex(FakeModeCMeter.Fault.SILENT_AFTER_IDENTIFICATION),
                    1,
                    quick,
                    new CopyOnWriteArrayList<>()))
        .hasMessage(
            "IEC 62056-21 mode C: no data message (STX) within 100 ms of the identification (pipe)");
  }
}
