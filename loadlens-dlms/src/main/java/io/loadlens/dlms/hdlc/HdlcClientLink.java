package io.loadlens.dlms.hdlc;

import io.loadlens.dlms.DlmsConnectionException;
import io.loadlens.dlms.DlmsFramingException;
import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;

/**
 * The client (primary station) of an HDLC link in normal response mode (IEC 62056-46 clause 6.4),
 * sans-I/O: it is fed received bytes and timeouts, and it hands out the bytes to send and the APDUs
 * received.
 *
 * <ul>
 *   <li>SNRM proposes the information field lengths and windows; the UA's answer is what both sides
 *       use. The client sends up to the server's receive window of I-frames, the poll bit on the
 *       last one, and waits for an answer.
 *   <li>An N(R) acknowledges every frame before it, so one RR (or I-frame) can acknowledge several.
 *       Frames not acknowledged by the answer to a poll are sent again from N(R).
 *   <li>A timeout sends RR with the poll bit; the server answers with its N(R) (and repeats its
 *       unacknowledged I-frames), so a lost frame in either direction is recovered without REJ.
 *   <li>A segmented response comes in windows of I-frames, the final bit on the last; the client
 *       acknowledges with RR N(R) and the poll bit, and asks again from N(R) after a gap.
 * </ul>
 *
 * <p>Not thread-safe: one link per connection.
 */
public final class HdlcClientLink {
  private enum State {
    DISCONNECTED,
    AWAIT_UA,
    READY,
    AWAIT_DISC
  }

  private final HdlcAddress server;
  private final HdlcAddress client;
  private final HdlcParameters proposal;
  private final HdlcDecoder decoder = new HdlcDecoder();
  private final HdlcSendWindow tx = new HdlcSendWindow();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream received = new ByteArrayOutputStream();
  private final ArrayDeque<byte[]> apdus = new ArrayDeque<>();
  private State state = State.DISCONNECTED;
  private HdlcParameters negotiated = HdlcParameters.DEFAULT;
  private int vr;
  private boolean pollOutstanding;
  private int retransmittedFrames;
  private long framesAccepted;

  public HdlcClientLink(HdlcAddress server, HdlcAddress client, HdlcParameters proposal) {
    this.server = server;
    this.client = client;
    this.proposal = proposal;
  }

  /** Queues SNRM with the proposed parameters. */
  public void connect() {
    state = State.AWAIT_UA;
    tx.reset();
    vr = 0;
    received.reset();
    apdus.clear();
    write(HdlcControl.SNRM | HdlcControl.POLL_FINAL, false, proposal.encode());
  }

  public boolean connected() {
    return state == State.READY;
  }

  /** True once DISC was answered (UA or DM). */
  public boolean disconnected() {
    return state == State.DISCONNECTED;
  }

  /** The parameters the server answered in UA. */
  public HdlcParameters negotiated() {
    return negotiated;
  }

  /** I-frames sent again so far (after a lost frame or a timeout). */
  public int retransmittedFrames() {
    return retransmittedFrames;
  }

  /** Queues an APDU: LLC header, segments of the server's receive length, the first window. */
  public void send(byte[] apduToSend) {
    if (state != State.READY) {
      throw new IllegalStateException("HDLC link is " + state + ", not connected");
    }
    received.reset();
    tx.add(Segmenter.split(Llc.prepend(Llc.REQUEST, apduToSend), negotiated.maxInfoReceive()));
    sendWindow();
  }

  /** Queues DISC. */
  public void disconnect() {
    state = State.AWAIT_DISC;
    write(HdlcControl.DISC | HdlcControl.POLL_FINAL, false, null);
  }

  /** No answer in time: SNRM or DISC again, or RR with the poll bit to learn the server's N(R). */
  public void onTimeout() {
    switch (state) {
      case AWAIT_UA -> write(HdlcControl.SNRM | HdlcControl.POLL_FINAL, false, proposal.encode());
      case AWAIT_DISC -> write(HdlcControl.DISC | HdlcControl.POLL_FINAL, false, null);
      case READY -> write(HdlcControl.receiveReady(vr, true), false, null);
      case DISCONNECTED -> {
        // nothing outstanding
      }
    }
  }

  /**
   * Frames for this client that passed their checks (HCS, FCS, length), whatever they carried; a
   * caller that receives bytes but sees this count stand still is hearing only noise or corrupt
   * frames.
   */
  public long framesAccepted() {
    return framesAccepted;
  }

  /** The bytes to send now (possibly none). */
  public byte[] takeOutput() {
    byte[] b = out.toByteArray();
    out.reset();
    return b;
  }

  /** The next APDU received complete (LLC header removed), or null while none is. */
  public byte[] takeApdu() {
    return apdus.poll();
  }

  /**
   * Called when the caller expects another APDU (e.g. the next general-block-transfer block): when
   * none is queued and the server has answered our last poll (its final bit ended its turn), RR
   * with the poll bit gives the server the turn again.
   */
  public void awaitMore() {
    if (state == State.READY && apdus.isEmpty() && !pollOutstanding) {
      write(HdlcControl.receiveReady(vr, true), false, null);
    }
  }

  /**
   * Feeds received bytes. Frames for another client address are ignored.
   *
   * @throws DlmsConnectionException when the server sends DM, FRMR or DISC
   * @throws DlmsFramingException when a frame acknowledges I-frames never sent, or a complete
   *     response has a bad LLC header
   */
  public void onBytes(byte[] data, int off, int len) {
    for (HdlcFrame f : decoder.feed(data, off, len)) {
      if (f.destination().upper() == client.upper()) {
        onFrame(f);
      }
    }
  }

  private void onFrame(HdlcFrame f) {
    framesAccepted++;
    int c = f.control();
    if ((c & HdlcControl.POLL_FINAL) != 0) {
      pollOutstanding = false;
    }
    if (HdlcControl.isInformation(c)) {
      if (state == State.READY) {
        information(f);
      }
      return;
    }
    switch (HdlcControl.type(c)) {
      case HdlcControl.UA -> unnumberedAck(f);
      case HdlcControl.RR, HdlcControl.RNR -> {
        if (state == State.READY) {
          supervisory(c);
        }
      }
      case HdlcControl.DM -> {
        if (state == State.AWAIT_DISC) {
          state = State.DISCONNECTED;
          return;
        }
        throw lost(c, "DM");
      }
      case HdlcControl.FRMR -> throw lost(c, "FRMR");
      case HdlcControl.DISC -> throw lost(c, "DISC");
      default -> {
        // UI and others carry nothing for this client
      }
    }
  }

  private void unnumberedAck(HdlcFrame f) {
    if (state == State.AWAIT_UA) {
      negotiated = HdlcParameters.decode(f.info());
      state = State.READY;
    } else if (state == State.AWAIT_DISC) {
      state = State.DISCONNECTED;
    }
  }

  private void supervisory(int c) {
    acknowledge(HdlcControl.nr(c));
    boolean fin = (c & HdlcControl.POLL_FINAL) != 0;
    if (fin && !tx.idle() && HdlcControl.type(c) == HdlcControl.RR) {
      // the server answered our poll: what it has not acknowledged is sent again from N(R)
      sendWindow();
    }
  }

  private void information(HdlcFrame f) {
    int c = f.control();
    acknowledge(HdlcControl.nr(c));
    if (HdlcControl.ns(c) == vr) {
      vr = (vr + 1) & 7;
      received.writeBytes(f.info());
      if (!f.segmented()) {
        byte[] data = received.toByteArray();
        received.reset();
        apdus.add(Llc.strip(Llc.RESPONSE, data));
        return;
      }
    }
    // a frame out of sequence is dropped; the RR below asks again from V(R)
    if ((c & HdlcControl.POLL_FINAL) != 0) {
      write(HdlcControl.receiveReady(vr, true), false, null);
    }
  }

  private void acknowledge(int nr) {
    if (!tx.acknowledge(nr)) {
      throw new DlmsFramingException(
          "HDLC: N(R) " + nr + " acknowledges I-frames never sent (" + tx.describe() + ")");
    }
  }

  private void sendWindow() {
    int first = tx.firstOfWindow();
    int alreadySent = tx.unacknowledged();
    var window = tx.nextWindow(negotiated.windowReceive());
    for (int k = 0; k < window.size(); k++) {
      HdlcSendWindow.Segment s = window.get(k);
      boolean poll = k == window.size() - 1;
      write(HdlcControl.information(vr, tx.ns(first + k), poll), s.more(), s.info());
    }
    retransmittedFrames += Math.min(alreadySent, window.size());
  }

  private void write(int control, boolean segmented, byte[] info) {
    if ((control & HdlcControl.POLL_FINAL) != 0) {
      pollOutstanding = true;
    }
    out.writeBytes(new HdlcFrame(server, client, control, segmented, info).encode());
  }

  private DlmsConnectionException lost(int control, String what) {
    return DlmsConnectionException.lost(
        String.format("HDLC: server sent control 0x%02X (%s)", control, what), null);
  }
}
