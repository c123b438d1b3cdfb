package io.loadlens.dlms.client;

import io.loadlens.dlms.DlmsServiceException;
import io.loadlens.dlms.apdu.GetResponse;
import java.util.HexFormat;

/** Decodes a get-response, turning a confirmed-service-error into a service exception. */
final class GetRequestCodecs {
  private GetRequestCodecs() {}

  static GetResponse decodeResponse(byte[] plain) {
    if (plain.length > 0 && (plain[0] & 0xFF) == 0x0E) {
      throw new DlmsServiceException(
          "meter answered with confirmed-service-error " + HexFormat.of().formatHex(plain),
          "confirmed-service-error");
    }
    return GetResponse.decode(plain);
  }
}
