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
 */
public record ClientOptions(SecurityControl securityControl, boolean dedicatedKey) {
  public static final ClientOptions DEFAULT = new ClientOptions(SecurityControl.AUTH_ENC, false);

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
