package io.loadlens.dlms.client;

import io.loadlens.dlms.DlmsAuthenticationException;
import io.loadlens.dlms.DlmsFramingException;
import io.loadlens.dlms.DlmsReplayException;
import io.loadlens.dlms.DlmsServiceException;
import io.loadlens.dlms.apdu.Aare;
import io.loadlens.dlms.apdu.Aarq;
import io.loadlens.dlms.apdu.ActionRequest;
import io.loadlens.dlms.apdu.ActionRequestBlock;
import io.loadlens.dlms.apdu.ActionResponse;
import io.loadlens.dlms.apdu.ActionResponseBlock;
import io.loadlens.dlms.apdu.ApplicationContext;
import io.loadlens.dlms.apdu.AttributeDescriptor;
import io.loadlens.dlms.apdu.AuthenticationMechanism;
import io.loadlens.dlms.apdu.ConfirmedServiceError;
import io.loadlens.dlms.apdu.Conformance;
import io.loadlens.dlms.apdu.DataAccessResult;
import io.loadlens.dlms.apdu.DataBlockSa;
import io.loadlens.dlms.apdu.ExceptionResponse;
import io.loadlens.dlms.apdu.GetRequest;
import io.loadlens.dlms.apdu.GetResponse;
import io.loadlens.dlms.apdu.InitiateRequest;
import io.loadlens.dlms.apdu.InitiateResponse;
import io.loadlens.dlms.apdu.Release;
import io.loadlens.dlms.apdu.SelectiveAccess;
import io.loadlens.dlms.apdu.SetRequest;
import io.loadlens.dlms.apdu.SetRequestBlock;
import io.loadlens.dlms.apdu.SetResponse;
import io.loadlens.dlms.apdu.SetResponseBlock;
import io.loadlens.dlms.axdr.AxdrReader;
import io.loadlens.dlms.axdr.AxdrWriter;
import io.loadlens.dlms.axdr.CosemValue;
import io.loadlens.dlms.security.Ciphering;
import io.loadlens.dlms.security.SecurityControl;
import io.loadlens.dlms.security.SecuritySuite0;
import io.loadlens.model.ObisCode;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * The client side of one association, sans-I/O: it turns requests into APDUs to send and received
 * APDUs into results, keeping the association and security state (invocation counters, system
 * titles, challenges). Not thread-safe: one engine per session.
 */
public final class ClientEngine {
  /** invoke-id-and-priority of every request: invoke-id 1, confirmed, high priority. */
  public static final int INVOKE_ID_AND_PRIORITY = 0xC1;

  /** Association LN method 1 reply_to_HLS_authentication (Blue Book 4.4.4). */
  static final AttributeDescriptor REPLY_TO_HLS =
      new AttributeDescriptor(15, ObisCode.CURRENT_ASSOCIATION, 1);

  private static final int CHALLENGE_LENGTH = 16;

  /** Ciphered APDU around the plain one at most: tag, 3-octet length, SC, IC(4), 12-octet tag. */
  static final int CIPHERING_OVERHEAD = 21;

  private static final int DLMS_VERSION = 6;

  private final ClientSettings settings;
  private final RandomGenerator random;
  private final SecurityControl sc;
  private final byte[] dedicatedKey;
  private final java.util.function.LongConsumer counterListener;
  private long ic;
  private long lastServerIc = -1;
  private byte[] serverSystemTitle = new byte[0];
  private byte[] ctos;
  private byte[] stoc;
  private int serverMaxPdu;
  private int conformance;
  private final int proposedConformance;
  private boolean ciphered;

  public ClientEngine(ClientSettings settings, RandomGenerator random) {
    this(settings, ClientOptions.DEFAULT, random);
  }

  public ClientEngine(ClientSettings settings, ClientOptions options, RandomGenerator random) {
    this.settings = settings;
    this.random = random;
    this.ic = settings.invocationCounter();
    this.sc = options.securityControl();
    this.counterListener = options.invocationCounterListener();
    this.proposedConformance =
        Conformance.CLIENT_PROPOSED
            | (options.gbtWindow() > 0 ? Conformance.GENERAL_BLOCK_TRANSFER : 0);
    if (options.dedicatedKey() && settings.security() == SecurityLevel.HLS_GMAC) {
      dedicatedKey = new byte[16];
      random.nextBytes(dedicatedKey);
    } else {
      dedicatedKey = null;
    }
  }

  /** The AARQ that opens the association. */
  public byte[] aarq() {
    InitiateRequest init =
        new InitiateRequest(dedicatedKey, DLMS_VERSION, proposedConformance, settings.maxPduSize());
    return switch (settings.security()) {
      case NONE ->
          new Aarq(ApplicationContext.LN, null, AuthenticationMechanism.NONE, null, init.encode())
              .encode();
      case LLS ->
          new Aarq(
                  ApplicationContext.LN,
                  null,
                  AuthenticationMechanism.LLS,
                  settings.password(),
                  init.encode())
              .encode();
      case HLS_GMAC -> {
        ctos = new byte[CHALLENGE_LENGTH];
        random.nextBytes(ctos);
        ciphered = true;
        byte[] user = protect(init.encode());
        yield new Aarq(
                ApplicationContext.LN_CIPHERED,
                settings.clientSystemTitle(),
                AuthenticationMechanism.HLS_GMAC,
                ctos,
                user)
            .encode();
      }
    };
  }

  /**
   * Processes the AARE; returns true when HLS pass 3 ({@link #hlsPass3Request()}) must follow.
   *
   * @throws DlmsAuthenticationException when the association is rejected
   * @throws DlmsReplayException when the meter rejected our invocation counter
   */
  public boolean onAare(byte[] apdu) {
    if (apdu.length > 0 && (apdu[0] & 0xFF) == ExceptionResponse.TAG) {
      throw exception(ExceptionResponse.decode(apdu), "AARQ");
    }
    Aare aare = Aare.decode(apdu);
    if (aare.result() != Aare.RESULT_ACCEPTED) {
      rejected(aare);
    }
    byte[] user = aare.userInformation();
    if (user == null) {
      throw new DlmsFramingException("AARE: accepted but user-information is missing");
    }
    if (settings.security() == SecurityLevel.HLS_GMAC) {
      byte[] st = aare.respondingApTitle();
      if (st == null || st.length != SecuritySuite0.SYSTEM_TITLE_LENGTH) {
        throw new DlmsFramingException(
            "AARE: responding-AP-title (server system title) of "
                + (st == null ? "none" : st.length + " octets")
                + ", expected 8");
      }
      serverSystemTitle = st.clone();
      stoc = aare.authenticationValue();
      if (stoc == null || stoc.length < 8 || stoc.length > 64) {
        throw new DlmsAuthenticationException(
            "AARE: server-to-client challenge of "
                + (stoc == null ? "none" : stoc.length + " octets")
                + ", expected 8..64");
      }
    }
    byte[] init = ciphered ? unprotect(user) : user;
    if ((init[0] & 0xFF) == ConfirmedServiceError.TAG) {
      String label = ConfirmedServiceError.decode(init).label();
      throw new DlmsServiceException("AARE: confirmed-service-error " + label, label);
    }
    InitiateResponse resp = InitiateResponse.decode(init);
    serverMaxPdu = resp.maxPduSize();
    conformance = resp.conformance();
    return settings.security() == SecurityLevel.HLS_GMAC;
  }

  private void rejected(Aare aare) {
    byte[] user = aare.userInformation();
    if (user != null && user.length == 3 && (user[0] & 0xFF) == ExceptionResponse.TAG) {
      throw exception(ExceptionResponse.decode(user), "AARQ");
    }
    String detail = "";
    if (user != null && user.length == 4 && (user[0] & 0xFF) == ConfirmedServiceError.TAG) {
      detail = ", confirmed-service-error " + ConfirmedServiceError.decode(user).label();
    }
    throw new DlmsAuthenticationException(
        "association rejected: AARE result "
            + aare.result()
            + ", diagnostic "
            + (aare.diagnosticSource() == Aare.SOURCE_USER ? "acse-service-user " : "provider ")
            + aare.diagnostic()
            + detail
            + " ("
            + settings.security()
            + ")");
  }

  /** HLS pass 3: reply_to_HLS_authentication with f(StoC) = SC ‖ IC ‖ GMAC tag. */
  public byte[] hlsPass3Request() {
    long tagIc = nextIc();
    byte[] tag =
        SecuritySuite0.gmac(
            settings.clientSystemTitle(), tagIc, settings.ek(), settings.ak(), stoc);
    byte[] f =
        new AxdrWriter(17).u8(SecurityControl.AUTHENTICATION).u32(tagIc).bytes(tag).toByteArray();
    return protect(
        new ActionRequest(INVOKE_ID_AND_PRIORITY, REPLY_TO_HLS, CosemValue.Bytes.octetString(f))
            .encode());
  }

  /** HLS pass 4: checks the server's f(CtoS). */
  public void onHlsPass4Response(byte[] apdu) {
    ActionResponse resp;
    try {
      resp = ActionResponse.decode(unprotect(apdu));
    } catch (DlmsServiceException e) {
      throw new DlmsAuthenticationException(
          "HLS pass 3 refused by the meter: " + e.getMessage(), e);
    }
    if (resp.result() != DataAccessResult.SUCCESS
        || resp.returnParameters() == null
        || !resp.returnParameters().isSuccess()) {
      throw new DlmsAuthenticationException(
          "HLS pass 3 refused: action-result "
              + resp.result().label()
              + (resp.returnParameters() == null ? ", no f(CtoS)" : ""));
    }
    CosemValue v = new AxdrReader(resp.returnParameters().data()).value();
    if (!(v instanceof CosemValue.Bytes b) || b.length() != 17 || b.value()[0] != 0x10) {
      throw new DlmsAuthenticationException(
          "HLS pass 4: f(CtoS) is " + v + ", expected octet-string SC 0x10 ‖ IC ‖ 12-octet tag");
    }
    byte[] f = b.value();
    long serverIc = new AxdrReader(f, 1, 4).u32("f(CtoS) invocation counter");
    byte[] expected =
        SecuritySuite0.gmac(serverSystemTitle, serverIc, settings.ek(), settings.ak(), ctos);
    if (!java.security.MessageDigest.isEqual(expected, Arrays.copyOfRange(f, 5, 17))) {
      throw new DlmsAuthenticationException(
          "HLS pass 4: server's GMAC of the client challenge does not verify (invocation counter "
              + serverIc
              + ")");
    }
  }

  public byte[] getRequest(AttributeDescriptor attribute, SelectiveAccess access) {
    return protect(new GetRequest.Normal(INVOKE_ID_AND_PRIORITY, attribute, access).encode());
  }

  public byte[] getWithListRequest(java.util.List<AttributeDescriptor> attributes) {
    java.util.List<SelectiveAccess> none = new java.util.ArrayList<>();
    attributes.forEach(a -> none.add(null));
    return protect(new GetRequest.WithList(INVOKE_ID_AND_PRIORITY, attributes, none).encode());
  }

  public byte[] getNextRequest(long blockNumber) {
    return protect(new GetRequest.Next(INVOKE_ID_AND_PRIORITY, blockNumber).encode());
  }

  public GetResponse onGetResponse(byte[] apdu) {
    GetResponse r = GetRequestCodecs.decodeResponse(unprotect(apdu));
    checkInvoke(r.invokeIdAndPriority(), "get-response");
    return r;
  }

  public byte[] setRequest(AttributeDescriptor attribute, CosemValue value) {
    return protect(new SetRequest(INVOKE_ID_AND_PRIORITY, attribute, null, value).encode());
  }

  public SetResponse onSetResponse(byte[] apdu) {
    SetResponse r = SetResponse.decode(unprotect(apdu));
    checkInvoke(r.invokeIdAndPriority(), "set-response");
    return r;
  }

  public byte[] actionRequest(AttributeDescriptor method, CosemValue parameters) {
    return protect(new ActionRequest(INVOKE_ID_AND_PRIORITY, method, parameters).encode());
  }

  public ActionResponse onActionResponse(byte[] apdu) {
    ActionResponse r = ActionResponse.decode(unprotect(apdu));
    checkInvoke(r.invokeIdAndPriority(), "action-response");
    return r;
  }

  /** set-request-with-first-datablock (with {@code attribute}) or -with-datablock (null). */
  public byte[] setRequestBlock(AttributeDescriptor attribute, DataBlockSa block) {
    return protect(new SetRequestBlock(INVOKE_ID_AND_PRIORITY, attribute, null, block).encode());
  }

  /**
   * The answer to a SET block: set-response-datablock (result null) or set-response-last-datablock;
   * a set-response-normal (a meter ending the transfer early) comes back as a last answer with
   * block-number 0.
   */
  public SetResponseBlock onSetBlockResponse(byte[] apdu) {
    byte[] plain = unprotect(apdu);
    if (plain.length > 1 && plain[1] == 1) {
      SetResponse r = SetResponse.decode(plain);
      checkInvoke(r.invokeIdAndPriority(), "set-response");
      return new SetResponseBlock(r.invokeIdAndPriority(), r.result(), 0);
    }
    SetResponseBlock r = SetResponseBlock.decode(plain);
    checkInvoke(r.invokeIdAndPriority(), "set-response");
    return r;
  }

  /** action-request-with-first-pblock (with {@code method}) or -with-pblock (null). */
  public byte[] actionRequestBlock(AttributeDescriptor method, DataBlockSa pblock) {
    return protect(new ActionRequestBlock(INVOKE_ID_AND_PRIORITY, method, pblock, 0).encode());
  }

  /**
   * The answer to an ACTION pblock: action-response-next-pblock (the block acknowledged) or, at the
   * end or on an error, action-response-normal; exactly one of the two is set.
   */
  public ActionAnswer onActionBlockResponse(byte[] apdu) {
    byte[] plain = unprotect(apdu);
    if (plain.length > 1 && plain[1] == 1) {
      ActionResponse r = ActionResponse.decode(plain);
      checkInvoke(r.invokeIdAndPriority(), "action-response");
      return new ActionAnswer(r, null);
    }
    ActionResponseBlock r = ActionResponseBlock.decode(plain);
    checkInvoke(r.invokeIdAndPriority(), "action-response");
    return new ActionAnswer(null, r);
  }

  /** An answer during ACTION block transfer: the final response or a block acknowledgement. */
  public record ActionAnswer(ActionResponse response, ActionResponseBlock block) {}

  /**
   * The largest plain xDLMS APDU the meter accepts in one piece: its server-max-receive-pdu-size
   * less the ciphering around the APDU (tag, length, security control, counter, GCM tag).
   */
  public int maxPlainApdu() {
    return serverMaxPdu - (ciphered ? CIPHERING_OVERHEAD : 0);
  }

  /** The conformance block the meter granted in its InitiateResponse. */
  public int negotiatedConformance() {
    return conformance;
  }

  public byte[] releaseRequest() {
    return Release.request();
  }

  /** The next invocation counter the client will use. */
  public long invocationCounter() {
    return ic;
  }

  public byte[] serverSystemTitle() {
    return serverSystemTitle.clone();
  }

  /** server-max-receive-pdu-size from the AARE. */
  public int serverMaxPduSize() {
    return serverMaxPdu;
  }

  private void checkInvoke(int invoke, String what) {
    if ((invoke & 0x0F) != (INVOKE_ID_AND_PRIORITY & 0x0F)) {
      throw new DlmsServiceException(
          what
              + ": invoke-id "
              + (invoke & 0x0F)
              + " != request's "
              + (INVOKE_ID_AND_PRIORITY & 0x0F),
          "invoke-id-mismatch");
    }
  }

  private long nextIc() {
    if (ic > 0xFFFF_FFFFL) {
      throw new DlmsAuthenticationException(
          "invocation counter exhausted (2^32 used): the meter needs new keys");
    }
    long used = ic++;
    if (counterListener != null) {
      counterListener.accept(ic);
    }
    return used;
  }

  /** Ciphers an xDLMS APDU with glo- ciphering when the association is ciphered. */
  byte[] protect(byte[] plain) {
    if (!ciphered) {
      return plain;
    }
    int plainTag = plain[0] & 0xFF;
    boolean ded = dedicatedKey != null && Ciphering.dedTag(plainTag) >= 0;
    int tag = ded ? Ciphering.dedTag(plainTag) : Ciphering.gloTag(plainTag);
    long counter = nextIc();
    // the glo-initiate-request is always protected with authentication and encryption
    SecurityControl use = plainTag == InitiateRequest.TAG ? SecurityControl.AUTH_ENC : sc;
    byte[] info =
        SecuritySuite0.protect(
            use,
            settings.clientSystemTitle(),
            counter,
            ded ? dedicatedKey : settings.ek(),
            settings.ak(),
            plain);
    return Ciphering.encode(tag, use, counter, info);
  }

  /** Deciphers a received APDU, checking the server's invocation counter for replay. */
  byte[] unprotect(byte[] apdu) {
    if (apdu.length == 0) {
      throw new DlmsFramingException("received an empty APDU");
    }
    int tag = apdu[0] & 0xFF;
    if (tag == ExceptionResponse.TAG) {
      throw exception(ExceptionResponse.decode(apdu), "request");
    }
    if (!Ciphering.isCiphered(tag)) {
      if (ciphered) {
        throw new DlmsAuthenticationException(
            "received an unciphered APDU (tag 0x"
                + Integer.toHexString(tag)
                + ") in a ciphered association");
      }
      return apdu;
    }
    if (!ciphered) {
      throw new DlmsFramingException(
          "received a ciphered APDU (tag 0x"
              + Integer.toHexString(tag)
              + ") in an unciphered association");
    }
    Ciphering.Ciphered c = Ciphering.decode(apdu);
    byte[] st = c.systemTitle() != null ? c.systemTitle() : serverSystemTitle;
    if (c.ic() <= lastServerIc) {
      throw new DlmsReplayException(
          "server invocation counter "
              + c.ic()
              + " is not greater than the last accepted "
              + lastServerIc);
    }
    boolean ded = c.tag() >= 0xD0 && c.tag() <= 0xD7;
    if (ded && dedicatedKey == null) {
      throw new DlmsFramingException(
          "received ded-ciphered APDU (tag 0x"
              + Integer.toHexString(c.tag())
              + ") but no dedicated key was agreed");
    }
    byte[] plain =
        SecuritySuite0.unprotect(
            c.sc(),
            st,
            c.ic(),
            ded ? dedicatedKey : settings.ek(),
            settings.ak(),
            c.info(),
            0,
            c.info().length);
    lastServerIc = c.ic();
    if (plain.length > 0 && (plain[0] & 0xFF) == ExceptionResponse.TAG) {
      throw exception(ExceptionResponse.decode(plain), "request");
    }
    return plain;
  }

  static RuntimeException exception(ExceptionResponse e, String what) {
    if (e.serviceError() == ExceptionResponse.SERVICE_INVOCATION_COUNTER_ERROR) {
      return new DlmsReplayException(
          "meter rejected the "
              + what
              + "'s invocation counter as replayed or stale: "
              + e.label());
    }
    if (e.serviceError() == ExceptionResponse.SERVICE_DECIPHERING_ERROR) {
      return new DlmsAuthenticationException(
          "meter could not decipher the " + what + " (wrong key?): " + e.label());
    }
    return new DlmsServiceException(
        "meter answered the " + what + " with exception-response " + e.label(), e.label());
  }
}
