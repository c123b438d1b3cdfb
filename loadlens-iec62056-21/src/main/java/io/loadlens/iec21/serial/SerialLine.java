package io.loadlens.iec21.serial;

import java.io.IOException;
import java.time.Duration;

/**
 * A byte line to a meter: a serial device (optical probe, RS-485 or RS-232 adapter) or a TCP serial
 * bridge. Reads wait at most a given time, so a silent meter ends in a timeout, never in a blocked
 * thread. Used by one thread at a time.
 *
 * <p>Implementations: {@link TtySerialLine} (a Linux terminal device set up with {@code stty}),
 * {@link TcpSerialLine} (a raw TCP serial bridge such as ser2net), {@link StreamSerialLine} (any
 * pair of streams).
 */
public interface SerialLine extends AutoCloseable {

  /** What the line is connected to, for messages: a device path or {@code tcp:host:port}. */
  String name();

  /** The settings last asked for. */
  SerialSettings settings();

  /**
   * Changes speed and framing. Bytes written before are sent at the old settings first (the change
   * waits until the output has drained).
   *
   * @throws IOException when the device refuses the settings (the message names them)
   */
  void configure(SerialSettings settings) throws IOException;

  /** Changes the speed, keeping the framing. */
  default void setBaudRate(int baudRate) throws IOException {
    configure(settings().withBaudRate(baudRate));
  }

  /** Writes all bytes. */
  void write(byte[] bytes) throws IOException;

  /**
   * Reads what has arrived, waiting at most {@code timeout} for the first byte.
   *
   * @return the number of bytes read, 0 when nothing arrived within the timeout, -1 when the line
   *     has ended (the bridge closed the connection, the device was removed)
   */
  int read(byte[] buffer, int offset, int length, Duration timeout) throws IOException;

  /** Throws away bytes received but not yet read. */
  void discardInput() throws IOException;

  /** Closes the line; never throws. */
  @Override
  void close();
}
