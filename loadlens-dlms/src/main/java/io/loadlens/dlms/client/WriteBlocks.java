package io.loadlens.dlms.client;

import io.loadlens.dlms.DlmsFramingException;
import io.loadlens.dlms.DlmsServiceException;
import io.loadlens.dlms.apdu.ActionResponse;
import io.loadlens.dlms.apdu.AttributeDescriptor;
import io.loadlens.dlms.apdu.Conformance;
import io.loadlens.dlms.apdu.DataAccessResult;
import io.loadlens.dlms.apdu.DataBlockSa;
import io.loadlens.dlms.apdu.SetResponseBlock;
import java.util.Arrays;

/**
 * SET and ACTION with block transfer, client side (Green Book 9.3.7, 9.3.8): the encoded value or
 * method parameters cut into numbered blocks that fit the meter's max PDU size, each one
 * acknowledged by the meter before the next is sent.
 */
final class WriteBlocks {
  /** Octets of a first block around its raw data: tag, choice, invoke, descriptor, access. */
  static final int HEADER = 3 + 9 + 1 + DataBlockSa.OVERHEAD;

  private final ClientEngine engine;
  private final ClientTransport transport;

  WriteBlocks(ClientEngine engine, ClientTransport transport) {
    this.engine = engine;
    this.transport = transport;
  }

  void set(AttributeDescriptor a, byte[] value) {
    require(Conformance.BLOCK_TRANSFER_WITH_SET, "set " + a, value.length);
    int size = blockSize();
    for (long n = 1; ; n++) {
      int from = (int) ((n - 1) * size);
      int to = Math.min(value.length, from + size);
      boolean last = to == value.length;
      DataBlockSa block = new DataBlockSa(last, n, Arrays.copyOfRange(value, from, to));
      transport.send(engine.setRequestBlock(n == 1 ? a : null, block));
      SetResponseBlock r = engine.onSetBlockResponse(transport.receive());
      if (r.last()) {
        if (r.result() != DataAccessResult.SUCCESS) {
          throw new DlmsServiceException(
              "set " + a + " block " + n + ": meter answered " + r.result().label(),
              r.result().label());
        }
        if (!last || r.blockNumber() != n) {
          throw new DlmsFramingException(
              "set "
                  + a
                  + ": meter ended the transfer at block-number "
                  + r.blockNumber()
                  + ", sent "
                  + n
                  + (last ? " (last)" : " of more"));
        }
        return;
      }
      if (last || r.blockNumber() != n) {
        throw new DlmsFramingException(
            "set "
                + a
                + ": set-response-datablock block-number "
                + r.blockNumber()
                + " != sent "
                + n
                + (last ? " (last, expected set-response-last-datablock)" : ""));
      }
    }
  }

  ActionResponse action(AttributeDescriptor m, byte[] params) {
    require(Conformance.BLOCK_TRANSFER_WITH_ACTION, "action " + m, params.length);
    int size = blockSize();
    for (long n = 1; ; n++) {
      int from = (int) ((n - 1) * size);
      int to = Math.min(params.length, from + size);
      boolean last = to == params.length;
      DataBlockSa block = new DataBlockSa(last, n, Arrays.copyOfRange(params, from, to));
      transport.send(engine.actionRequestBlock(n == 1 ? m : null, block));
      ClientEngine.ActionAnswer answer = engine.onActionBlockResponse(transport.receive());
      if (answer.response() != null) {
        if (!last && answer.response().result() == DataAccessResult.SUCCESS) {
          throw new DlmsFramingException(
              "action " + m + ": meter answered success after pblock " + n + " of more");
        }
        return answer.response();
      }
      if (last || answer.block().pblock() != null || answer.block().nextBlockNumber() != n) {
        throw new DlmsFramingException(
            "action "
                + m
                + ": expected action-response-next-pblock "
                + n
                + (last ? " or the response to the last pblock" : "")
                + ", got choice "
                + (answer.block().pblock() != null
                    ? "with-pblock"
                    : "next-pblock " + answer.block().nextBlockNumber()));
      }
    }
  }

  private int blockSize() {
    int size = engine.maxPlainApdu() - HEADER;
    if (size < 1) {
      throw new DlmsFramingException(
          "block transfer: meter's max PDU size "
              + engine.serverMaxPduSize()
              + " leaves no room for data");
    }
    return size;
  }

  private void require(int bit, String what, int length) {
    if ((engine.negotiatedConformance() & bit) == 0) {
      throw new DlmsServiceException(
          what
              + ": "
              + length
              + " octets exceed the meter's max PDU size "
              + engine.serverMaxPduSize()
              + " and it did not grant block transfer for it",
          "block-transfer-not-granted");
    }
  }
}
