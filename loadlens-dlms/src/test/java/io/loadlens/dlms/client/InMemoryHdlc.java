package io.loadlens.dlms.client;

import io.loadlens.dlms.DlmsTimeoutException;
import io.loadlens.dlms.hdlc.HdlcAddress;
import io.loadlens.dlms.hdlc.HdlcClientLink;
import io.loadlens.dlms.hdlc.HdlcDecoder;
import io.loadlens.dlms.hdlc.HdlcFrame;
import io.loadlens.dlms.hdlc.HdlcParameters;
import io.loadlens.dlms.server.MeterServerEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;

/**
 * The client's HDLC link joined in memory to a server engine, frame by frame, with frames lost on
 * purpose: {@code dropToServer} and {@code dropToClient} are asked with the running index of each
 * frame in their direction and the frame. When nothing moves, the link gets a timeout, as a read
 * timeout would give it. Every frame sent is recorded (also the lost ones).
 */
final class InMemoryHdlc implements ClientTransport {
  /** Timeouts in a row before the transport reports a timeout. */
  static final int RETRIES = 3;

  final HdlcClientLink link;
  final MeterServerEngine server;
  final List<HdlcFrame> clientSent = new ArrayList<>();
  final List<HdlcFrame> serverSent = new ArrayList<>();
  private final BiPredicate<Integer, HdlcFrame> dropToServer;
  private final BiPredicate<Integer, HdlcFrame> dropToClient;
  int timeouts;

  InMemoryHdlc(
      MeterServerEngine server,
      HdlcParameters proposal,
      BiPredicate<Integer, HdlcFrame> dropToServer,
      BiPredicate<Integer, HdlcFrame> dropToClient) {
    this.server = server;
    this.link = new HdlcClientLink(HdlcAddress.server(1, 17), HdlcAddress.client(16), proposal);
    this.dropToServer = dropToServer;
    this.dropToClient = dropToClient;
  }

  InMemoryHdlc connect() {
    link.connect();
    run(link::connected);
    return this;
  }

  @Override
  public void send(byte[] apdu) {
    link.send(apdu);
  }

  @Override
  public byte[] receive() {
    link.awaitMore();
    byte[][] got = new byte[1][];
    run(
        () -> {
          got[0] = link.takeApdu();
          return got[0] != null;
        });
    return got[0];
  }

  private void run(java.util.function.BooleanSupplier done) {
    int inARow = 0;
    while (!done.getAsBoolean()) {
      if (pump()) {
        inARow = 0;
        continue;
      }
      if (++inARow > RETRIES) {
        throw new DlmsTimeoutException(
            "in-memory HDLC: no answer after " + RETRIES + " polls", null);
      }
      timeouts++;
      link.onTimeout();
    }
  }

  /** Moves the client's pending frames to the server and its answers back; false if none. */
  private boolean pump() {
    byte[] out = link.takeOutput();
    if (out.length == 0) {
      return false;
    }
    for (HdlcFrame f : new HdlcDecoder().feed(out, 0, out.length)) {
      boolean lost = dropToServer.test(clientSent.size(), f);
      clientSent.add(f);
      if (lost) {
        continue;
      }
      byte[] encoded = f.encode();
      byte[] reply = server.onBytes(encoded, 0, encoded.length);
      for (HdlcFrame r : new HdlcDecoder().feed(reply, 0, reply.length)) {
        boolean replyLost = dropToClient.test(serverSent.size(), r);
        serverSent.add(r);
        if (!replyLost) {
          byte[] b = r.encode();
          link.onBytes(b, 0, b.length);
        }
      }
    }
    return true;
  }

  @Override
  public void disconnect() {
    link.disconnect();
    pump();
  }

  @Override
  public void close() {
    // nothing to release
  }
}
