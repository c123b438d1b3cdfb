package io.loadlens.dlms.client;

import io.loadlens.dlms.DlmsFramingException;
import io.loadlens.dlms.wrapper.WrapperDecoder;
import io.loadlens.dlms.wrapper.WrapperFrame;
import java.util.ArrayDeque;
import java.util.Deque;

/** APDUs in TCP wrapper frames (IEC 62056-47) over a {@link ByteLink}. */
final class WrapperTransport implements ClientTransport {
  private final LinkChannel link;
  private final int client;
  private final int server;
  private final WrapperDecoder decoder = new WrapperDecoder();
  private final Deque<WrapperFrame> pending = new ArrayDeque<>();
  private final byte[] buf = new byte[8192];

  WrapperTransport(LinkChannel link, int client, int server) {
    this.link = link;
    this.client = client;
    this.server = server;
  }

  @Override
  public void send(byte[] apdu) {
    link.write(new WrapperFrame(client, server, apdu).encode());
  }

  @Override
  public byte[] receive() {
    while (pending.isEmpty()) {
      int n = link.read(buf);
      pending.addAll(decoder.feed(buf, 0, n));
    }
    WrapperFrame f = pending.poll();
    if (f.source() != server || f.destination() != client) {
      throw new DlmsFramingException(
          "wrapper from "
              + link.peer()
              + ": wPorts "
              + f.source()
              + "->"
              + f.destination()
              + " != expected "
              + server
              + "->"
              + client);
    }
    return f.apdu();
  }

  @Override
  public void close() {
    link.close();
  }
}
