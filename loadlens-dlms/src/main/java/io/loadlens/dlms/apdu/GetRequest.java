package io.loadlens.dlms.apdu;

import io.loadlens.dlms.DlmsFramingException;
import io.loadlens.dlms.axdr.AxdrReader;
import io.loadlens.dlms.axdr.AxdrWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Get-Request (Green Book 9.5, tag 0xC0):
 *
 * <pre>
 *   C0 01 invoke-id-and-priority descriptor access-selection     get-request-normal
 *   C0 02 invoke-id-and-priority block-number(u32)               get-request-next
 *   C0 03 invoke-id-and-priority count (descriptor access)*      get-request-with-list
 * </pre>
 */
public sealed interface GetRequest {
  int TAG = 0xC0;

  int invokeIdAndPriority();

  byte[] encode();

  record Normal(int invokeIdAndPriority, AttributeDescriptor attribute, SelectiveAccess access)
      implements GetRequest {
    @Override
    public byte[] encode() {
      AxdrWriter w = new AxdrWriter(32).u8(TAG).u8(1).u8(invokeIdAndPriority);
      attribute.encode(w);
      SelectiveAccess.encodeOptional(w, access);
      return w.toByteArray();
    }
  }

  record Next(int invokeIdAndPriority, long blockNumber) implements GetRequest {
    @Override
    public byte[] encode() {
      return new AxdrWriter(8).u8(TAG).u8(2).u8(invokeIdAndPriority).u32(blockNumber).toByteArray();
    }
  }

  record WithList(
      int invokeIdAndPriority, List<AttributeDescriptor> attributes, List<SelectiveAccess> access)
      implements GetRequest {
    public WithList {
      attributes = List.copyOf(attributes);
      access = java.util.Collections.unmodifiableList(new ArrayList<>(access));
      if (attributes.size() != access.size()) {
        throw new IllegalArgumentException(
            "get-request-with-list: "
                + attributes.size()
                + " attributes but "
                + access.size()
                + " access selections");
      }
    }

    @Override
    public byte[] encode() {
      AxdrWriter w = new AxdrWriter(64).u8(TAG).u8(3).u8(invokeIdAndPriority);
      w.length(attributes.size());
      for (int i = 0; i < attributes.size(); i++) {
        attributes.get(i).encode(w);
        SelectiveAccess.encodeOptional(w, access.get(i));
      }
      return w.toByteArray();
    }
  }

  static GetRequest decode(byte[] apdu) {
    AxdrReader r = new AxdrReader(apdu);
    Apdus.expectTag(r, TAG, "get-request");
    int choice = r.u8("get-request choice");
    int invoke = r.u8("invoke-id-and-priority");
    GetRequest out =
        switch (choice) {
          case 1 ->
              new Normal(invoke, AttributeDescriptor.decode(r), SelectiveAccess.decodeOptional(r));
          case 2 -> new Next(invoke, r.u32("block-number"));
          case 3 -> {
            int n = r.boundedLength("attribute-descriptor-list", 10);
            List<AttributeDescriptor> attrs = new ArrayList<>(n);
            List<SelectiveAccess> access = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
              attrs.add(AttributeDescriptor.decode(r));
              access.add(SelectiveAccess.decodeOptional(r));
            }
            yield new WithList(invoke, attrs, access);
          }
          default ->
              throw new DlmsFramingException(
                  "get-request: choice "
                      + choice
                      + " is not 1 (normal), 2 (next) or 3 (with-list)");
        };
    if (r.hasRemaining()) {
      throw new DlmsFramingException(
          "get-request: " + r.remaining() + " octets after the request at offset " + r.position());
    }
    return out;
  }
}
