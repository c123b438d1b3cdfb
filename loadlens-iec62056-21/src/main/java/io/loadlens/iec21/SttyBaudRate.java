package io.loadlens.iec21;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Sets a serial device's line to {@code <baud> 7E1 raw} with {@code stty}, so the device can then
 * be read and written as a file (Linux). IEC 62056-21 uses 7 data bits, even parity, 1 stop bit
 * (clause 6.3.1).
 */
public final class SttyBaudRate implements ModeCSession.BaudRateControl {
  private final Path device;

  public SttyBaudRate(Path device) {
    this.device = device;
  }

  /** The command that sets the line, e.g. {@code stty -F /dev/ttyUSB0 9600 cs7 parenb ...}. */
  public List<String> command(int baudRate) {
    return List.of(
        "stty",
        "-F",
        device.toString(),
        Integer.toString(baudRate),
        "cs7",
        "parenb",
        "-parodd",
        "-cstopb",
        "raw",
        "-echo",
        "-crtscts",
        "clocal");
  }

  @Override
  public void setBaudRate(int baudRate) throws IOException {
    Process p = new ProcessBuilder(command(baudRate)).redirectErrorStream(true).start();
    try {
      if (!p.waitFor(5, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException("stty on " + device + " did not finish within 5 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running stty on " + device, e);
    }
    if (p.exitValue() != 0) {
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      throw new IOException(
          "stty could not set " + device + " to " + baudRate + " Bd 7E1: " + output);
    }
  }
}
