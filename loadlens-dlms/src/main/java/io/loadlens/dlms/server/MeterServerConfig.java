package io.loadlens.dlms.server;

import io.loadlens.dlms.client.Framing;
import io.loadlens.dlms.client.SecurityLevel;

/**
 * How a simulated meter associates and frames.
 *
 * @param password LLS secret (LLS only)
 * @param ek GUEK, 16 octets (HLS_GMAC)
 * @param ak GAK, 16 octets (HLS_GMAC)
 * @param serverSystemTitle 8 octets (HLS_GMAC)
 * @param serverLogicalAddress logical device (wrapper wPort / HDLC upper address), usually 1
 * @param serverPhysicalAddress HDLC lower address, e.g. 17
 * @param maxPduSize server-max-receive-pdu-size; responses longer than the negotiated size are sent
 *     with block transfer
 * @param hdlcWindow the largest HDLC window (1..7 I-frames) the server accepts in SNRM/UA
 * @param gbtWindow the general-block-transfer window the server announces (1..63 blocks), or 0 when
 *     the server does not offer general-block-transfer in its conformance block
 */
public record MeterServerConfig(
    Framing framing,
    SecurityLevel security,
    byte[] password,
    byte[] ek,
    byte[] ak,
    byte[] serverSystemTitle,
    int serverLogicalAddress,
    int serverPhysicalAddress,
    int maxPduSize,
    int hdlcWindow,
    int gbtWindow) {

  /** A server with HDLC window 1 that does not offer general-block-transfer. */
  public MeterServerConfig(
      Framing framing,
      SecurityLevel security,
      byte[] password,
      byte[] ek,
      byte[] ak,
      byte[] serverSystemTitle,
      int serverLogicalAddress,
      int serverPhysicalAddress,
      int maxPduSize) {
    this(
        framing,
        security,
        password,
        ek,
        ak,
        serverSystemTitle,
        serverLogicalAddress,
        serverPhysicalAddress,
        maxPduSize,
        1,
        0);
  }

  public MeterServerConfig {
    if (hdlcWindow < 1 || hdlcWindow > 7) {
      throw new IllegalArgumentException(
          "meter server config: hdlcWindow " + hdlcWindow + " is outside 1..7");
    }
    if (gbtWindow < 0 || gbtWindow > 63) {
      throw new IllegalArgumentException(
          "meter server config: gbtWindow " + gbtWindow + " is outside 0..63");
    }
    if (framing == null || security == null) {
      throw new IllegalArgumentException("meter server config: framing and security are required");
    }
    if (maxPduSize < 64 || maxPduSize > 0xFFFF) {
      throw new IllegalArgumentException(
          "meter server config: maxPduSize " + maxPduSize + " is outside 64..65535");
    }
    if (security == SecurityLevel.LLS && (password == null || password.length == 0)) {
      throw new IllegalArgumentException("meter server config: LLS needs a password");
    }
    if (security == SecurityLevel.HLS_GMAC
        && (ek == null
            || ek.length != 16
            || ak == null
            || ak.length != 16
            || serverSystemTitle == null
            || serverSystemTitle.length != 8)) {
      throw new IllegalArgumentException(
          "meter server config: HLS_GMAC needs 16-octet ek and ak and an 8-octet system title");
    }
    password = password == null ? null : password.clone();
    ek = ek == null ? null : ek.clone();
    ak = ak == null ? null : ak.clone();
    serverSystemTitle = serverSystemTitle == null ? null : serverSystemTitle.clone();
  }

  @Override
  public byte[] password() {
    return password == null ? null : password.clone();
  }

  @Override
  public byte[] ek() {
    return ek == null ? null : ek.clone();
  }

  @Override
  public byte[] ak() {
    return ak == null ? null : ak.clone();
  }

  @Override
  public byte[] serverSystemTitle() {
    return serverSystemTitle == null ? null : serverSystemTitle.clone();
  }

  /** This configuration accepting HDLC windows of up to {@code window} I-frames. */
  public MeterServerConfig withHdlcWindow(int window) {
    return new MeterServerConfig(
        framing,
        security,
        password,
        ek,
        ak,
        serverSystemTitle,
        serverLogicalAddress,
        serverPhysicalAddress,
        maxPduSize,
        window,
        gbtWindow);
  }

  /** This configuration offering general-block-transfer with a window of {@code window} blocks. */
  public MeterServerConfig withGeneralBlockTransfer(int window) {
    return new MeterServerConfig(
        framing,
        security,
        password,
        ek,
        ak,
        serverSystemTitle,
        serverLogicalAddress,
        serverPhysicalAddress,
        maxPduSize,
        hdlcWindow,
        window);
  }

  /** Never shows secrets. */
  @Override
  public String toString() {
    return "MeterServerConfig["
        + framing
        + " "
        + security
        + " logical "
        + serverLogicalAddress
        + " physical "
        + serverPhysicalAddress
        + " maxPdu "
        + maxPduSize
        + " hdlcWindow "
        + hdlcWindow
        + " gbtWindow "
        + gbtWindow
        + "]";
  }
}
