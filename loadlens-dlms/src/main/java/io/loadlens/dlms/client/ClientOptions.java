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
 */
public record ClientOptions(
    SecurityControl securityControl,
    boolean dedicatedKey,
    java.util.function.LongConsumer invocationCounterListener) {
  public static final ClientOptions DEFAULT = new ClientOptions(SecurityControl.AUTH_ENC, false);

  public ClientOptions(SecurityControl securityControl, boolean dedicatedKey) {
    this(securityControl, dedicatedKey, null);
  }

  /** These options, telling {@code listener} every next invocation counter. */
  public ClientOptions withInvocationCounterListener(java.util.function.LongConsumer listener) {
    return new ClientOptions(securityControl, dedicatedKey, listener);
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
  }
}
