package io.loadlens.dlms.apdu;

import io.loadlens.dlms.DlmsFramingException;
import io.loadlens.dlms.axdr.AxdrWriter;
import java.util.Map;

/**
 * AARQ, the association request (ACSE, Green Book 9.4.2, tag 0x60):
 *
 * <pre>
 *   60 len
 *     A1 09 06 07 60 85 74 05 08 01 ctx          application-context-name
 *     A6 0A 04 08 system-title                   calling-AP-title (ciphered contexts)
 *     8A 02 07 80                                sender-acse-requirements (authentication)
 *     8B 07 60 85 74 05 08 02 mech               mechanism-name
 *     AC len 80 len value                        calling-authentication-value (password / CtoS)
 *     BE len 04 len xDLMS-initiate.request       user-information
 * </pre>
 *
 * @param callingApTitle client system title, or null
 * @param authenticationValue LLS password or HLS client-to-server challenge, or null
 * @param userInformation the (possibly ciphered) InitiateRequest APDU
 */
public record Aarq(
    ApplicationContext context,
    byte[] callingApTitle,
    AuthenticationMechanism mechanism,
    byte[] authenticationValue,
    byte[] userInformation) {
  public static final int TAG = 0x60;
  private static final byte[] CONTEXT_PREFIX = {0x60, (byte) 0x85, 0x74, 0x05, 0x08, 0x01};

  public byte[] encode() {
    AxdrWriter w = new AxdrWriter(128);
    Ber.element(w, 0xA1, Ber.wrap(0x06, context.oid()));
    if (callingApTitle != null) {
      Ber.element(w, 0xA6, Ber.wrap(0x04, callingApTitle));
    }
    if (mechanism != AuthenticationMechanism.NONE) {
      Ber.element(w, 0x8A, new byte[] {0x07, (byte) 0x80});
      Ber.element(w, 0x8B, mechanism.oid());
    }
    if (authenticationValue != null) {
      Ber.element(w, 0xAC, Ber.wrap(0x80, authenticationValue));
    }
    if (userInformation != null) {
      Ber.element(w, 0xBE, Ber.wrap(0x04, userInformation));
    }
    byte[] body = w.toByteArray();
    return Ber.wrap(TAG, body);
  }

  public static Aarq decode(byte[] apdu) {
    Map<Integer, byte[]> e = Ber.elements(apdu, TAG, "AARQ");
    byte[] ctx = e.get(0xA1);
    if (ctx == null) {
      throw new DlmsFramingException("AARQ: application-context-name (A1) is missing");
    }
    ApplicationContext context =
        ApplicationContext.ofId(
            Ber.lastOidArc(
                Ber.inner(ctx, 0x06, "application-context-name"),
                CONTEXT_PREFIX,
                "application-context-name"));
    byte[] title = e.containsKey(0xA6) ? Ber.inner(e.get(0xA6), 0x04, "calling-AP-title") : null;
    AuthenticationMechanism mech = AuthenticationMechanism.NONE;
    if (e.containsKey(0x8B)) {
      mech =
          AuthenticationMechanism.ofId(
              Ber.lastOidArc(e.get(0x8B), AuthenticationMechanism.OID_PREFIX, "mechanism-name"));
    }
    byte[] auth =
        e.containsKey(0xAC) ? Ber.inner(e.get(0xAC), 0x80, "calling-authentication-value") : null;
    byte[] user = e.containsKey(0xBE) ? Ber.inner(e.get(0xBE), 0x04, "user-information") : null;
    return new Aarq(context, title, mech, auth, user);
  }
}
