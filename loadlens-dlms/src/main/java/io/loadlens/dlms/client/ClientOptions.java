package io.loadlens.dlms.client;

import io.loadlens.dlms.security.SecurityControl;

/**
 * Optional protocol choices of a session beyond {@link ClientSettings}.
 *
 * @param securityControl how HLS_GMAC sessions protect xDLMS APDUs: {@link
 *     SecurityControl#AUTH_ENC} (0x30, the default), {@link SecurityControl#AUTH} (0x10) or {@link
 *     SecurityControl#ENC} (0x20)
 * @param dedicatedKey true to send a fresh dedicated key in the InitiateRequest and use ded-
 *     ciphering (Green Book 9.2.4.3) for the session's xDLMS APDUs; false for glo- ciphering
 * @param invocationCounterListener told the next invocation counter each time the client uses one,
 *     also when the session later fails (so the caller can persist it even when {@link
 *     DlmsClient#connect} throws); null for none
 * @param hdlcWindow the HDLC window (1..7 I-frames) proposed in SNRM in both directions; the
 *     meter's UA may lower it. 1 (stop-and-wait) by default
 * @param gbtWindow 0 (the default) for no general-block-transfer; 1..63 to propose it in the
 *     conformance block and, when the meter grants it, send every request in a GBT block that
 *     announces this window, so that long responses stream back in GBT blocks
 */
public record ClientOptions(
    SecurityControl securityControl,
    boolean dedicatedKey,
    java.util.function.LongConsumer invocationCounterListener,
    int hdlcWindow,
    int gbtWindow) {
  public static final ClientOptions DEFAULT = new ClientOptions(SecurityControl.AUTH_ENC, false);

  public ClientOptions(SecurityControl securityControl, boolean dedicatedKey) {
    this(securityControl, dedicatedKey, null);
  }

  public ClientOptions(
      SecurityControl securityControl,
      boolean dedicatedKey,
      java.util.function.LongConsumer invocationCounterListener) {
    this(securityControl, dedicatedKey, invocationCounterListener, 1, 0);
  }

  /** These options, telling {@code listener} every next invocation counter. */
  public ClientOptions withInvocationCounterListener(java.util.function.LongConsumer listener) {
    return new ClientOptions(securityControl, dedicatedKey, listener, hdlcWindow, gbtWindow);
  }

  /** These options, proposing an HDLC window of {@code window} I-frames. */
  public ClientOptions withHdlcWindow(int window) {
    return new ClientOptions(
        securityControl, dedicatedKey, invocationCounterListener, window, gbtWindow);
  }

  /** These options, using general-block-transfer with a window of {@code window} blocks. */
  public ClientOptions withGeneralBlockTransfer(int window) {
    return new ClientOptions(
        securityControl, dedicatedKey, invocationCounterListener, hdlcWindow, window);
  }

  public ClientOptions {
    if (securityControl == null
        || (!securityControl.authenticated() && !securityControl.encrypted())
        || securityControl.suite() != 0) {
      throw new IllegalArgumentException(
          "client options: security control "
              + securityControl
              + " must be suite 0 with authentication and/or encryption");
    }
    if (hdlcWindow < 1 || hdlcWindow > 7) {
      throw new IllegalArgumentException(
          "client options: hdlcWindow " + hdlcWindow + " is outside 1..7");
    }
    if (gbtWindow < 0 || gbtWindow > 63) {
      throw new IllegalArgumentException(
          "client options: gbtWindow " + gbtWindow + " is outside 0..63");
    }
  }
}
