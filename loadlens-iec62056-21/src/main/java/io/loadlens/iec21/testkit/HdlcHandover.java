package io.loadlens.iec21.testkit;

import io.loadlens.iec21.serial.SerialLine;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * What a {@link SimulatedModeCMeter} does after a mode E option select ({@code ACK 2 Z 2}): it
 * hands its line, now at the selected rate with 8N1, to an HDLC server, and takes it back when the
 * server returns (as a meter returns to IEC 62056-21 mode after its inactivity time-out).
 */
@FunctionalInterface
public interface HdlcHandover {
  /** Serves HDLC on {@code line}; returns when the HDLC session is over. */
  void serve(SerialLine line) throws IOException;

  /**
   * Carries the line's bytes to an HDLC-over-TCP server (e.g. a simulated DLMS meter with HDLC
   * framing) and back, over a new connection each time, until the line has been silent for {@code
   * idle}.
   */
  static HdlcHandover toTcp(String host, int port, Duration idle) {
    return line -> {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress(host, port), 5000);
        s.setTcpNoDelay(true);
        s.setSoTimeout(5);
        InputStream in = s.getInputStream();
        OutputStream out = s.getOutputStream();
        byte[] buf = new byte[2048];
        long quietSince = System.nanoTime();
        while (System.nanoTime() - quietSince < idle.toNanos()) {
          int n = line.read(buf, 0, buf.length, Duration.ofMillis(5));
          if (n < 0) {
            return;
          }
          if (n > 0) {
            out.write(buf, 0, n);
            out.flush();
            quietSince = System.nanoTime();
          }
          try {
            int m = in.read(buf);
            if (m < 0) {
              return;
            }
            line.write(java.util.Arrays.copyOf(buf, m));
          } catch (SocketTimeoutException e) {
            // nothing from the server just now
          }
        }
      }
    };
  }
}
