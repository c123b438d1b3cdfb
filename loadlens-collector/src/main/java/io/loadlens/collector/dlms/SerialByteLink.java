package io.loadlens.collector.dlms;

import io.loadlens.dlms.client.ByteLink;
import io.loadlens.iec21.serial.SerialLine;
import java.io.IOException;
import java.time.Duration;

/**
 * A serial line as the DLMS client's {@link ByteLink}: the client's HDLC frames go to the line
 * unchanged and the line's bytes come back, on the reading thread, with no copy or thread between.
 * Named by the meter's address ({@code serial:/dev/ttyUSB0@9600}) in the client's messages.
 */
record SerialByteLink(SerialLine line, String name) implements ByteLink {

  @Override
  public void write(byte[] bytes) throws IOException {
    line.write(bytes);
  }

  @Override
  public int read(byte[] buffer, int offset, int length, Duration timeout) throws IOException {
    return line.read(buffer, offset, length, timeout);
  }

  @Override
  public void close() {
    line.close();
  }
}
