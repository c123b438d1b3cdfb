package io.loadlens.iec21.serial;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * A serial device on Linux ({@code /dev/ttyUSB0}, {@code /dev/ttyAMA0}, a pseudo-terminal), set up
 * with {@code stty} and then read and written as a file: no native library. Reads poll the device's
 * input queue ({@code FIONREAD}, every 2 ms by default), so a silent line ends in a timeout and the
 * thread is never stuck in a read.
 *
 * <p>The line is set in two steps: speed and raw mode ({@code stty -F DEV BAUD raw -echo -crtscts
 * clocal ...}), then the character framing ({@code cs7 parenb -parodd -cstopb} for 7E1). GNU stty
 * sets the terminal with {@code TCSADRAIN}, so bytes written before a change leave at the old
 * speed. A Linux pseudo-terminal carries bytes, not characters: it keeps {@code cs8 -parenb}
 * whatever is asked, so on a pseudo-terminal (a path under {@code /dev/pts}) a refused framing is
 * accepted and the speed alone is set; on any other device it is an error.
 */
public final class TtySerialLine implements SerialLine {
  private static final Duration STTY_LIMIT = Duration.ofSeconds(5);

  private final Path device;
  private final boolean pseudoTerminal;
  private final FileInputStream in;
  private final FileOutputStream out;
  private final Duration poll;
  private SerialSettings settings;

  private TtySerialLine(Path device, boolean pty, SerialSettings settings, Duration poll)
      throws IOException {
    this.device = device;
    this.pseudoTerminal = pty;
    this.settings = settings;
    this.poll = poll;
    this.in = new FileInputStream(device.toFile());
    try {
      this.out = new FileOutputStream(device.toFile());
    } catch (IOException e) {
      StreamSerialLine.closeQuietly(in);
      throw e;
    }
  }

  /**
   * Sets the device to {@code settings} and opens it.
   *
   * @throws IOException naming the device when it is missing, refuses the settings or cannot be
   *     opened
   */
  public static TtySerialLine open(Path device, SerialSettings settings) throws IOException {
    return open(device, settings, StreamSerialLine.DEFAULT_POLL);
  }

  /** As {@link #open(Path, SerialSettings)}, polling an idle input every {@code poll}. */
  public static TtySerialLine open(Path device, SerialSettings settings, Duration poll)
      throws IOException {
    Objects.requireNonNull(settings, "settings");
    if (!Files.exists(device)) {
      throw new IOException("serial device " + device + " does not exist");
    }
    boolean pty = isPseudoTerminal(device);
    // Configure first: with clocal set, opening does not wait for the modem's carrier.
    apply(device, pty, settings);
    try {
      return new TtySerialLine(device, pty, settings, poll);
    } catch (IOException e) {
      throw new IOException("serial device " + device + ": " + e.getMessage(), e);
    }
  }

  /** Whether the device is a pseudo-terminal (its real path lies under {@code /dev/pts}). */
  static boolean isPseudoTerminal(Path device) {
    try {
      return device.toRealPath().startsWith("/dev/pts/");
    } catch (IOException e) {
      return false;
    }
  }

  /** The stty arguments for speed and raw mode. */
  static List<String> speedCommand(Path device, int baudRate) {
    return List.of(
        "stty",
        "-F",
        device.toString(),
        Integer.toString(baudRate),
        "raw",
        "-echo",
        "-crtscts",
        "clocal",
        "-hupcl",
        "-ixon",
        "-ixoff");
  }

  /** The stty arguments for the character framing, e.g. {@code cs7 parenb -parodd -cstopb}. */
  static List<String> framingCommand(Path device, SerialSettings s) {
    List<String> c = new ArrayList<>(List.of("stty", "-F", device.toString()));
    c.add("cs" + s.dataBits());
    switch (s.parity()) {
      case NONE -> c.add("-parenb");
      case EVEN -> c.addAll(List.of("parenb", "-parodd"));
      case ODD -> c.addAll(List.of("parenb", "parodd"));
    }
    c.add(s.stopBits() == 2 ? "cstopb" : "-cstopb");
    return c;
  }

  private static void apply(Path device, boolean pty, SerialSettings s) throws IOException {
    String speed = run(speedCommand(device, s.baudRate()));
    if (speed != null) {
      throw new IOException(
          "serial device " + device + ": stty could not set " + s.baudRate() + " Bd: " + speed);
    }
    String framing = run(framingCommand(device, s));
    if (framing != null && !pty) {
      throw new IOException(
          "serial device " + device + ": stty could not set " + s + ": " + framing);
    }
  }

  /** Runs stty; null when it succeeded, else its output. */
  private static String run(List<String> command) throws IOException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      if (!p.waitFor(STTY_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        return "did not finish within " + STTY_LIMIT.toSeconds() + " s";
      }
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while running " + command);
    }
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    return p.exitValue() == 0 ? null : output.isEmpty() ? "exit " + p.exitValue() : output;
  }

  @Override
  public String name() {
    return device.toString();
  }

  /** Whether the device is a pseudo-terminal (framing requests are not applied). */
  public boolean pseudoTerminal() {
    return pseudoTerminal;
  }

  @Override
  public SerialSettings settings() {
    return settings;
  }

  @Override
  public void configure(SerialSettings next) throws IOException {
    out.flush();
    apply(device, pseudoTerminal, Objects.requireNonNull(next, "settings"));
    settings = next;
  }

  @Override
  public void write(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  @Override
  public int read(byte[] buffer, int offset, int length, Duration timeout) throws IOException {
    return StreamSerialLine.pollRead(in, buffer, offset, length, timeout, poll);
  }

  @Override
  public void discardInput() throws IOException {
    StreamSerialLine.drop(in);
  }

  @Override
  public void close() {
    StreamSerialLine.closeQuietly(in);
    StreamSerialLine.closeQuietly(out);
  }

  @Override
  public String toString() {
    return "TtySerialLine[" + device + " " + settings + "]";
  }
}
