package io.loadlens.iec21.serial;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Objects;

/**
 * A serial line behind a raw TCP serial bridge (ser2net {@code raw} or {@code telnet} without RFC
 * 2217, Moxa NPort in TCP server mode, ...): bytes pass through unchanged and the bridge's port
 * runs at the rate configured on the bridge. {@link #configure} therefore changes nothing on the
 * wire; it only records the settings, so the bridge must be set to the rate the exchange uses (for
 * an IEC 62056-21 readout: pass the bridge's rate as the highest rate, so no switch-over is asked
 * for).
 */
public final class TcpSerialLine implements SerialLine {
  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private final String name;
  private SerialSettings settings;

  private TcpSerialLine(Socket socket, String name, SerialSettings settings) throws IOException {
    this.socket = socket;
    this.in = socket.getInputStream();
    this.out = socket.getOutputStream();
    this.name = name;
    this.settings = settings;
  }

  /**
   * Connects to the bridge.
   *
   * @param settings the settings the bridge's serial port is set to (recorded, not sent)
   * @throws IOException naming the bridge when the connection fails
   */
  public static TcpSerialLine connect(
      String host, int port, Duration connectTimeout, SerialSettings settings) throws IOException {
    String name = "tcp:" + host + ":" + port;
    Socket s = new Socket();
    try {
      s.setTcpNoDelay(true);
      s.connect(
          new InetSocketAddress(host, port),
          (int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()));
      return new TcpSerialLine(s, name, Objects.requireNonNull(settings, "settings"));
    } catch (IOException e) {
      StreamSerialLine.closeQuietly(s);
      throw new IOException("serial bridge " + name + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public SerialSettings settings() {
    return settings;
  }

  @Override
  public void configure(SerialSettings next) {
    settings = Objects.requireNonNull(next, "settings");
  }

  @Override
  public void write(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  @Override
  public int read(byte[] buffer, int offset, int length, Duration timeout) throws IOException {
    if (length == 0) {
      return 0;
    }
    socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis())));
    try {
      return in.read(buffer, offset, length);
    } catch (SocketTimeoutException e) {
      return 0;
    }
  }

  @Override
  public void discardInput() throws IOException {
    StreamSerialLine.drop(in);
  }

  @Override
  public void close() {
    StreamSerialLine.closeQuietly(socket);
  }
}
