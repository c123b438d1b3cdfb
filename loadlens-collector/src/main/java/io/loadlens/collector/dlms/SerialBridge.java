package io.loadlens.collector.dlms;

import io.loadlens.iec21.serial.SerialLine;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * Joins a serial line to a one-connection TCP port on the loopback interface, in process, as a
 * serial-to-TCP converter would: the DLMS client (which speaks HDLC over a socket) connects to
 * {@link #port()} and its bytes go to the line unchanged, the line's bytes come back. The listening
 * socket accepts exactly one connection and is closed at once after it. Two virtual threads carry
 * the bytes; {@link #close()} ends them and closes the line.
 */
final class SerialBridge implements AutoCloseable {
  /** How long one read of the line waits before checking whether the bridge was closed. */
  private static final Duration LINE_POLL = Duration.ofMillis(50);

  private final SerialLine line;
  private final ServerSocket server;
  private volatile Socket socket;
  private volatile boolean closed;
  private volatile IOException lineError;
  private Thread toLine;
  private Thread fromLine;

  private SerialBridge(SerialLine line, ServerSocket server) {
    this.line = line;
    this.server = server;
  }

  /**
   * Opens the loopback port; the first connection within {@code acceptTimeout} is joined to the
   * line.
   */
  static SerialBridge open(SerialLine line, Duration acceptTimeout) throws IOException {
    ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    server.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, acceptTimeout.toMillis())));
    SerialBridge b = new SerialBridge(line, server);
    b.toLine = Thread.ofVirtual().name("serial-bridge-accept").start(b::acceptAndCarry);
    return b;
  }

  /** The loopback address to connect to. */
  String host() {
    return server.getInetAddress().getHostAddress();
  }

  /** The loopback port to connect to. */
  int port() {
    return server.getLocalPort();
  }

  /** {@code host:port}, as the DLMS client names its peer in messages. */
  String peer() {
    return host() + ":" + port();
  }

  /** A failure of the serial line while carrying bytes, if any. */
  IOException lineError() {
    return lineError;
  }

  private void acceptAndCarry() {
    Socket s;
    try {
      s = server.accept();
    } catch (SocketTimeoutException e) {
      close();
      return;
    } catch (IOException e) {
      return; // closed before anyone connected
    } finally {
      closeQuietly(server);
    }
    socket = s;
    if (closed) {
      closeQuietly(s);
      return;
    }
    fromLine = Thread.ofVirtual().name("serial-bridge-from-line").start(() -> fromLine(s));
    toLine(s);
  }

  private void toLine(Socket s) {
    byte[] buf = new byte[2048];
    try (InputStream in = s.getInputStream()) {
      int n;
      while (!closed && (n = in.read(buf)) > 0) {
        line.write(java.util.Arrays.copyOf(buf, n));
      }
    } catch (IOException e) {
      failed(e);
    }
    closeQuietly(s); // the client went away: the other direction ends too
  }

  private void fromLine(Socket s) {
    byte[] buf = new byte[2048];
    try {
      OutputStream out = s.getOutputStream();
      while (!closed) {
        int n = line.read(buf, 0, buf.length, LINE_POLL);
        if (n < 0) {
          break;
        }
        if (n > 0) {
          out.write(buf, 0, n);
          out.flush();
        }
      }
    } catch (IOException e) {
      failed(e);
    }
    closeQuietly(s); // the line ended: the client sees the connection drop
  }

  private void failed(IOException e) {
    if (!closed && lineError == null) {
      lineError = e;
    }
  }

  /** Ends both directions, closes the port and the line; never throws. */
  @Override
  public void close() {
    closed = true;
    closeQuietly(server);
    Socket s = socket;
    if (s != null) {
      closeQuietly(s);
    }
    join(toLine);
    join(fromLine);
    line.close();
  }

  private static void join(Thread t) {
    if (t == null || t == Thread.currentThread()) {
      return;
    }
    try {
      t.join(Duration.ofSeconds(2));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception ignored) {
      // already closed
    }
  }
}
