package io.loadlens.dlms.apdu;

import io.loadlens.dlms.DlmsFramingException;
import io.loadlens.dlms.axdr.AxdrReader;
import io.loadlens.dlms.axdr.AxdrWriter;

/**
 * xDLMS InitiateRequest (Green Book 9.5, tag 1):
 *
 * <pre>
 *   01 | dedicated-key OPTIONAL (00 | 01 len key) | response-allowed DEFAULT TRUE (00 | 01 bool)
 *      | proposed-quality-of-service OPTIONAL (00 | 01 int8) | dlms-version (06)
 *      | conformance 5F 1F 04 00 xx xx xx | client-max-receive-pdu-size (u16)
 * </pre>
 */
public record InitiateRequest(
    byte[] dedicatedKey, int dlmsVersion, int conformance, int maxPduSize) {
  public static final int TAG = 0x01;

  public byte[] encode() {
    AxdrWriter w = new AxdrWriter(32).u8(TAG);
    if (dedicatedKey == null) {
      w.u8(0);
    } else {
      w.u8(1).length(dedicatedKey.length).bytes(dedicatedKey);
    }
    w.u8(0).u8(0).u8(dlmsVersion);
    Apdus.writeConformance(w, conformance);
    return w.u16(maxPduSize).toByteArray();
  }

  public static InitiateRequest decode(byte[] b) {
    AxdrReader r = new AxdrReader(b);
    Apdus.expectTag(r, TAG, "InitiateRequest");
    byte[] key = null;
    if (r.u8("dedicated-key present") != 0) {
      key = r.bytes(r.boundedLength("dedicated-key", 1), "dedicated-key");
    }
    if (r.u8("response-allowed present") != 0) {
      r.u8("response-allowed");
    }
    if (r.u8("proposed-quality-of-service present") != 0) {
      r.u8("proposed-quality-of-service");
    }
    int version = r.u8("proposed-dlms-version-number");
    int conformance = Apdus.readConformance(r);
    int pdu = r.u16("client-max-receive-pdu-size");
    if (r.hasRemaining()) {
      throw new DlmsFramingException(
          "InitiateRequest: " + r.remaining() + " octets after client-max-receive-pdu-size");
    }
    return new InitiateRequest(key, version, conformance, pdu);
  }
}
