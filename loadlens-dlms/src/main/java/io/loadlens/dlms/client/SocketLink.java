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

/** A blocking TCP socket with the DLMS exception mapping. */
final class SocketLink implements AutoCloseable {
  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private final String peer;
  private final Duration timeout;

  private SocketLink(Socket socket, String peer, Duration timeout) throws IOException {
    this.socket = socket;
    this.in = socket.getInputStream();
    this.out = socket.getOutputStream();
    this.peer = peer;
    this.timeout = timeout;
  }

  static SocketLink connect(String host, int port, Duration timeout) {
    String peer = host + ":" + port;
    Socket s = new Socket();
    try {
      s.setTcpNoDelay(true);
      s.connect(
          new InetSocketAddress(host, port), (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
      s.setSoTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
      return new SocketLink(s, peer, timeout);
    } catch (SocketTimeoutException e) {
      closeQuietly(s);
      throw new DlmsTimeoutException("connect to " + peer + ": no answer within " + timeout, e);
    } catch (IOException e) {
      closeQuietly(s);
      throw DlmsConnectionException.failed("connect to " + peer + ": " + e.getMessage(), e);
    }
  }

  void write(byte[] b) {
    if (b.length == 0) {
      return;
    }
    try {
      out.write(b);
      out.flush();
    } catch (IOException e) {
      throw DlmsConnectionException.lost("send to " + peer + ": " + e.getMessage(), e);
    }
  }

  /** Reads at least one byte into {@code buf}; returns the count. */
  int read(byte[] buf) {
    try {
      int n = in.read(buf);
      if (n < 0) {
        throw DlmsConnectionException.lost(
            "receive from " + peer + ": connection closed by peer", null);
      }
      return n;
    } catch (SocketTimeoutException e) {
      throw new DlmsTimeoutException("receive from " + peer + ": no answer within " + timeout, e);
    } catch (IOException e) {
      throw DlmsConnectionException.lost("receive from " + peer + ": " + e.getMessage(), e);
    }
  }

  String peer() {
    return peer;
  }

  @Override
  public void close() {
    closeQuietly(socket);
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException ignored) {
      // closing a dead socket: nothing left to do
    }
  }
}
