package io.loadlens.dlms.server;

import io.loadlens.dlms.DlmsException;
import io.loadlens.dlms.apdu.ActionRequest;
import io.loadlens.dlms.apdu.ActionRequestBlock;
import io.loadlens.dlms.apdu.ActionResponse;
import io.loadlens.dlms.apdu.ActionResponseBlock;
import io.loadlens.dlms.apdu.AttributeDescriptor;
import io.loadlens.dlms.apdu.DataAccessResult;
import io.loadlens.dlms.apdu.DataBlockSa;
import io.loadlens.dlms.apdu.SelectiveAccess;
import io.loadlens.dlms.apdu.SetRequest;
import io.loadlens.dlms.apdu.SetRequestBlock;
import io.loadlens.dlms.apdu.SetResponseBlock;
import io.loadlens.dlms.axdr.AxdrReader;
import io.loadlens.dlms.axdr.CosemValue;
import java.io.ByteArrayOutputStream;
import java.util.function.Function;

/**
 * SET and ACTION with block transfer, server side (Green Book 9.3.7, 9.3.8): the value or the
 * method parameters arrive in numbered blocks, each acknowledged (set-response-datablock,
 * action-response-next-pblock) until the last one, when the reassembled request is carried out and
 * answered (set-response-last-datablock, action-response-normal). A block out of sequence aborts
 * the transfer with data-block-number-invalid; a block without a transfer in progress is answered
 * with no-long-set-in-progress (ACTION: no-long-action-in-progress(16), which {@link
 * DataAccessResult} names by the GET result of the same number).
 */
final class WriteService {
  /** Largest value or parameter set accepted in blocks. */
  static final int MAX_BYTES = 1 << 20;

  private final GetService gets;
  private ByteArrayOutputStream pending;
  private AttributeDescriptor target;
  private SelectiveAccess access;
  private long blockNumber;
  private boolean action;

  WriteService(GetService gets) {
    this.gets = gets;
  }

  void reset() {
    pending = null;
  }

  byte[] setBlock(SetRequestBlock req) {
    int invoke = req.invokeIdAndPriority();
    DataBlockSa b = req.block();
    if (req.first()) {
      start(req.attribute(), req.access(), false);
    } else if (pending == null || action) {
      pending = null;
      return setEnd(invoke, DataAccessResult.NO_LONG_SET_IN_PROGRESS, b.blockNumber());
    }
    DataAccessResult problem = append(b);
    if (problem != null) {
      return setEnd(invoke, problem, b.blockNumber());
    }
    if (!b.lastBlock()) {
      return new SetResponseBlock(invoke, null, b.blockNumber()).encode();
    }
    CosemValue value = value();
    DataAccessResult result =
        value == null
            ? DataAccessResult.TYPE_UNMATCHED
            : gets.set(new SetRequest(invoke, target, access, value));
    return setEnd(invoke, result, b.blockNumber());
  }

  byte[] actionBlock(ActionRequestBlock req, Function<ActionRequest, byte[]> invoke) {
    int id = req.invokeIdAndPriority();
    if (req.pblock() == null) {
      // action-request-next-pblock: this server never sends a response in pblocks;
      // action-result long-action-aborted(15)
      return new ActionResponse(id, DataAccessResult.LONG_GET_ABORTED, null).encode();
    }
    DataBlockSa b = req.pblock();
    if (req.method() != null) {
      start(req.method(), null, true);
    } else if (pending == null || !action) {
      pending = null;
      // action-result no-long-action-in-progress(16)
      return new ActionResponse(id, DataAccessResult.NO_LONG_GET_IN_PROGRESS, null).encode();
    }
    DataAccessResult problem = append(b);
    if (problem != null) {
      return new ActionResponse(id, problem, null).encode();
    }
    if (!b.lastBlock()) {
      return ActionResponseBlock.next(id, b.blockNumber()).encode();
    }
    CosemValue params = value();
    AttributeDescriptor method = target;
    if (params == null) {
      return new ActionResponse(id, DataAccessResult.TYPE_UNMATCHED, null).encode();
    }
    return invoke.apply(new ActionRequest(id, method, params));
  }

  private void start(AttributeDescriptor a, SelectiveAccess sel, boolean isAction) {
    pending = new ByteArrayOutputStream();
    target = a;
    access = sel;
    blockNumber = 0;
    action = isAction;
  }

  /** Adds a block; the error that aborts the transfer, or null. */
  private DataAccessResult append(DataBlockSa b) {
    if (b.blockNumber() != blockNumber + 1) {
      pending = null;
      return DataAccessResult.DATA_BLOCK_NUMBER_INVALID;
    }
    if (pending.size() + b.rawLength() > MAX_BYTES) {
      pending = null;
      return action ? DataAccessResult.LONG_GET_ABORTED : DataAccessResult.LONG_SET_ABORTED;
    }
    pending.writeBytes(b.raw());
    blockNumber = b.blockNumber();
    return null;
  }

  /** The reassembled value, or null when the octets are not exactly one Data. */
  private CosemValue value() {
    byte[] data = pending.toByteArray();
    pending = null;
    try {
      AxdrReader r = new AxdrReader(data);
      CosemValue v = r.value();
      return r.hasRemaining() ? null : v;
    } catch (DlmsException e) {
      return null;
    }
  }

  private static byte[] setEnd(int invoke, DataAccessResult result, long block) {
    return new SetResponseBlock(invoke, result, block).encode();
  }
}
