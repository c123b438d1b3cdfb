package io.loadlens.dlms.server;

import io.loadlens.dlms.apdu.AttributeDescriptor;
import io.loadlens.dlms.apdu.DataAccessResult;
import io.loadlens.dlms.apdu.GetDataResult;
import io.loadlens.dlms.apdu.GetRequest;
import io.loadlens.dlms.apdu.GetResponse;
import io.loadlens.dlms.axdr.AxdrWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * GET service of the server (Green Book 9.3.6): normal, with-list, and block transfer (the encoded
 * Data cut into raw-data blocks of at most the negotiated size; the client asks for each next block
 * with get-request-next).
 */
final class GetService {
  private final ServerObjects objects;
  private byte[] pending;
  private int pendingOffset;
  private long lastBlock;
  private int blockSize;

  GetService(ServerObjects objects) {
    this.objects = objects;
  }

  void reset() {
    pending = null;
  }

  /**
   * SET: of the engine's own objects only the Clock's time (attribute 2) is writable, through the
   * data source; objects the engine does not serve go to {@link MeterDataSource#setAttribute}.
   */
  DataAccessResult set(io.loadlens.dlms.apdu.SetRequest req) {
    AttributeDescriptor a = req.attribute();
    ServerObject o = objects.find(a.classId(), a.obis());
    if (o == null) {
      return objects.data().setAttribute(a, req.value());
    }
    if (!(o instanceof SimpleObjects.Clock clock) || a.attribute() != 2) {
      return DataAccessResult.READ_WRITE_DENIED;
    }
    if (!(req.value() instanceof io.loadlens.dlms.axdr.CosemValue.Bytes b) || b.length() != 12) {
      return DataAccessResult.TYPE_UNMATCHED;
    }
    return io.loadlens.dlms.axdr.CosemDateTime.decode(b.value(), 0)
        .toInstant(clock.data().zone())
        .map(
            t ->
                clock.data().setClock(t)
                    ? DataAccessResult.SUCCESS
                    : DataAccessResult.READ_WRITE_DENIED)
        .orElse(DataAccessResult.TYPE_UNMATCHED);
  }

  /** True when the method's object is one the engine serves itself. */
  boolean serves(AttributeDescriptor method) {
    return objects.find(method.classId(), method.obis()) != null;
  }

  /** ACTION on an object the engine does not serve: the data source decides. */
  MethodResult invoke(AttributeDescriptor method, io.loadlens.dlms.axdr.CosemValue params) {
    return objects.data().invokeMethod(method, params);
  }

  byte[] denied(GetRequest req) {
    return new GetResponse.Normal(
            req.invokeIdAndPriority(), GetDataResult.ofError(DataAccessResult.READ_WRITE_DENIED))
        .encode();
  }

  byte[] handle(GetRequest req, int maxRaw) {
    return switch (req) {
      case GetRequest.Normal n -> normal(n, maxRaw);
      case GetRequest.Next n -> next(n);
      case GetRequest.WithList l -> withList(l);
    };
  }

  private byte[] normal(GetRequest.Normal n, int maxRaw) {
    pending = null;
    AxdrWriter out = new AxdrWriter(256);
    AttributeDescriptor a = n.attribute();
    DataAccessResult r = objects.get(a.classId(), a.obis(), a.attribute(), n.access(), out);
    if (r != DataAccessResult.SUCCESS) {
      return new GetResponse.Normal(n.invokeIdAndPriority(), GetDataResult.ofError(r)).encode();
    }
    byte[] data = out.toByteArray();
    if (data.length + 4 <= maxRaw) {
      return new GetResponse.Normal(n.invokeIdAndPriority(), GetDataResult.ofData(data)).encode();
    }
    pending = data;
    pendingOffset = 0;
    lastBlock = 0;
    blockSize = Math.max(16, maxRaw);
    return block(n.invokeIdAndPriority());
  }

  private byte[] next(GetRequest.Next n) {
    if (pending == null) {
      return new GetResponse.WithDataBlock(
              n.invokeIdAndPriority(),
              true,
              n.blockNumber(),
              null,
              DataAccessResult.NO_LONG_GET_IN_PROGRESS)
          .encode();
    }
    if (n.blockNumber() != lastBlock) {
      pending = null;
      return new GetResponse.WithDataBlock(
              n.invokeIdAndPriority(),
              true,
              n.blockNumber(),
              null,
              DataAccessResult.DATA_BLOCK_NUMBER_INVALID)
          .encode();
    }
    return block(n.invokeIdAndPriority());
  }

  private byte[] block(int invoke) {
    int end = Math.min(pending.length, pendingOffset + blockSize);
    byte[] raw = Arrays.copyOfRange(pending, pendingOffset, end);
    boolean last = end == pending.length;
    lastBlock++;
    pendingOffset = end;
    byte[] encoded = new GetResponse.WithDataBlock(invoke, last, lastBlock, raw, null).encode();
    if (last) {
      pending = null;
    }
    return encoded;
  }

  private byte[] withList(GetRequest.WithList l) {
    pending = null;
    List<GetDataResult> results = new ArrayList<>();
    for (int i = 0; i < l.attributes().size(); i++) {
      AttributeDescriptor a = l.attributes().get(i);
      AxdrWriter out = new AxdrWriter(64);
      DataAccessResult r =
          objects.get(a.classId(), a.obis(), a.attribute(), l.access().get(i), out);
      results.add(
          r == DataAccessResult.SUCCESS
              ? GetDataResult.ofData(out.toByteArray())
              : GetDataResult.ofError(r));
    }
    return new GetResponse.WithList(l.invokeIdAndPriority(), results).encode();
  }
}
