package io.loadlens.dlms.client;

import io.loadlens.dlms.DlmsConnectionException;
import io.loadlens.dlms.DlmsException;
import io.loadlens.dlms.DlmsFramingException;
import io.loadlens.dlms.DlmsTimeoutException;
import io.loadlens.dlms.hdlc.HdlcAddress;
import io.loadlens.dlms.hdlc.HdlcControl;
import io.loadlens.dlms.hdlc.HdlcDecoder;
import io.loadlens.dlms.hdlc.HdlcFrame;
import io.loadlens.dlms.hdlc.HdlcParameters;
import io.loadlens.dlms.hdlc.Llc;
import io.loadlens.dlms.hdlc.Segmenter;
import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * HDLC (IEC 62056-46) for the client, stop-and-wait (window 1): SNRM/UA with parameter negotiation,
 * LLC-prefixed APDUs segmented into I-frames, each segment of a long response requested with RR,
 * the last frame sent again once when an answer times out, DISC at the end.
 */
final class HdlcTransport implements ClientTransport {
  /** Information field length the client proposes in SNRM (both directions). */
  static final int PROPOSED_MAX_INFO = 256;

  /** Retransmissions of an unanswered frame before the timeout is reported. */
  static final int RETRIES = 1;

  private final SocketLink link;
  private final HdlcAddress server;
  private final HdlcAddress client;
  private final HdlcDecoder decoder = new HdlcDecoder();
  private final Deque<HdlcFrame> pending = new ArrayDeque<>();
  private final byte[] buf = new byte[4096];
  private HdlcParameters negotiated;
  private int vs;
  private int vr;
  private byte[] lastSent;

  private HdlcTransport(SocketLink link, ClientSettings s) {
    this.link = link;
    this.server = HdlcAddress.server(s.serverLogicalAddress(), s.serverPhysicalAddress());
    this.client = HdlcAddress.client(s.clientAddress());
  }

  static ClientTransport open(SocketLink link, ClientSettings s) {
    HdlcTransport t = new HdlcTransport(link, s);
    HdlcParameters proposal = new HdlcParameters(PROPOSED_MAX_INFO, PROPOSED_MAX_INFO, 1, 1);
    HdlcFrame ua = t.exchange(HdlcControl.SNRM | HdlcControl.POLL_FINAL, false, proposal.encode());
    if (HdlcControl.type(ua.control()) != HdlcControl.UA) {
      throw DlmsConnectionException.failed(
          String.format(
              "HDLC SNRM to %s: answered with control 0x%02X instead of UA",
              link.peer(), ua.control()),
          null);
    }
    t.negotiated = HdlcParameters.decode(ua.info());
    return t;
  }

  /** Client transmit limit: what the server said it receives. */
  private int maxTransmit() {
    return negotiated.maxInfoReceive();
  }

  @Override
  public void send(byte[] apdu) {
    List<byte[]> segments = Segmenter.split(Llc.prepend(Llc.REQUEST, apdu), maxTransmit());
    for (int i = 0; i < segments.size(); i++) {
      boolean more = i < segments.size() - 1;
      int control = HdlcControl.information(vr, vs, true);
      vs = (vs + 1) & 7;
      if (!more) {
        write(control, false, segments.get(i));
        return;
      }
      HdlcFrame ack = exchange(control, true, segments.get(i));
      if (HdlcControl.type(ack.control()) != HdlcControl.RR) {
        throw new DlmsFramingException(
            String.format(
                "HDLC: expected RR after segment %d, got control 0x%02X", i, ack.control()));
      }
    }
  }

  @Override
  public byte[] receive() {
    ByteArrayOutputStream data = new ByteArrayOutputStream();
    while (true) {
      HdlcFrame f = awaitFrame();
      int c = f.control();
      if (!HdlcControl.isInformation(c)) {
        int type = HdlcControl.type(c);
        if (type == HdlcControl.DM || type == HdlcControl.FRMR || type == HdlcControl.DISC) {
          throw DlmsConnectionException.lost(
              String.format("HDLC: meter %s sent control 0x%02X (DM/FRMR/DISC)", link.peer(), c),
              null);
        }
        continue; // RR while waiting: keep waiting
      }
      if (HdlcControl.ns(c) != vr) {
        continue; // a repeated frame we already have
      }
      vr = (vr + 1) & 7;
      data.writeBytes(f.info());
      if (!f.segmented()) {
        return Llc.strip(Llc.RESPONSE, data.toByteArray());
      }
      write(HdlcControl.receiveReady(vr, true), false, null);
    }
  }

  /** Sends a frame and waits for the next frame, sending it again once on timeout. */
  private HdlcFrame exchange(int control, boolean segmented, byte[] info) {
    write(control, segmented, info);
    return awaitFrame();
  }

  private void write(int control, boolean segmented, byte[] info) {
    lastSent = new HdlcFrame(server, client, control, segmented, info).encode();
    link.write(lastSent);
  }

  private HdlcFrame awaitFrame() {
    for (int attempt = 0; ; attempt++) {
      try {
        return nextFrame();
      } catch (DlmsTimeoutException e) {
        if (attempt >= RETRIES || lastSent == null) {
          throw e;
        }
        link.write(lastSent);
      }
    }
  }

  private HdlcFrame nextFrame() {
    while (true) {
      while (!pending.isEmpty()) {
        HdlcFrame f = pending.poll();
        if (f.destination().upper() == client.upper()) {
          return f;
        }
      }
      int n = link.read(buf);
      pending.addAll(decoder.feed(buf, 0, n));
    }
  }

  @Override
  public void disconnect() {
    try {
      write(HdlcControl.DISC | HdlcControl.POLL_FINAL, false, null);
      nextFrame();
    } catch (DlmsException ignored) {
      // the meter may be gone already
    }
  }

  @Override
  public void close() {
    link.close();
  }
}
