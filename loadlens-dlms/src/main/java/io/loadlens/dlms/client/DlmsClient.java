package io.loadlens.dlms.client;

import io.loadlens.dlms.DlmsException;
import io.loadlens.dlms.DlmsFramingException;
import io.loadlens.dlms.DlmsServiceException;
import io.loadlens.dlms.apdu.ActionRequest;
import io.loadlens.dlms.apdu.ActionResponse;
import io.loadlens.dlms.apdu.AttributeDescriptor;
import io.loadlens.dlms.apdu.Conformance;
import io.loadlens.dlms.apdu.DataAccessResult;
import io.loadlens.dlms.apdu.GetResponse;
import io.loadlens.dlms.apdu.SelectiveAccess;
import io.loadlens.dlms.apdu.SetRequest;
import io.loadlens.dlms.apdu.SetResponse;
import io.loadlens.dlms.axdr.AxdrReader;
import io.loadlens.dlms.axdr.AxdrWriter;
import io.loadlens.dlms.axdr.CosemValue;
import io.loadlens.model.ObisCode;
import java.io.ByteArrayOutputStream;
import java.security.SecureRandom;
import java.time.Instant;

/**
 * A blocking DLMS/COSEM client session with one meter: connects, associates (AARQ/AARE and HLS pass
 * 3/4), reads, and releases. The protocol logic is in the sans-I/O {@link ClientEngine}; this class
 * adds the I/O, over a TCP socket or any {@link ByteLink}. Not thread-safe: one session per thread
 * (virtual threads scale).
 */
public final class DlmsClient implements AutoCloseable {
  /** Largest reassembled block-transfer result accepted (bounds memory on a hostile meter). */
  static final int MAX_RESULT_BYTES = 64 << 20;

  private final ClientSettings settings;
  private final ClientEngine engine;
  private final ClientTransport transport;
  private boolean closed;

  private DlmsClient(ClientSettings settings, ClientEngine engine, ClientTransport transport) {
    this.settings = settings;
    this.engine = engine;
    this.transport = transport;
  }

  /** Connects to {@code host:port} and opens the association. */
  public static DlmsClient connect(ClientSettings s) {
    return connect(s, ClientOptions.DEFAULT);
  }

  /** Connects to {@code host:port} and opens the association with non-default protocol options. */
  public static DlmsClient connect(ClientSettings s, ClientOptions options) {
    if (s.host() == null) {
      throw new IllegalArgumentException(
          "client settings: host is missing (a meter without a TCP address is reached with"
              + " connect(ByteLink, ...))");
    }
    return connect(SocketLink.connect(s.host(), s.port(), s.timeout()), s, options);
  }

  /** The public client's SAP (Green Book), which meters let associate without security. */
  public static final int PUBLIC_CLIENT = 16;

  /**
   * The last invocation counter the meter accepted, as its public client reads it: associates at
   * {@code s.host():s.port()} with the same framing and server address as client SAP {@value
   * #PUBLIC_CLIENT} without security and GETs Data 0-0:43.1.0.255 attribute 2. A client whose
   * counter the meter refused as replayed (its own was lost) continues above it. Empty when the
   * meter refuses the public client, does not offer the object, or cannot be reached.
   */
  public static java.util.OptionalLong acceptedInvocationCounter(ClientSettings s) {
    if (s.host() == null) {
      return java.util.OptionalLong.empty();
    }
    ClientSettings publicClient =
        new ClientSettings(
            s.host(),
            s.port(),
            s.framing(),
            PUBLIC_CLIENT,
            s.serverLogicalAddress(),
            s.serverPhysicalAddress(),
            SecurityLevel.NONE,
            null,
            new byte[0],
            new byte[0],
            new byte[0],
            s.timeout(),
            s.maxPduSize(),
            0);
    try (DlmsClient c = connect(publicClient)) {
      return c.get(1, ObisCode.INVOCATION_COUNTER, 2) instanceof CosemValue.Int i && i.value() >= 0
          ? java.util.OptionalLong.of(i.value())
          : java.util.OptionalLong.empty();
    } catch (RuntimeException e) {
      return java.util.OptionalLong.empty();
    }
  }

  /**
   * Opens the association over a link that is already open (a serial line, for example): SNRM/UA
   * for HDLC, AARQ/AARE, HLS pass 3/4. {@code s.host()} and {@code s.port()} are not used; {@code
   * s.timeout()} bounds every read from the link. The client owns the link from here on: {@link
   * #close()} closes it, and so does this method when it throws.
   */
  public static DlmsClient connect(ByteLink link, ClientSettings s) {
    return connect(link, s, ClientOptions.DEFAULT);
  }

  /** As {@link #connect(ByteLink, ClientSettings)}, with non-default protocol options. */
  public static DlmsClient connect(ByteLink link, ClientSettings s, ClientOptions options) {
    LinkChannel channel = new LinkChannel(link, s.timeout());
    ClientTransport t;
    try {
      t =
          switch (s.framing()) {
            case WRAPPER ->
                new WrapperTransport(channel, s.clientAddress(), s.serverLogicalAddress());
            case HDLC -> HdlcTransport.open(channel, s, options.hdlcWindow());
          };
    } catch (RuntimeException e) {
      channel.close();
      throw e;
    }
    return associate(s, options, t);
  }

  /**
   * Opens the association over a transport that is already connected (AARQ/AARE, HLS pass 3/4);
   * with general-block-transfer granted, later APDUs go through {@link GbtTransport}.
   */
  static DlmsClient associate(ClientSettings s, ClientOptions options, ClientTransport t) {
    ClientEngine engine = new ClientEngine(s, options, new SecureRandom());
    try {
      t.send(engine.aarq());
      if (engine.onAare(t.receive())) {
        t.send(engine.hlsPass3Request());
        engine.onHlsPass4Response(t.receive());
      }
    } catch (RuntimeException e) {
      t.disconnect();
      t.close();
      throw e;
    }
    if (options.gbtWindow() > 0
        && (engine.negotiatedConformance() & Conformance.GENERAL_BLOCK_TRANSFER) != 0) {
      return new DlmsClient(s, engine, new GbtTransport(t, options.gbtWindow(), MAX_RESULT_BYTES));
    }
    return new DlmsClient(s, engine, t);
  }

  /** Reads a Profile Generic's rows whose clock lies in {@code [from, to]} (range_descriptor). */
  public ProfileData readProfile(ObisCode profile, Instant from, Instant to) {
    return new ProfileReader(this::getEncoded).read(profile, from, to);
  }

  /** Reads a Profile Generic's whole buffer. */
  public ProfileData readProfile(ObisCode profile) {
    return new ProfileReader(this::getEncoded).read(profile, null, null);
  }

  /** Reads a Profile Generic's rows {@code fromEntry..toEntry} (1-based; entry_descriptor). */
  public ProfileData readProfileEntries(ObisCode profile, long fromEntry, long toEntry) {
    return new ProfileReader(this::getEncoded).readEntries(profile, fromEntry, toEntry);
  }

  /** GET of one attribute. */
  public CosemValue get(int classId, ObisCode obis, int attribute) {
    AttributeDescriptor a = new AttributeDescriptor(classId, obis, attribute);
    byte[] data = getEncoded(a, null);
    AxdrReader r = new AxdrReader(data);
    CosemValue v = r.value();
    if (r.hasRemaining()) {
      throw new DlmsFramingException("get " + a + ": " + r.remaining() + " octets after the value");
    }
    return v;
  }

  /**
   * GET of several attributes in one request (get-request-with-list); each result is the value or
   * the data-access-result as a {@link DlmsServiceException}, in request order.
   */
  public java.util.List<Object> getWithList(java.util.List<AttributeDescriptor> attributes) {
    transport.send(engine.getWithListRequest(attributes));
    GetResponse resp = engine.onGetResponse(transport.receive());
    if (!(resp instanceof GetResponse.WithList l) || l.results().size() != attributes.size()) {
      throw new DlmsFramingException(
          "get-with-list of " + attributes.size() + " attributes: unexpected answer " + resp);
    }
    java.util.List<Object> out = new java.util.ArrayList<>();
    for (int i = 0; i < attributes.size(); i++) {
      var r = l.results().get(i);
      out.add(
          r.isSuccess()
              ? new AxdrReader(r.data()).value()
              : new DlmsServiceException(
                  "get " + attributes.get(i) + ": meter answered " + r.error().label(),
                  r.error().label()));
    }
    return out;
  }

  /**
   * SET of one attribute. A value too long for the meter's max PDU size goes in blocks
   * (set-request-with-first-datablock, -with-datablock), when the meter granted block transfer with
   * SET.
   */
  public void set(int classId, ObisCode obis, int attribute, CosemValue value) {
    AttributeDescriptor a = new AttributeDescriptor(classId, obis, attribute);
    byte[] plain = new SetRequest(ClientEngine.INVOKE_ID_AND_PRIORITY, a, null, value).encode();
    if (plain.length > engine.maxPlainApdu()) {
      new WriteBlocks(engine, transport).set(a, encoded(value));
      return;
    }
    transport.send(engine.setRequest(a, value));
    SetResponse r = engine.onSetResponse(transport.receive());
    if (r.result() != DataAccessResult.SUCCESS) {
      throw new DlmsServiceException(
          "set " + a + ": meter answered " + r.result().label(), r.result().label());
    }
  }

  /**
   * ACTION on a method; returns the return-parameters, or null when there are none. Parameters too
   * long for the meter's max PDU size go in pblocks (action-request-with-first-pblock,
   * -with-pblock), when the meter granted block transfer with ACTION.
   */
  public CosemValue action(int classId, ObisCode obis, int method, CosemValue parameters) {
    AttributeDescriptor m = new AttributeDescriptor(classId, obis, method);
    byte[] plain = new ActionRequest(ClientEngine.INVOKE_ID_AND_PRIORITY, m, parameters).encode();
    ActionResponse r;
    if (parameters != null && plain.length > engine.maxPlainApdu()) {
      r = new WriteBlocks(engine, transport).action(m, encoded(parameters));
    } else {
      transport.send(engine.actionRequest(m, parameters));
      r = engine.onActionResponse(transport.receive());
    }
    if (r.result() != DataAccessResult.SUCCESS) {
      throw new DlmsServiceException(
          "action class "
              + classId
              + " "
              + obis
              + " method "
              + method
              + ": meter answered "
              + r.result().label(),
          r.result().label());
    }
    if (r.returnParameters() == null) {
      return null;
    }
    if (!r.returnParameters().isSuccess()) {
      throw new DlmsServiceException(
          "action "
              + obis
              + " method "
              + method
              + " return: "
              + r.returnParameters().error().label(),
          r.returnParameters().error().label());
    }
    return new AxdrReader(r.returnParameters().data()).value();
  }

  private static byte[] encoded(CosemValue v) {
    return new AxdrWriter(256).value(v).toByteArray();
  }

  /** GET returning the encoded Data, reassembling block transfer on bytes. */
  byte[] getEncoded(AttributeDescriptor a, SelectiveAccess access) {
    transport.send(engine.getRequest(a, access));
    GetResponse resp = engine.onGetResponse(transport.receive());
    if (resp instanceof GetResponse.Normal n) {
      if (!n.result().isSuccess()) {
        throw new DlmsServiceException(
            "get " + a + ": meter answered " + n.result().error().label(),
            n.result().error().label());
      }
      return n.result().data();
    }
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    long expected = 1;
    while (true) {
      if (!(resp instanceof GetResponse.WithDataBlock b)) {
        throw new DlmsFramingException(
            "get " + a + ": expected get-response-with-datablock " + expected + ", got " + resp);
      }
      if (b.raw() == null) {
        throw new DlmsServiceException(
            "get " + a + " block " + b.blockNumber() + ": meter answered " + b.error().label(),
            b.error().label());
      }
      if (b.blockNumber() != expected) {
        throw new DlmsFramingException(
            "get " + a + ": block-number " + b.blockNumber() + " != expected " + expected);
      }
      if (all.size() + b.raw().length > MAX_RESULT_BYTES) {
        throw new DlmsFramingException(
            "get " + a + ": result exceeds " + MAX_RESULT_BYTES + " octets at block " + expected);
      }
      all.writeBytes(b.raw());
      if (b.lastBlock()) {
        return all.toByteArray();
      }
      transport.send(engine.getNextRequest(expected));
      expected++;
      resp = engine.onGetResponse(transport.receive());
    }
  }

  /** The next invocation counter the client will use (persist it per meter). */
  public long invocationCounter() {
    return engine.invocationCounter();
  }

  /** The meter's system title (empty without HLS). */
  public byte[] serverSystemTitle() {
    return engine.serverSystemTitle();
  }

  /** Releases the association (RLRQ/RLRE, DISC for HDLC) and closes the socket; never throws. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      transport.send(engine.releaseRequest());
      transport.receive();
    } catch (DlmsException ignored) {
      // the meter may already be gone; the socket is closed below either way
    }
    transport.disconnect();
    transport.close();
  }

  @Override
  public String toString() {
    return "DlmsClient[" + settings + "]";
  }
}
