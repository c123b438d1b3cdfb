package io.loadlens.dlms.server;

import io.loadlens.dlms.DlmsFramingException;
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
import java.util.function.UnaryOperator;

/**
 * Server side of HDLC (IEC 62056-46): SNRM/UA with parameter negotiation, DISC → UA/DM, I-frames
 * with N(S)/N(R) (window 1), segmented requests acknowledged with RR, segmented responses sent one
 * I-frame per RR, a duplicate I-frame answered by repeating the last frame, LLC header checked.
 */
final class HdlcServerCodec implements MeterServerEngine.FrameCodec {
  /** Largest information field this server accepts or sends. */
  static final int SERVER_MAX_INFO = 1024;

  private final MeterServerConfig cfg;
  private final HdlcDecoder decoder = new HdlcDecoder();
  private final ByteArrayOutputStream request = new ByteArrayOutputStream();
  private final Deque<byte[]> pendingSegments = new ArrayDeque<>();
  private HdlcParameters params = HdlcParameters.DEFAULT;
  private boolean connected;
  private boolean disconnected;
  private int vs;
  private int vr;
  private byte[] lastFrame;
  private HdlcAddress client;
  private HdlcAddress self;

  HdlcServerCodec(MeterServerConfig cfg) {
    this.cfg = cfg;
  }

  @Override
  public boolean disconnected() {
    return disconnected;
  }

  @Override
  public byte[] onBytes(byte[] data, int off, int len, UnaryOperator<byte[]> apdus) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (HdlcFrame f : decoder.feed(data, off, len)) {
      if (!addressedToMe(f.destination())) {
        continue;
      }
      client = f.source();
      self = f.destination();
      byte[] reply = onFrame(f, apdus);
      if (reply != null) {
        out.writeBytes(reply);
      }
    }
    return out.toByteArray();
  }

  private boolean addressedToMe(HdlcAddress a) {
    return a.upper() == cfg.serverLogicalAddress()
        && (a.size() == 1 || a.lower() == cfg.serverPhysicalAddress());
  }

  private byte[] onFrame(HdlcFrame f, UnaryOperator<byte[]> apdus) {
    int c = f.control();
    if (HdlcControl.isInformation(c)) {
      return connected ? information(f, apdus) : unnumbered(HdlcControl.DM);
    }
    return switch (HdlcControl.type(c)) {
      case HdlcControl.SNRM -> snrm(f);
      case HdlcControl.DISC -> disc();
      case HdlcControl.RR -> connected ? receiveReady(HdlcControl.nr(c)) : null;
      default -> connected ? unnumbered(HdlcControl.FRMR) : unnumbered(HdlcControl.DM);
    };
  }

  private byte[] snrm(HdlcFrame f) {
    try {
      params = HdlcParameters.decode(f.info()).answer(SERVER_MAX_INFO, 1);
    } catch (DlmsFramingException e) {
      return unnumbered(HdlcControl.FRMR);
    }
    connected = true;
    disconnected = false;
    vs = 0;
    vr = 0;
    request.reset();
    pendingSegments.clear();
    return send(HdlcControl.UA | HdlcControl.POLL_FINAL, false, params.encode());
  }

  private byte[] disc() {
    boolean was = connected;
    connected = false;
    disconnected = true;
    return unnumbered(was ? HdlcControl.UA : HdlcControl.DM);
  }

  private byte[] information(HdlcFrame f, UnaryOperator<byte[]> apdus) {
    int ns = HdlcControl.ns(f.control());
    if (ns != vr) {
      // a repeated frame: our answer was lost, repeat it
      return ns == ((vr - 1) & 7) && lastFrame != null ? lastFrame : rr();
    }
    vr = (vr + 1) & 7;
    request.writeBytes(f.info());
    if (f.segmented()) {
      return rr();
    }
    byte[] data = request.toByteArray();
    request.reset();
    byte[] apdu;
    try {
      apdu = Llc.strip(Llc.REQUEST, data);
    } catch (DlmsFramingException e) {
      return unnumbered(HdlcControl.FRMR);
    }
    byte[] reply = apdus.apply(apdu);
    if (reply == null) {
      return rr();
    }
    pendingSegments.clear();
    pendingSegments.addAll(
        Segmenter.split(Llc.prepend(Llc.RESPONSE, reply), params.maxInfoTransmit()));
    return nextSegment();
  }

  /** RR N(R): N(R) = V(S) acknowledges our last I-frame; one less asks for it again. */
  private byte[] receiveReady(int nr) {
    if (nr == ((vs - 1) & 7) && lastFrame != null) {
      return lastFrame;
    }
    return nextSegment();
  }

  private byte[] nextSegment() {
    byte[] seg = pendingSegments.poll();
    if (seg == null) {
      return null;
    }
    int control = HdlcControl.information(vr, vs, true);
    vs = (vs + 1) & 7;
    return send(control, !pendingSegments.isEmpty(), seg);
  }

  private byte[] rr() {
    return send(HdlcControl.receiveReady(vr, true), false, null);
  }

  private byte[] unnumbered(int type) {
    return send(type | HdlcControl.POLL_FINAL, false, null);
  }

  private byte[] send(int control, boolean segmented, byte[] info) {
    HdlcAddress me = HdlcAddress.server(cfg.serverLogicalAddress(), cfg.serverPhysicalAddress());
    HdlcAddress to = client == null ? HdlcAddress.client(16) : client;
    lastFrame = new HdlcFrame(to, me, control, segmented, info).encode();
    return lastFrame;
  }
}
