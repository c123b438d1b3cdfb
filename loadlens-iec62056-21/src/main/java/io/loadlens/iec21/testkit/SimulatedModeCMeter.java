package io.loadlens.iec21.testkit;

import io.loadlens.iec21.ModeCClient;
import io.loadlens.iec21.ModeCReadout;
import io.loadlens.iec21.serial.SerialLine;
import io.loadlens.iec21.serial.SerialSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The meter's end of an IEC 62056-21 readout, on a {@link SerialLine} (one end of a {@link
 * Socat#ptyPair()}, a USB adapter looped to another): it answers a sign-on addressed to it (or to
 * any meter) with its identification, then, in mode C, waits for the option select, switches its
 * own line to the selected rate and sends the data message; in mode B it switches to the rate of
 * its baud character at once; in mode A it sends at the initial rate. Given an {@link
 * HdlcHandover}, it answers a mode E option select ({@code ACK 2 Z 2}) by switching to the selected
 * rate with 8N1 and handing the line over for HDLC. After each exchange it goes back to 300 Bd 7E1
 * and waits for the next sign-on. Faults make it misbehave on purpose. Every request is recorded
 * with the rate the meter's line had when it arrived.
 */
public final class SimulatedModeCMeter implements AutoCloseable {
  /** What goes wrong on purpose. */
  public enum Fault {
    NONE,
    /** Never answers. */
    SILENT,
    /** Answers the sign-on, never sends the data. */
    SILENT_AFTER_IDENTIFICATION,
    /** Sends the data message with a wrong block check character. */
    CORRUPT_BCC
  }

  /**
   * The meter.
   *
   * @param identification the identification line without CR LF, e.g. {@code /LOG5LK13BE803039}
   * @param address the device address it answers to besides the empty one
   * @param dataBlock the data block between STX and ETX, ending in {@code !\r\n}
   * @param fault what goes wrong
   * @param reaction how long it waits before each answer (t_r: 200 ms .. 1500 ms on a real meter)
   */
  public record Config(
      String identification, String address, String dataBlock, Fault fault, Duration reaction) {
    public Config {
      Objects.requireNonNull(identification, "identification");
      Objects.requireNonNull(address, "address");
      Objects.requireNonNull(dataBlock, "dataBlock");
      Objects.requireNonNull(fault, "fault");
      Objects.requireNonNull(reaction, "reaction");
      if (!identification.startsWith("/") || identification.length() < 5) {
        throw new IllegalArgumentException(
            "identification '" + identification + "' is not /XXXZ<identification>");
      }
    }
  }

  /** A request the meter received and the rate its line was at. */
  public record Request(String text, int baudRate) {}

  private static final Duration POLL = Duration.ofMillis(50);
  private static final int[] MODE_C_BAUD = {300, 600, 1200, 2400, 4800, 9600, 19200};
  private static final int[] MODE_B_BAUD = {600, 1200, 2400, 4800, 9600, 19200};

  private final SerialLine line;
  private final Config config;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final List<Integer> dataRates = new CopyOnWriteArrayList<>();
  private final List<String> errors = new CopyOnWriteArrayList<>();
  private final Thread thread;
  private final HdlcHandover hdlc;
  private volatile boolean running = true;

  private SimulatedModeCMeter(SerialLine line, Config config, HdlcHandover hdlc) {
    this.line = line;
    this.config = config;
    this.hdlc = hdlc;
    this.thread = Thread.ofPlatform().daemon().name("mode-c-meter").unstarted(this::serve);
  }

  /** Starts serving on {@code line} (at 300 Bd 7E1) on a thread of its own. */
  public static SimulatedModeCMeter start(SerialLine line, Config config) throws IOException {
    return start(line, config, null);
  }

  /**
   * Starts serving; a mode E option select hands the line to {@code hdlc} (null: mode E is not
   * supported and the option select is ignored).
   */
  public static SimulatedModeCMeter start(SerialLine line, Config config, HdlcHandover hdlc)
      throws IOException {
    line.configure(SerialSettings.sevenEvenOne(ModeCClient.INITIAL_BAUD_RATE));
    SimulatedModeCMeter m = new SimulatedModeCMeter(line, config, hdlc);
    m.thread.start();
    return m;
  }

  /** The data message it sends: STX, the block, ETX, BCC. */
  public static byte[] dataMessage(String dataBlock, boolean corruptBcc) {
    byte[] text = ("\u0002" + dataBlock + "\u0003").getBytes(StandardCharsets.US_ASCII);
    byte[] out = Arrays.copyOf(text, text.length + 1);
    int bcc = ModeCReadout.bcc(text, 1, text.length - 1);
    out[text.length] = (byte) (corruptBcc ? bcc ^ 0x01 : bcc);
    return out;
  }

  /** The requests received so far. */
  public List<Request> requests() {
    return List.copyOf(requests);
  }

  /** The rates its line was at when it sent each data message. */
  public List<Integer> dataRates() {
    return List.copyOf(dataRates);
  }

  /** Failures of its own line, if any. */
  public List<String> errors() {
    return List.copyOf(errors);
  }

  private void serve() {
    ByteArrayOutputStream pending = new ByteArrayOutputStream();
    byte[] buf = new byte[256];
    try {
      while (running) {
        int n = line.read(buf, 0, buf.length, POLL);
        if (n < 0) {
          return;
        }
        for (int i = 0; i < n; i++) {
          pending.write(buf[i] & 0x7F);
          if ((buf[i] & 0x7F) == '\n') {
            String request = pending.toString(StandardCharsets.US_ASCII);
            pending.reset();
            requests.add(new Request(request, line.settings().baudRate()));
            answer(request);
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      if (running) {
        errors.add(e.toString());
      }
    }
  }

  private void answer(String request) throws IOException {
    if (config.fault() == Fault.SILENT) {
      return;
    }
    int signOn = request.indexOf("/?");
    if (signOn >= 0) {
      String addressed = request.substring(signOn + 2).replace("!\r\n", "");
      if (addressed.isEmpty() || addressed.equals(config.address())) {
        identify();
      }
    } else if (request.charAt(0) == ModeCClient.ACK && request.length() >= 6) {
      char protocol = request.charAt(1);
      char z = request.charAt(2);
      if (z < '0' || z > '6' || config.fault() == Fault.SILENT_AFTER_IDENTIFICATION) {
        return;
      }
      if (protocol == '0') {
        line.setBaudRate(MODE_C_BAUD[z - '0']);
        sendData();
      } else if (protocol == '2' && request.charAt(3) == '2' && hdlc != null) {
        line.configure(SerialSettings.eightNoneOne(MODE_C_BAUD[z - '0']));
        hdlc.serve(line);
        line.configure(SerialSettings.sevenEvenOne(ModeCClient.INITIAL_BAUD_RATE));
      }
    }
  }

  private void identify() throws IOException {
    line.configure(SerialSettings.sevenEvenOne(ModeCClient.INITIAL_BAUD_RATE));
    pause(config.reaction());
    line.write((config.identification() + "\r\n").getBytes(StandardCharsets.US_ASCII));
    if (config.fault() == Fault.SILENT_AFTER_IDENTIFICATION) {
      return;
    }
    char z = config.identification().charAt(4);
    if (z >= 'A' && z <= 'F') {
      line.setBaudRate(MODE_B_BAUD[z - 'A']);
      sendData();
    } else if (!(z >= '0' && z <= '9') && !(z >= 'G' && z <= 'I')) {
      sendData(); // mode A
    }
  }

  private void sendData() throws IOException {
    pause(config.reaction());
    dataRates.add(line.settings().baudRate());
    line.write(dataMessage(config.dataBlock(), config.fault() == Fault.CORRUPT_BCC));
    line.configure(SerialSettings.sevenEvenOne(ModeCClient.INITIAL_BAUD_RATE));
  }

  private static void pause(Duration d) {
    try {
      Thread.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops serving; the line stays open (the caller owns it). */
  @Override
  public void close() {
    running = false;
    try {
      thread.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
