package io.loadlens.dlms.client;

/**
 * Moves whole APDUs to and from one meter: the wrapper or HDLC over a blocking socket. Errors are
 * {@link io.loadlens.dlms.DlmsTimeoutException}, {@link io.loadlens.dlms.DlmsConnectionException}
 * or {@link io.loadlens.dlms.DlmsFramingException}.
 */
interface ClientTransport extends AutoCloseable {
  void send(byte[] apdu);

  byte[] receive();

  /** Ends the link layer (HDLC DISC) if any; never throws. */
  default void disconnect() {}

  @Override
  void close();
}
