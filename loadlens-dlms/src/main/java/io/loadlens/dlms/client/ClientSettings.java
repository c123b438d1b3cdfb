package io.loadlens.dlms.client;

import java.time.Duration;

/**
 * How to reach and associate with one meter.
 *
 * @param host the meter's TCP host for {@link DlmsClient#connect(ClientSettings)}; null (with
 *     {@code port} 0) for a meter reached over a {@link ByteLink} such as a serial line
 * @param port the meter's TCP port, 1..65535; 0 when {@code host} is null
 * @param clientAddress client SAP (16 public client, 1 management client, ...); the wrapper source
 *     wPort or the HDLC client address
 * @param serverLogicalAddress logical device (1 = management logical device); the wrapper
 *     destination wPort or the HDLC upper address
 * @param serverPhysicalAddress HDLC lower address (ignored for the wrapper)
 * @param password LLS secret (null unless {@link SecurityLevel#LLS})
 * @param ek global unicast encryption key GUEK, 16 octets (HLS_GMAC)
 * @param ak global authentication key GAK, 16 octets (HLS_GMAC)
 * @param clientSystemTitle 8 octets (HLS_GMAC)
 * @param timeout connect and per-response timeout
 * @param maxPduSize client-max-receive-pdu-size proposed in the AARQ
 * @param invocationCounter the first invocation counter the client will use (the caller persists
 *     {@link DlmsClient#invocationCounter()} per meter between sessions)
 */
public record ClientSettings(
    String host,
    int port,
    Framing framing,
    int clientAddress,
    int serverLogicalAddress,
    int serverPhysicalAddress,
    SecurityLevel security,
    byte[] password,
    byte[] ek,
    byte[] ak,
    byte[] clientSystemTitle,
    Duration timeout,
    int maxPduSize,
    long invocationCounter) {

  public ClientSettings {
    if (host == null) {
      if (port != 0) {
        throw new IllegalArgumentException(
            "client settings: port " + port + " without a host (use host null with port 0 only)");
      }
    } else if (host.isBlank()) {
      throw new IllegalArgumentException("client settings: host is blank");
    } else if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("client settings: port " + port + " is outside 1..65535");
    }
    if (framing == null || security == null || timeout == null) {
      throw new IllegalArgumentException(
          "client settings: framing, security and timeout are required");
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("client settings: timeout " + timeout + " must be > 0");
    }
    if (clientAddress < 0
        || clientAddress > 0x7F
        || serverLogicalAddress < 0
        || serverLogicalAddress > 0x3FFF
        || serverPhysicalAddress < 0
        || serverPhysicalAddress > 0x3FFF) {
      throw new IllegalArgumentException(
          "client settings: addresses client "
              + clientAddress
              + ", server logical "
              + serverLogicalAddress
              + ", physical "
              + serverPhysicalAddress
              + " outside 0..127 / 0..16383");
    }
    if (maxPduSize < 64 || maxPduSize > 0xFFFF) {
      throw new IllegalArgumentException(
          "client settings: maxPduSize " + maxPduSize + " is outside 64..65535");
    }
    if (invocationCounter < 0 || invocationCounter > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException(
          "client settings: invocationCounter " + invocationCounter + " is outside 0..2^32-1");
    }
    if (security == SecurityLevel.LLS && (password == null || password.length == 0)) {
      throw new IllegalArgumentException("client settings: LLS needs a password");
    }
    if (security == SecurityLevel.HLS_GMAC) {
      requireLength("ek", ek, 16);
      requireLength("ak", ak, 16);
      requireLength("clientSystemTitle", clientSystemTitle, 8);
    }
    password = password == null ? null : password.clone();
    ek = ek == null ? null : ek.clone();
    ak = ak == null ? null : ak.clone();
    clientSystemTitle = clientSystemTitle == null ? null : clientSystemTitle.clone();
  }

  private static void requireLength(String field, byte[] v, int n) {
    if (v == null || v.length != n) {
      throw new IllegalArgumentException(
          "client settings: HLS_GMAC needs "
              + field
              + " of "
              + n
              + " octets, got "
              + (v == null ? "none" : v.length));
    }
  }

  /** Public-client defaults over the wrapper: client 16, logical device 1, no security. */
  public static ClientSettings publicClient(String host, int port) {
    return new ClientSettings(
        host,
        port,
        Framing.WRAPPER,
        16,
        1,
        17,
        SecurityLevel.NONE,
        null,
        null,
        null,
        null,
        Duration.ofSeconds(10),
        1024,
        0);
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
  public byte[] clientSystemTitle() {
    return clientSystemTitle == null ? null : clientSystemTitle.clone();
  }

  public ClientSettings withInvocationCounter(long ic) {
    return new ClientSettings(
        host,
        port,
        framing,
        clientAddress,
        serverLogicalAddress,
        serverPhysicalAddress,
        security,
        password,
        ek,
        ak,
        clientSystemTitle,
        timeout,
        maxPduSize,
        ic);
  }

  /** Never shows secrets. */
  @Override
  public String toString() {
    return "ClientSettings["
        + host
        + ":"
        + port
        + " "
        + framing
        + " client "
        + clientAddress
        + " server "
        + serverLogicalAddress
        + "/"
        + serverPhysicalAddress
        + " "
        + security
        + " timeout "
        + timeout
        + " maxPdu "
        + maxPduSize
        + " ic "
        + invocationCounter
        + "]";
  }
}
