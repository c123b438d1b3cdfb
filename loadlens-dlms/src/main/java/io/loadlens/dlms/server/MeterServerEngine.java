package io.loadlens.dlms.server;

import io.loadlens.dlms.DlmsAuthenticationException;
import io.loadlens.dlms.DlmsException;
import io.loadlens.dlms.apdu.ActionRequest;
import io.loadlens.dlms.apdu.ActionRequestBlock;
import io.loadlens.dlms.apdu.ActionResponse;
import io.loadlens.dlms.apdu.Conformance;
import io.loadlens.dlms.apdu.DataAccessResult;
import io.loadlens.dlms.apdu.ExceptionResponse;
import io.loadlens.dlms.apdu.GeneralBlockTransfer;
import io.loadlens.dlms.apdu.GetDataResult;
import io.loadlens.dlms.apdu.GetRequest;
import io.loadlens.dlms.apdu.Release;
import io.loadlens.dlms.apdu.SetRequest;
import io.loadlens.dlms.apdu.SetRequestBlock;
import io.loadlens.dlms.apdu.SetResponse;
import io.loadlens.dlms.apdu.SetResponseBlock;
import io.loadlens.dlms.axdr.AxdrWriter;
import io.loadlens.dlms.client.Framing;
import io.loadlens.dlms.client.SecurityLevel;
import io.loadlens.dlms.security.Ciphering;
import io.loadlens.model.ObisCode;
import java.util.List;

/**
 * A meter's DLMS/COSEM server for one connection, sans-I/O: bytes in, bytes out. Built from a
 * {@link MeterDataSource} and a {@link MeterServerConfig}; the invocation counters are shared by
 * all connections of one meter through {@link ServerCounters}. Unknown objects and attributes are
 * answered with the proper data-access-result; undecodable APDUs with an exception-response. Not
 * thread-safe: one engine per connection.
 */
public final class MeterServerEngine {
  private final MeterServerConfig cfg;
  private final ServerAssociation association;
  private final GetService gets;
  private final WriteService writes;
  private final GbtService gbt;
  private final FrameCodec framing;
  private boolean insideGbt;
  private boolean released;

  public MeterServerEngine(MeterDataSource data, MeterServerConfig cfg) {
    this(data, cfg, new ServerCounters());
  }

  public MeterServerEngine(MeterDataSource data, MeterServerConfig cfg, ServerCounters counters) {
    this.cfg = cfg;
    this.association = new ServerAssociation(cfg, counters);
    this.gets =
        new GetService(
            new ServerObjects(
                data,
                16,
                cfg.serverLogicalAddress(),
                cfg.security() == SecurityLevel.HLS_GMAC ? counters : null));
    this.writes = new WriteService(gets);
    this.gbt = new GbtService(Math.max(1, cfg.gbtWindow()));
    this.framing =
        cfg.framing() == Framing.WRAPPER
            ? new WrapperServerCodec(cfg.serverLogicalAddress())
            : new HdlcServerCodec(cfg);
  }

  /** Feeds received bytes; returns the bytes to send (possibly none). */
  public byte[] onBytes(byte[] data, int off, int len) {
    return framing.onBytes(data, off, len, this::handle);
  }

  /**
   * Handles one APDU; returns the APDUs to send in order (none, one, or a window of
   * general-block-transfer blocks).
   */
  public List<byte[]> handle(byte[] apdu) {
    if (apdu.length == 0 || (apdu[0] & 0xFF) != GeneralBlockTransfer.TAG) {
      byte[] reply = handleApdu(apdu);
      return reply == null ? List.of() : List.of(reply);
    }
    if (!association.associated()
        || (association.conformance() & Conformance.GENERAL_BLOCK_TRANSFER) == 0) {
      return List.of(
          exception(
              ExceptionResponse.STATE_SERVICE_UNKNOWN, ExceptionResponse.SERVICE_NOT_SUPPORTED));
    }
    GeneralBlockTransfer block;
    try {
      block = GeneralBlockTransfer.decode(apdu);
      int blockSize =
          Math.max(16, Math.min(cfg.maxPduSize(), association.clientMaxPdu()))
              - GeneralBlockTransfer.OVERHEAD;
      return gbt.onBlock(block, this::handleInsideGbt, blockSize);
    } catch (DlmsException e) {
      gbt.reset();
      return List.of(
          exception(
              ExceptionResponse.STATE_SERVICE_UNKNOWN, ExceptionResponse.SERVICE_OTHER_REASON));
    }
  }

  /** A request that came in GBT blocks: its response is not cut into service blocks. */
  private byte[] handleInsideGbt(byte[] apdu) {
    insideGbt = true;
    try {
      return handleApdu(apdu);
    } finally {
      insideGbt = false;
    }
  }

  /** True once the client released the association (or the link was disconnected). */
  public boolean released() {
    return released || framing.disconnected();
  }

  /** Handles one APDU; returns the response APDU, or null for none. */
  public byte[] handleApdu(byte[] apdu) {
    if (apdu.length == 0) {
      return exception(
          ExceptionResponse.STATE_SERVICE_UNKNOWN, ExceptionResponse.SERVICE_OTHER_REASON);
    }
    int tag = apdu[0] & 0xFF;
    if (tag == 0x60) {
      released = false;
      gets.reset();
      writes.reset();
      gbt.reset();
      return association.onAarq(apdu, framing.clientAddress());
    }
    if (tag == Release.RLRQ_TAG) {
      association.release();
      released = true;
      return Release.response();
    }
    if (!association.associated()) {
      return exception(
          ExceptionResponse.STATE_SERVICE_NOT_ALLOWED,
          ExceptionResponse.SERVICE_OPERATION_NOT_POSSIBLE);
    }
    byte[] plain;
    if (Ciphering.isCiphered(tag)) {
      if (!association.ciphered()) {
        return exception(
            ExceptionResponse.STATE_SERVICE_NOT_ALLOWED,
            ExceptionResponse.SERVICE_DECIPHERING_ERROR);
      }
      try {
        plain = association.unprotect(apdu);
      } catch (ServerAssociation.ReplayedCounter e) {
        return e.response;
      } catch (DlmsAuthenticationException e) {
        return exception(
            ExceptionResponse.STATE_SERVICE_NOT_ALLOWED,
            ExceptionResponse.SERVICE_DECIPHERING_ERROR);
      } catch (DlmsException e) {
        return exception(
            ExceptionResponse.STATE_SERVICE_UNKNOWN, ExceptionResponse.SERVICE_OTHER_REASON);
      }
    } else if (association.ciphered()) {
      return exception(
          ExceptionResponse.STATE_SERVICE_NOT_ALLOWED, ExceptionResponse.SERVICE_DECIPHERING_ERROR);
    } else {
      plain = apdu;
    }
    byte[] reply;
    try {
      reply = dispatch(plain);
    } catch (DlmsException e) {
      reply =
          exception(
              ExceptionResponse.STATE_SERVICE_UNKNOWN, ExceptionResponse.SERVICE_OTHER_REASON);
    }
    return reply[0] == (byte) ExceptionResponse.TAG ? reply : association.protect(reply);
  }

  private byte[] dispatch(byte[] plain) {
    int tag = plain[0] & 0xFF;
    int limit =
        insideGbt
            ? Integer.MAX_VALUE / 2
            : Math.max(64, Math.min(cfg.maxPduSize(), association.clientMaxPdu()));
    if (association.publicClient()) {
      return tag == GetRequest.TAG
          ? publicGet(GetRequest.decode(plain), limit - blockOverhead())
          : exception(
              ExceptionResponse.STATE_SERVICE_NOT_ALLOWED,
              ExceptionResponse.SERVICE_OPERATION_NOT_POSSIBLE);
    }
    int choice = plain.length > 1 ? plain[1] & 0xFF : 0;
    return switch (tag) {
      case GetRequest.TAG ->
          association.authenticated()
              ? gets.handle(GetRequest.decode(plain), limit - blockOverhead())
              : gets.denied(GetRequest.decode(plain));
      case ActionRequest.TAG ->
          choice == 1
              ? action(ActionRequest.decode(plain))
              : writes.actionBlock(ActionRequestBlock.decode(plain), this::action);
      case SetRequest.TAG ->
          choice == 1 ? set(SetRequest.decode(plain)) : setBlock(SetRequestBlock.decode(plain));
      default ->
          exception(
              ExceptionResponse.STATE_SERVICE_UNKNOWN, ExceptionResponse.SERVICE_NOT_SUPPORTED);
    };
  }

  /**
   * What the public client may read (Blue Book: the public client's association has the lowest
   * security and sees the objects a client needs to start): the clock, the logical device name, the
   * current association and the invocation counter. Every other object is read-write denied.
   */
  private static final java.util.Set<ObisCode> PUBLIC_OBJECTS =
      java.util.Set.of(
          ObisCode.CLOCK,
          ObisCode.DEVICE_ID_1,
          ObisCode.CURRENT_ASSOCIATION,
          ObisCode.INVOCATION_COUNTER);

  private byte[] publicGet(GetRequest req, int maxRaw) {
    return req instanceof GetRequest.Normal n && PUBLIC_OBJECTS.contains(n.attribute().obis())
        ? gets.handle(req, maxRaw)
        : gets.denied(req);
  }

  /** Octets a block response adds around its raw data: header 9, length 5, ciphering 22. */
  private int blockOverhead() {
    return association.ciphered() ? 40 : 16;
  }

  private byte[] action(ActionRequest req) {
    if (req.method().classId() == 15
        && req.method().obis().equals(ObisCode.CURRENT_ASSOCIATION)
        && req.method().attribute() == 1) {
      return association.onReplyToHls(req);
    }
    if (!association.authenticated()) {
      return new ActionResponse(req.invokeIdAndPriority(), DataAccessResult.READ_WRITE_DENIED, null)
          .encode();
    }
    if (gets.serves(req.method())) {
      return new ActionResponse(
              req.invokeIdAndPriority(), DataAccessResult.OBJECT_UNAVAILABLE, null)
          .encode();
    }
    MethodResult r = gets.invoke(req.method(), req.parameters());
    GetDataResult ret =
        r.returnValue() == null
            ? null
            : GetDataResult.ofData(new AxdrWriter(64).value(r.returnValue()).toByteArray());
    return new ActionResponse(req.invokeIdAndPriority(), r.result(), ret).encode();
  }

  private byte[] setBlock(SetRequestBlock req) {
    if (!association.authenticated()) {
      return new SetResponseBlock(
              req.invokeIdAndPriority(),
              DataAccessResult.READ_WRITE_DENIED,
              req.block().blockNumber())
          .encode();
    }
    return writes.setBlock(req);
  }

  private byte[] set(SetRequest req) {
    if (!association.authenticated()) {
      return new SetResponse(req.invokeIdAndPriority(), DataAccessResult.READ_WRITE_DENIED)
          .encode();
    }
    return new SetResponse(req.invokeIdAndPriority(), gets.set(req)).encode();
  }

  private static byte[] exception(int state, int service) {
    return new ExceptionResponse(state, service).encode();
  }

  /** The link layer: wrapper or HDLC. */
  interface FrameCodec {
    byte[] onBytes(
        byte[] data, int off, int len, java.util.function.Function<byte[], List<byte[]>> apdus);

    default boolean disconnected() {
      return false;
    }

    /** The client SAP of the last frame received (-1 before any). */
    default int clientAddress() {
      return -1;
    }
  }
}
