package io.loadlens.dlms.apdu;

import io.loadlens.dlms.axdr.AxdrReader;
import io.loadlens.dlms.axdr.AxdrWriter;

/**
 * xDLMS InitiateResponse (Green Book 9.5, tag 8):
 *
 * <pre>
 *   08 | negotiated-quality-of-service OPTIONAL (00) | dlms-version (06)
 *      | conformance 5F 1F 04 00 xx xx xx | server-max-receive-pdu-size (u16) | vaa-name (u16, 0x0007 LN)
 * </pre>
 */
public record InitiateResponse(int dlmsVersion, int conformance, int maxPduSize, int vaaName) {
  public static final int TAG = 0x08;

  /** VAA name of an LN-referencing association (Green Book: 0x0007). */
  public static final int VAA_LN = 0x0007;

  public byte[] encode() {
    AxdrWriter w = new AxdrWriter(16).u8(TAG).u8(0).u8(dlmsVersion);
    Apdus.writeConformance(w, conformance);
    return w.u16(maxPduSize).u16(vaaName).toByteArray();
  }

  public static InitiateResponse decode(byte[] b) {
    AxdrReader r = new AxdrReader(b);
    Apdus.expectTag(r, TAG, "InitiateResponse");
    if (r.u8("negotiated-quality-of-service present") != 0) {
      r.u8("negotiated-quality-of-service");
    }
    int version = r.u8("negotiated-dlms-version-number");
    int conformance = Apdus.readConformance(r);
    int pdu = r.u16("server-max-receive-pdu-size");
    int vaa = r.u16("vaa-name");
    return new InitiateResponse(version, conformance, pdu, vaa);
  }
}
