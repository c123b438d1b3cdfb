package io.loadlens.dlms.server;

import io.loadlens.dlms.DlmsAuthenticationException;
import io.loadlens.dlms.DlmsException;
import io.loadlens.dlms.apdu.Aare;
import io.loadlens.dlms.apdu.Aarq;
import io.loadlens.dlms.apdu.ActionRequest;
import io.loadlens.dlms.apdu.ActionResponse;
import io.loadlens.dlms.apdu.ApplicationContext;
import io.loadlens.dlms.apdu.AuthenticationMechanism;
import io.loadlens.dlms.apdu.Conformance;
import io.loadlens.dlms.apdu.DataAccessResult;
import io.loadlens.dlms.apdu.ExceptionResponse;
import io.loadlens.dlms.apdu.GetDataResult;
import io.loadlens.dlms.apdu.InitiateRequest;
import io.loadlens.dlms.apdu.InitiateResponse;
import io.loadlens.dlms.axdr.AxdrReader;
import io.loadlens.dlms.axdr.AxdrWriter;
import io.loadlens.dlms.axdr.CosemValue;
import io.loadlens.dlms.client.SecurityLevel;
import io.loadlens.dlms.security.Ciphering;
import io.loadlens.dlms.security.SecurityControl;
import io.loadlens.dlms.security.SecuritySuite0;
import java.security.MessageDigest;
import java.security.SecureRandom;

/**
 * The server side of one association: AARQ → AARE (no security, LLS, HLS-GMAC), HLS pass 3/4, and
 * suite 0 ciphering of xDLMS APDUs with replay protection.
 */
final class ServerAssociation {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int DLMS_VERSION = 6;

  private final MeterServerConfig cfg;
  private final ServerCounters counters;

  /** The public client's SAP (Green Book: 16), which associates with the lowest security. */
  static final int PUBLIC_CLIENT = 16;

  private boolean associated;
  private boolean publicClient;
  private boolean authenticated;
  private boolean ciphered;
  private byte[] clientSystemTitle;
  private byte[] ctos;
  private byte[] stoc;
  private int clientMaxPdu;
  private int conformance;
  private SecurityControl replySc = SecurityControl.AUTH_ENC;
  private byte[] dedicatedKey;
  private boolean replyDed;

  ServerAssociation(MeterServerConfig cfg, ServerCounters counters) {
    this.cfg = cfg;
    this.counters = counters;
  }

  boolean associated() {
    return associated;
  }

  boolean authenticated() {
    return authenticated;
  }

  /** True in the public client's association: reads of the public objects only. */
  boolean publicClient() {
    return publicClient;
  }

  boolean ciphered() {
    return ciphered;
  }

  int clientMaxPdu() {
    return clientMaxPdu;
  }

  /** The negotiated conformance block. */
  int conformance() {
    return conformance;
  }

  void release() {
    associated = false;
    publicClient = false;
    authenticated = false;
    ciphered = false;
  }

  /**
   * An AARQ from the client at {@code clientSap} (-1 when the framing does not say): the public
   * client (SAP {@value #PUBLIC_CLIENT}) associates without security whatever the meter's level,
   * for the public objects only; every other client at the meter's level.
   */
  byte[] onAarq(byte[] apdu, int clientSap) {
    release();
    Aarq aarq;
    try {
      aarq = Aarq.decode(apdu);
    } catch (DlmsException e) {
      return reject(ApplicationContext.LN, Aare.DIAG_NO_REASON, null);
    }
    // the public client associates at the lowest level whatever the meter's
    boolean asPublic =
        clientSap == PUBLIC_CLIENT
            && aarq.context() == ApplicationContext.LN
            && aarq.mechanism() == AuthenticationMechanism.NONE;
    SecurityLevel level = asPublic ? SecurityLevel.NONE : cfg.security();
    ApplicationContext expectedCtx =
        level == SecurityLevel.HLS_GMAC ? ApplicationContext.LN_CIPHERED : ApplicationContext.LN;
    if (aarq.context() != expectedCtx) {
      return reject(expectedCtx, Aare.DIAG_CONTEXT_NOT_SUPPORTED, null);
    }
    AuthenticationMechanism expectedMech =
        switch (level) {
          case NONE -> AuthenticationMechanism.NONE;
          case LLS -> AuthenticationMechanism.LLS;
          case HLS_GMAC -> AuthenticationMechanism.HLS_GMAC;
        };
    if (aarq.mechanism() != expectedMech) {
      int diag =
          aarq.mechanism() == AuthenticationMechanism.NONE
              ? Aare.DIAG_MECHANISM_REQUIRED
              : Aare.DIAG_MECHANISM_NOT_RECOGNISED;
      return reject(expectedCtx, diag, null);
    }
    if (level == SecurityLevel.LLS
        && (aarq.authenticationValue() == null
            || !MessageDigest.isEqual(aarq.authenticationValue(), cfg.password()))) {
      return reject(expectedCtx, Aare.DIAG_AUTHENTICATION_FAILURE, null);
    }
    byte[] user = aarq.userInformation();
    if (user == null) {
      return reject(expectedCtx, Aare.DIAG_NO_REASON, null);
    }
    if (level == SecurityLevel.HLS_GMAC) {
      byte[] title = aarq.callingApTitle();
      byte[] challenge = aarq.authenticationValue();
      if (title == null
          || title.length != 8
          || challenge == null
          || challenge.length < 8
          || challenge.length > 64) {
        return reject(expectedCtx, Aare.DIAG_AUTHENTICATION_FAILURE, null);
      }
      clientSystemTitle = title.clone();
      ctos = challenge.clone();
      ciphered = true;
      try {
        user = unprotect(user);
      } catch (ReplayedCounter e) {
        ciphered = false;
        return reject(expectedCtx, Aare.DIAG_AUTHENTICATION_FAILURE, e.response);
      } catch (DlmsException e) {
        ciphered = false;
        return reject(expectedCtx, Aare.DIAG_AUTHENTICATION_FAILURE, null);
      }
    }
    InitiateRequest init;
    try {
      init = InitiateRequest.decode(user);
    } catch (DlmsException e) {
      ciphered = false;
      return reject(expectedCtx, Aare.DIAG_NO_REASON, null);
    }
    if (init.dlmsVersion() < DLMS_VERSION) {
      ciphered = false;
      // confirmedServiceError: initiateError [1], service-error initiate [6], dlms-version-too-low
      return reject(expectedCtx, Aare.DIAG_NO_REASON, new byte[] {0x0E, 0x01, 0x06, 0x01});
    }
    clientMaxPdu = init.maxPduSize();
    dedicatedKey = init.dedicatedKey();
    int supported =
        Conformance.SERVER_SUPPORTED
            | (cfg.gbtWindow() > 0 ? Conformance.GENERAL_BLOCK_TRANSFER : 0);
    conformance = init.conformance() & supported;
    InitiateResponse resp =
        new InitiateResponse(DLMS_VERSION, conformance, cfg.maxPduSize(), InitiateResponse.VAA_LN);
    associated = true;
    publicClient = asPublic && cfg.security() != SecurityLevel.NONE;
    if (level != SecurityLevel.HLS_GMAC) {
      authenticated = true;
      return new Aare(
              expectedCtx,
              Aare.RESULT_ACCEPTED,
              Aare.SOURCE_USER,
              Aare.DIAG_NULL,
              null,
              level == SecurityLevel.LLS ? AuthenticationMechanism.LLS : null,
              null,
              resp.encode())
          .encode();
    }
    stoc = new byte[16];
    RANDOM.nextBytes(stoc);
    return new Aare(
            expectedCtx,
            Aare.RESULT_ACCEPTED,
            Aare.SOURCE_USER,
            Aare.DIAG_AUTHENTICATION_REQUIRED,
            cfg.serverSystemTitle(),
            AuthenticationMechanism.HLS_GMAC,
            stoc,
            protect(resp.encode()))
        .encode();
  }

  private static byte[] reject(ApplicationContext ctx, int diagnostic, byte[] user) {
    return new Aare(
            ctx,
            Aare.RESULT_REJECTED_PERMANENT,
            Aare.SOURCE_USER,
            diagnostic,
            null,
            null,
            null,
            user)
        .encode();
  }

  /** HLS pass 3 (reply_to_HLS_authentication) → pass 4. */
  byte[] onReplyToHls(ActionRequest req) {
    if (cfg.security() != SecurityLevel.HLS_GMAC || authenticated) {
      return new ActionResponse(req.invokeIdAndPriority(), DataAccessResult.READ_WRITE_DENIED, null)
          .encode();
    }
    if (!(req.parameters() instanceof CosemValue.Bytes b)
        || b.length() != 17
        || b.value()[0] != SecurityControl.AUTHENTICATION) {
      return new ActionResponse(req.invokeIdAndPriority(), DataAccessResult.TYPE_UNMATCHED, null)
          .encode();
    }
    byte[] f = b.value();
    long ic = new AxdrReader(f, 1, 4).u32("f(StoC) invocation counter");
    byte[] expected = SecuritySuite0.gmac(clientSystemTitle, ic, cfg.ek(), cfg.ak(), stoc);
    // f(StoC) travels inside a replay-checked ciphered APDU; only its tag is verified here
    boolean ok = MessageDigest.isEqual(expected, java.util.Arrays.copyOfRange(f, 5, 17));
    if (!ok) {
      return new ActionResponse(req.invokeIdAndPriority(), DataAccessResult.READ_WRITE_DENIED, null)
          .encode();
    }
    authenticated = true;
    long sic = counters.nextOutgoing();
    byte[] tag = SecuritySuite0.gmac(cfg.serverSystemTitle(), sic, cfg.ek(), cfg.ak(), ctos);
    byte[] fc =
        new AxdrWriter(17).u8(SecurityControl.AUTHENTICATION).u32(sic).bytes(tag).toByteArray();
    byte[] data = new AxdrWriter(20).octetString(fc).toByteArray();
    return new ActionResponse(
            req.invokeIdAndPriority(), DataAccessResult.SUCCESS, GetDataResult.ofData(data))
        .encode();
  }

  /** Thrown when a received invocation counter is not fresh; carries the exception-response. */
  static final class ReplayedCounter extends DlmsAuthenticationException {
    private static final long serialVersionUID = 1L;
    final byte[] response;

    ReplayedCounter(long ic, long last) {
      super("invocation counter " + ic + " is not greater than the last accepted " + last);
      this.response =
          new ExceptionResponse(
                  ExceptionResponse.STATE_SERVICE_NOT_ALLOWED,
                  ExceptionResponse.SERVICE_INVOCATION_COUNTER_ERROR)
              .encode();
    }
  }

  /** Deciphers a received ciphered APDU (replay-checked); remembers its SC for the reply. */
  byte[] unprotect(byte[] apdu) {
    Ciphering.Ciphered c = Ciphering.decode(apdu);
    if (!counters.isFresh(c.ic())) {
      throw new ReplayedCounter(c.ic(), counters.lastAccepted());
    }
    byte[] st = c.systemTitle() != null ? c.systemTitle() : clientSystemTitle;
    boolean ded = c.tag() >= 0xD0 && c.tag() <= 0xD7;
    if (ded && dedicatedKey == null) {
      throw new io.loadlens.dlms.DlmsFramingException(
          "ded-ciphered APDU but the InitiateRequest carried no dedicated key");
    }
    byte[] plain =
        SecuritySuite0.unprotect(
            c.sc(),
            st,
            c.ic(),
            ded ? dedicatedKey : cfg.ek(),
            cfg.ak(),
            c.info(),
            0,
            c.info().length);
    if (!counters.accept(c.ic())) {
      throw new ReplayedCounter(c.ic(), counters.lastAccepted());
    }
    replySc = c.sc();
    replyDed = ded;
    return plain;
  }

  byte[] protect(byte[] plain) {
    if (!ciphered) {
      return plain;
    }
    long ic = counters.nextOutgoing();
    int plainTag = plain[0] & 0xFF;
    boolean ded = replyDed && Ciphering.dedTag(plainTag) >= 0;
    // the glo-initiate-response is always authenticated and encrypted
    SecurityControl use = plainTag == InitiateResponse.TAG ? SecurityControl.AUTH_ENC : replySc;
    byte[] info =
        SecuritySuite0.protect(
            use, cfg.serverSystemTitle(), ic, ded ? dedicatedKey : cfg.ek(), cfg.ak(), plain);
    int tag = ded ? Ciphering.dedTag(plainTag) : Ciphering.gloTag(plainTag);
    return Ciphering.encode(tag, use, ic, info);
  }
}
