package io.loadlens.dlms.apdu;

import io.loadlens.dlms.DlmsFramingException;
import io.loadlens.dlms.axdr.AxdrReader;
import io.loadlens.dlms.axdr.AxdrWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Get-Response (Green Book 9.5, tag 0xC4):
 *
 * <pre>
 *   C4 01 invoke result                                          get-response-normal
 *   C4 02 invoke last-block(bool) block-number(u32)
 *         (00 raw-data(octet-string) | 01 data-access-result)    get-response-with-datablock
 *   C4 03 invoke count result*                                   get-response-with-list
 * </pre>
 */
public sealed interface GetResponse {
  int TAG = 0xC4;

  int invokeIdAndPriority();

  byte[] encode();

  record Normal(int invokeIdAndPriority, GetDataResult result) implements GetResponse {
    @Override
    public byte[] encode() {
      AxdrWriter w = new AxdrWriter(16 + (result.data() == null ? 0 : result.data().length));
      w.u8(TAG).u8(1).u8(invokeIdAndPriority);
      result.encode(w);
      return w.toByteArray();
    }
  }

  /**
   * One block of a long response. {@code raw} holds the raw-data octets (a slice of the encoded
   * Data, cut anywhere); null when {@code error} is set.
   */
  record WithDataBlock(
      int invokeIdAndPriority,
      boolean lastBlock,
      long blockNumber,
      byte[] raw,
      DataAccessResult error)
      implements GetResponse {
    @Override
    public byte[] encode() {
      AxdrWriter w = new AxdrWriter(16 + (raw == null ? 0 : raw.length));
      w.u8(TAG).u8(2).u8(invokeIdAndPriority).u8(lastBlock ? 1 : 0).u32(blockNumber);
      if (raw != null) {
        w.u8(0).length(raw.length).bytes(raw);
      } else {
        w.u8(1).u8(error.code());
      }
      return w.toByteArray();
    }
  }

  record WithList(int invokeIdAndPriority, List<GetDataResult> results) implements GetResponse {
    public WithList {
      results = List.copyOf(results);
    }

    @Override
    public byte[] encode() {
      AxdrWriter w = new AxdrWriter(64).u8(TAG).u8(3).u8(invokeIdAndPriority);
      w.length(results.size());
      results.forEach(res -> res.encode(w));
      return w.toByteArray();
    }
  }

  static GetResponse decode(byte[] apdu) {
    AxdrReader r = new AxdrReader(apdu);
    Apdus.expectTag(r, TAG, "get-response");
    int choice = r.u8("get-response choice");
    int invoke = r.u8("invoke-id-and-priority");
    GetResponse out =
        switch (choice) {
          case 1 -> new Normal(invoke, GetDataResult.decode(r, apdu));
          case 2 -> decodeBlock(r, invoke);
          case 3 -> {
            int n = r.boundedLength("get-response-with-list count", 2);
            List<GetDataResult> results = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
              results.add(GetDataResult.decode(r, apdu));
            }
            yield new WithList(invoke, results);
          }
          default ->
              throw new DlmsFramingException(
                  "get-response: choice " + choice + " is not 1, 2 or 3");
        };
    if (r.hasRemaining()) {
      throw new DlmsFramingException(
          "get-response: "
              + r.remaining()
              + " octets after the response at offset "
              + r.position());
    }
    return out;
  }

  private static WithDataBlock decodeBlock(AxdrReader r, int invoke) {
    boolean last = r.u8("last-block") != 0;
    long block = r.u32("block-number");
    int choice = r.u8("DataBlock-G result choice");
    if (choice == 0) {
      int n = r.boundedLength("raw-data", 1);
      return new WithDataBlock(invoke, last, block, r.bytes(n, "raw-data"), null);
    }
    if (choice == 1) {
      return new WithDataBlock(
          invoke, last, block, null, DataAccessResult.ofCode(r.u8("data-access-result")));
    }
    throw new DlmsFramingException(
        "get-response-with-datablock: result choice " + choice + " is not 0 or 1");
  }
}
