package io.loadlens.dlms.apdu;

import io.loadlens.dlms.DlmsFramingException;
import io.loadlens.dlms.axdr.AxdrWriter;
import java.util.Map;

/**
 * AARE, the association response (ACSE, Green Book 9.4.2, tag 0x61):
 *
 * <pre>
 *   61 len
 *     A1 09 06 07 60 85 74 05 08 01 ctx          application-context-name
 *     A2 03 02 01 result                         0 accepted, 1 rejected-permanent, 2 rejected-transient
 *     A3 05 A1|A2 03 02 01 diagnostic            acse-service-user (A1) / -provider (A2)
 *     A4 0A 04 08 system-title                   responding-AP-title
 *     88 02 07 80                                responder-acse-requirements
 *     89 07 60 85 74 05 08 02 mech               mechanism-name
 *     AA len 80 len StoC                         responding-authentication-value
 *     BE len 04 len xDLMS-initiate.response      user-information (or confirmed-service-error)
 * </pre>
 */
public record Aare(
    ApplicationContext context,
    int result,
    int diagnosticSource,
    int diagnostic,
    byte[] respondingApTitle,
    AuthenticationMechanism mechanism,
    byte[] authenticationValue,
    byte[] userInformation) {
  public static final int TAG = 0x61;
  public static final int RESULT_ACCEPTED = 0;
  public static final int RESULT_REJECTED_PERMANENT = 1;
  public static final int RESULT_REJECTED_TRANSIENT = 2;

  /** result-source-diagnostic CHOICE: acse-service-user [1]. */
  public static final int SOURCE_USER = 1;

  /** result-source-diagnostic CHOICE: acse-service-provider [2]. */
  public static final int SOURCE_PROVIDER = 2;

  /** acse-service-user diagnostics (Green Book 9.4.2.2.4). */
  public static final int DIAG_NULL = 0;

  public static final int DIAG_NO_REASON = 1;
  public static final int DIAG_CONTEXT_NOT_SUPPORTED = 2;
  public static final int DIAG_MECHANISM_NOT_RECOGNISED = 11;
  public static final int DIAG_MECHANISM_REQUIRED = 12;
  public static final int DIAG_AUTHENTICATION_FAILURE = 13;
  public static final int DIAG_AUTHENTICATION_REQUIRED = 14;

  private static final byte[] CONTEXT_PREFIX = {0x60, (byte) 0x85, 0x74, 0x05, 0x08, 0x01};

  public byte[] encode() {
    AxdrWriter w = new AxdrWriter(128);
    Ber.element(w, 0xA1, Ber.wrap(0x06, context.oid()));
    Ber.element(w, 0xA2, new byte[] {0x02, 0x01, (byte) result});
    Ber.element(
        w,
        0xA3,
        Ber.wrap(
            diagnosticSource == SOURCE_USER ? 0xA1 : 0xA2,
            new byte[] {0x02, 0x01, (byte) diagnostic}));
    if (respondingApTitle != null) {
      Ber.element(w, 0xA4, Ber.wrap(0x04, respondingApTitle));
    }
    if (mechanism != null && mechanism != AuthenticationMechanism.NONE) {
      Ber.element(w, 0x88, new byte[] {0x07, (byte) 0x80});
      Ber.element(w, 0x89, mechanism.oid());
    }
    if (authenticationValue != null) {
      Ber.element(w, 0xAA, Ber.wrap(0x80, authenticationValue));
    }
    if (userInformation != null) {
      Ber.element(w, 0xBE, Ber.wrap(0x04, userInformation));
    }
    return Ber.wrap(TAG, w.toByteArray());
  }

  public static Aare decode(byte[] apdu) {
    Map<Integer, byte[]> e = Ber.elements(apdu, TAG, "AARE");
    byte[] ctx = required(e, 0xA1, "application-context-name");
    ApplicationContext context =
        ApplicationContext.ofId(
            Ber.lastOidArc(
                Ber.inner(ctx, 0x06, "application-context-name"),
                CONTEXT_PREFIX,
                "application-context-name"));
    int result = Ber.integer(required(e, 0xA2, "result"), "result");
    byte[] diag = required(e, 0xA3, "result-source-diagnostic");
    int source = diag.length > 0 ? (diag[0] & 0xFF) : 0;
    if (source != 0xA1 && source != 0xA2) {
      throw new DlmsFramingException(
          "AARE: result-source-diagnostic choice 0x"
              + Integer.toHexString(source)
              + " is not A1 (user) or A2 (provider)");
    }
    int diagnostic = Ber.integer(Ber.inner(diag, source, "result-source-diagnostic"), "diagnostic");
    byte[] title = e.containsKey(0xA4) ? Ber.inner(e.get(0xA4), 0x04, "responding-AP-title") : null;
    AuthenticationMechanism mech = AuthenticationMechanism.NONE;
    if (e.containsKey(0x89)) {
      mech =
          AuthenticationMechanism.ofId(
              Ber.lastOidArc(e.get(0x89), AuthenticationMechanism.OID_PREFIX, "mechanism-name"));
    }
    byte[] auth =
        e.containsKey(0xAA)
            ? Ber.inner(e.get(0xAA), 0x80, "responding-authentication-value")
            : null;
    byte[] user = e.containsKey(0xBE) ? Ber.inner(e.get(0xBE), 0x04, "user-information") : null;
    return new Aare(
        context,
        result,
        source == 0xA1 ? SOURCE_USER : SOURCE_PROVIDER,
        diagnostic,
        title,
        mech,
        auth,
        user);
  }

  private static byte[] required(Map<Integer, byte[]> e, int tag, String name) {
    byte[] v = e.get(tag);
    if (v == null) {
      throw new DlmsFramingException(
          "AARE: " + name + " (0x" + Integer.toHexString(tag) + ") is missing");
    }
    return v;
  }
}
