package io.loadlens.dlms.hdlc;

import java.util.ArrayList;
import java.util.List;

/**
 * The sending side of HDLC I-frame numbering with a window (IEC 62056-46 clause 6.4.4, ISO/IEC
 * 13239 normal response mode), shared by client and server: information fields queued for sending,
 * the first one not yet acknowledged, and how many have been sent. N(S) counts modulo 8, so a
 * window holds at most 7 frames.
 *
 * <pre>
 *   segments: [ acked ... | unacknowledged (sent) ... | not yet sent ... ]
 *               0          acked                      sent               size
 *   N(S) of segment i = (base + i) mod 8;  V(S) = N(S) of segment 'sent'
 * </pre>
 *
 * A received N(R) acknowledges every segment before it. Frames are sent again from the first
 * unacknowledged one, which is how a lost frame is recovered without REJ.
 */
public final class HdlcSendWindow {
  /** One information field and whether more of the same APDU follows (segmentation bit). */
  public record Segment(byte[] info, boolean more) {}

  private final List<Segment> segments = new ArrayList<>();
  private int base;
  private int acked;
  private int sent;

  /** Queues the segments of one more APDU behind those already queued. */
  public void add(List<byte[]> infos) {
    for (int i = 0; i < infos.size(); i++) {
      segments.add(new Segment(infos.get(i), i < infos.size() - 1));
    }
  }

  /** Drops everything queued; numbering continues from V(S). */
  public void clear() {
    base = vs();
    segments.clear();
    acked = 0;
    sent = 0;
  }

  /** Restarts numbering at 0 (after SNRM). */
  public void reset() {
    segments.clear();
    base = 0;
    acked = 0;
    sent = 0;
  }

  /** V(S): the N(S) of the next new frame. */
  public int vs() {
    return (base + sent) & 7;
  }

  /** The N(S) of segment {@code i}. */
  public int ns(int i) {
    return (base + i) & 7;
  }

  /**
   * Applies a received N(R). Returns false (and changes nothing) when N(R) acknowledges a frame
   * that was never sent; the caller reports that as a frame reject.
   */
  public boolean acknowledge(int nr) {
    int newly = (nr - ns(acked)) & 7;
    if (newly > sent - acked) {
      return false;
    }
    acked += newly;
    if (acked == segments.size()) {
      base = vs();
      segments.clear();
      acked = 0;
      sent = 0;
    }
    return true;
  }

  /** True when every queued segment has been acknowledged. */
  public boolean idle() {
    return acked == segments.size();
  }

  /** Sent frames not yet acknowledged. */
  public int unacknowledged() {
    return sent - acked;
  }

  /**
   * The segments to transmit now: from the first unacknowledged one, at most {@code window} of them
   * (a retransmission when some were sent before). Marks them sent.
   */
  public List<Segment> nextWindow(int window) {
    int end = Math.min(segments.size(), acked + window);
    List<Segment> out = new ArrayList<>(segments.subList(acked, end));
    sent = Math.max(sent, end);
    return out;
  }

  /** The index of segment {@code k} of the last {@link #nextWindow} result. */
  public int firstOfWindow() {
    return acked;
  }

  /** Description for error messages. */
  public String describe() {
    return "V(S) "
        + vs()
        + ", unacknowledged from N(S) "
        + ns(acked)
        + " ("
        + unacknowledged()
        + " frames)";
  }
}
