package io.loadlens.dlms.hdlc;

/**
 * HDLC control field (IEC 62056-46 clause 8.4.3, ISO/IEC 13239), P/F bit 0x10:
 *
 * <pre>
 *   I     RRR P SSS 0      N(R) in bits 7-5, N(S) in bits 3-1
 *   RR    RRR P 0001       RNR  RRR P 0101
 *   SNRM  1000 P 011 (0x83)  DISC 0100 P 011 (0x43)  UA 0110 F 011 (0x63)
 *   DM    0000 F 111 (0x0F)  FRMR 1000 F 111 (0x87)  UI 0000 P 011 (0x03)
 * </pre>
 */
public final class HdlcControl {
  public static final int POLL_FINAL = 0x10;
  public static final int SNRM = 0x83;
  public static final int DISC = 0x43;
  public static final int UA = 0x63;
  public static final int DM = 0x0F;
  public static final int FRMR = 0x87;
  public static final int UI = 0x03;
  public static final int RR = 0x01;
  public static final int RNR = 0x05;

  private HdlcControl() {}

  public static boolean isInformation(int control) {
    return (control & 1) == 0;
  }

  public static boolean isSupervisory(int control) {
    return (control & 3) == 1;
  }

  /** The command/response type without P/F (and without sequence numbers for I and S frames). */
  public static int type(int control) {
    if (isInformation(control)) {
      return 0;
    }
    if (isSupervisory(control)) {
      return control & 0x0F;
    }
    return control & ~POLL_FINAL & 0xFF;
  }

  public static int information(int nr, int ns, boolean poll) {
    return ((nr & 7) << 5) | (poll ? POLL_FINAL : 0) | ((ns & 7) << 1);
  }

  public static int receiveReady(int nr, boolean poll) {
    return ((nr & 7) << 5) | (poll ? POLL_FINAL : 0) | RR;
  }

  public static int nr(int control) {
    return (control >>> 5) & 7;
  }

  public static int ns(int control) {
    return (control >>> 1) & 7;
  }
}
