package io.loadlens.dlms.server;

import io.loadlens.dlms.DlmsFramingException;
import io.loadlens.dlms.hdlc.HdlcAddress;
import io.loadlens.dlms.hdlc.HdlcControl;
import io.loadlens.dlms.hdlc.HdlcDecoder;
import io.loadlens.dlms.hdlc.HdlcFrame;
import io.loadlens.dlms.hdlc.HdlcParameters;
import io.loadlens.dlms.hdlc.HdlcSendWindow;
import io.loadlens.dlms.hdlc.Llc;
import io.loadlens.dlms.hdlc.Segmenter;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.function.Function;

/**
 * Server (secondary station) side of HDLC in normal response mode (IEC 62056-46): SNRM/UA with
 * parameter negotiation (information field lengths, windows up to the configured window), DISC →
 * UA/DM, I-frames with N(S)/N(R), LLC header checked. The server answers only frames with the poll
 * bit: a segmented request is acknowledged with RR N(R) once per window, a response is sent as
 * windows of I-frames (final bit on the last) and every N(R) received acknowledges what precedes
 * it. Frames out of sequence are dropped and the next answer repeats the unacknowledged I-frames
 * from the client's N(R), so lost frames in either direction are recovered.
 */
final class HdlcServerCodec implements MeterServerEngine.FrameCodec {
  /** Largest information field this server accepts or sends. */
  static final int SERVER_MAX_INFO = 1024;

  private final MeterServerConfig cfg;
  private final HdlcDecoder decoder = new HdlcDecoder();
  private final ByteArrayOutputStream request = new ByteArrayOutputStream();
  private final HdlcSendWindow tx = new HdlcSendWindow();
  private HdlcParameters params = HdlcParameters.DEFAULT;
  private boolean connected;
  private boolean disconnected;
  private int vr;
  private HdlcAddress client;

  HdlcServerCodec(MeterServerConfig cfg) {
    this.cfg = cfg;
  }

  @Override
  public boolean disconnected() {
    return disconnected;
  }

  @Override
  public byte[] onBytes(byte[] data, int off, int len, Function<byte[], List<byte[]>> apdus) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (HdlcFrame f : decoder.feed(data, off, len)) {
      if (!addressedToMe(f.destination())) {
        continue;
      }
      client = f.source();
      onFrame(f, apdus, out);
    }
    return out.toByteArray();
  }

  private boolean addressedToMe(HdlcAddress a) {
    return a.upper() == cfg.serverLogicalAddress()
        && (a.size() == 1 || a.lower() == cfg.serverPhysicalAddress());
  }

  private void onFrame(
      HdlcFrame f, Function<byte[], List<byte[]>> apdus, ByteArrayOutputStream out) {
    int c = f.control();
    if (HdlcControl.isInformation(c)) {
      if (!connected) {
        unnumbered(HdlcControl.DM, out);
      } else {
        information(f, apdus, out);
      }
      return;
    }
    switch (HdlcControl.type(c)) {
      case HdlcControl.SNRM -> snrm(f, out);
      case HdlcControl.DISC -> disc(out);
      case HdlcControl.RR, HdlcControl.RNR -> {
        if (connected && acknowledge(c, out) && polled(c)) {
          respond(out);
        }
      }
      default -> unnumbered(connected ? HdlcControl.FRMR : HdlcControl.DM, out);
    }
  }

  private void snrm(HdlcFrame f, ByteArrayOutputStream out) {
    try {
      params = HdlcParameters.decode(f.info()).answer(SERVER_MAX_INFO, cfg.hdlcWindow());
    } catch (DlmsFramingException e) {
      unnumbered(HdlcControl.FRMR, out);
      return;
    }
    connected = true;
    disconnected = false;
    vr = 0;
    tx.reset();
    request.reset();
    write(HdlcControl.UA | HdlcControl.POLL_FINAL, false, params.encode(), out);
  }

  private void disc(ByteArrayOutputStream out) {
    boolean was = connected;
    connected = false;
    disconnected = true;
    unnumbered(was ? HdlcControl.UA : HdlcControl.DM, out);
  }

  private void information(
      HdlcFrame f, Function<byte[], List<byte[]>> apdus, ByteArrayOutputStream out) {
    int c = f.control();
    if (!acknowledge(c, out)) {
      return;
    }
    if (HdlcControl.ns(c) == vr) {
      vr = (vr + 1) & 7;
      request.writeBytes(f.info());
      if (!f.segmented() && !complete(apdus, out)) {
        return;
      }
    }
    // a frame out of sequence (lost predecessor, or a repeat) is dropped; the answer to the
    // poll tells the client V(R) and repeats our unacknowledged frames
    if (polled(c)) {
      respond(out);
    }
  }

  /** Handles the complete request; false when the LLC header was wrong (FRMR sent). */
  private boolean complete(Function<byte[], List<byte[]>> apdus, ByteArrayOutputStream out) {
    byte[] data = request.toByteArray();
    request.reset();
    byte[] apdu;
    try {
      apdu = Llc.strip(Llc.REQUEST, data);
    } catch (DlmsFramingException e) {
      unnumbered(HdlcControl.FRMR, out);
      return false;
    }
    tx.clear();
    for (byte[] reply : apdus.apply(apdu)) {
      tx.add(Segmenter.split(Llc.prepend(Llc.RESPONSE, reply), params.maxInfoTransmit()));
    }
    return true;
  }

  /** Applies the frame's N(R); a frame acknowledging what was never sent gets FRMR. */
  private boolean acknowledge(int control, ByteArrayOutputStream out) {
    if (tx.acknowledge(HdlcControl.nr(control))) {
      return true;
    }
    unnumbered(HdlcControl.FRMR, out);
    return false;
  }

  /** Answer to a poll: the next window of I-frames from the client's N(R), else RR V(R). */
  private void respond(ByteArrayOutputStream out) {
    if (tx.idle()) {
      write(HdlcControl.receiveReady(vr, true), false, null, out);
      return;
    }
    int first = tx.firstOfWindow();
    List<HdlcSendWindow.Segment> window = tx.nextWindow(params.windowTransmit());
    for (int k = 0; k < window.size(); k++) {
      HdlcSendWindow.Segment s = window.get(k);
      boolean fin = k == window.size() - 1;
      write(HdlcControl.information(vr, tx.ns(first + k), fin), s.more(), s.info(), out);
    }
  }

  private static boolean polled(int control) {
    return (control & HdlcControl.POLL_FINAL) != 0;
  }

  private void unnumbered(int type, ByteArrayOutputStream out) {
    write(type | HdlcControl.POLL_FINAL, false, null, out);
  }

  private void write(int control, boolean segmented, byte[] info, ByteArrayOutputStream out) {
    HdlcAddress me = HdlcAddress.server(cfg.serverLogicalAddress(), cfg.serverPhysicalAddress());
    HdlcAddress to = client == null ? HdlcAddress.client(16) : client;
    out.writeBytes(new HdlcFrame(to, me, control, segmented, info).encode());
  }

  @Override
  public int clientAddress() {
    return client == null ? -1 : client.upper();
  }
}
