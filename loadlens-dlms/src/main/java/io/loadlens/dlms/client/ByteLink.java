package io.loadlens.dlms.client;

import java.io.IOException;
import java.time.Duration;

/**
 * A two-way byte stream to one meter that {@link DlmsClient} runs its framing (wrapper or HDLC)
 * over: a TCP socket, or anything else that carries bytes unchanged, such as a serial line to an
 * RS-485 bus or an optical probe. Reads wait at most a given time, so a silent meter ends in a
 * timeout, never in a blocked thread. Used by one thread at a time.
 *
 * <p>The client owns the link it is given: {@link DlmsClient#close()} closes it, and so does a
 * failed {@code connect}. The client maps the link's {@link IOException}s to {@link
 * io.loadlens.dlms.DlmsConnectionException} and a read that returns 0 to {@link
 * io.loadlens.dlms.DlmsTimeoutException}, naming the link by {@link #name()}.
 */
public interface ByteLink extends AutoCloseable {

  /** What the link is connected to, for messages: {@code host:port}, a device, ... */
  String name();

  /** Writes all bytes. */
  void write(byte[] bytes) throws IOException;

  /**
   * Reads what has arrived, waiting at most {@code timeout} for the first byte.
   *
   * @return the number of bytes read (1 or more), 0 when nothing arrived within the timeout, -1
   *     when the link has ended (the peer closed the connection, the device was removed)
   */
  int read(byte[] buffer, int offset, int length, Duration timeout) throws IOException;

  /** Closes the link; never throws. */
  @Override
  void close();
}
