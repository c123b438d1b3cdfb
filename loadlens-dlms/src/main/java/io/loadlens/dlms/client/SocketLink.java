package io.loadlens.dlms.client;

import io.loadlens.dlms.DlmsConnectionException;
import io.loadlens.dlms.DlmsTimeoutException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/** A blocking TCP socket as a {@link ByteLink}; the read timeout is the socket's SO_TIMEOUT. */
final class SocketLink implements ByteLink {
  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private final String peer;
  private int soTimeoutMillis;

  private SocketLink(Socket socket, String peer, int soTimeoutMillis) throws IOException {
    this.socket = socket;
    this.in = socket.getInputStream();
    this.out = socket.getOutputStream();
    this.peer = peer;
    this.soTimeoutMillis = soTimeoutMillis;
  }

  /** Connects within {@code timeout}; failures are DLMS timeout or connection exceptions. */
  static SocketLink connect(String host, int port, Duration timeout) {
    String peer = host + ":" + port;
    Socket s = new Socket();
    try {
      s.setTcpNoDelay(true);
      int millis = millis(timeout);
      s.connect(new InetSocketAddress(host, port), millis);
      s.setSoTimeout(millis);
      return new SocketLink(s, peer, millis);
    } catch (SocketTimeoutException e) {
      closeQuietly(s);
      throw new DlmsTimeoutException("connect to " + peer + ": no answer within " + timeout, e);
    } catch (IOException e) {
      closeQuietly(s);
      throw DlmsConnectionException.failed("connect to " + peer + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String name() {
    return peer;
  }

  @Override
  public void write(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  @Override
  public int read(byte[] buffer, int offset, int length, Duration timeout) throws IOException {
    int millis = millis(timeout);
    if (millis != soTimeoutMillis) {
      socket.setSoTimeout(millis);
      soTimeoutMillis = millis;
    }
    try {
      return in.read(buffer, offset, length);
    } catch (SocketTimeoutException e) {
      return 0;
    }
  }

  @Override
  public void close() {
    closeQuietly(socket);
  }

  /** A timeout in whole milliseconds for the socket API: at least 1 (0 would mean forever). */
  private static int millis(Duration timeout) {
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException ignored) {
      // closing a dead socket: nothing left to do
    }
  }
}
