package io.loadlens.dlms.client;

import io.loadlens.dlms.DlmsServiceException;
import io.loadlens.dlms.apdu.ConfirmedServiceError;
import io.loadlens.dlms.apdu.GetResponse;

/** Decodes a get-response, turning a confirmed-service-error into a service exception. */
final class GetRequestCodecs {
  private GetRequestCodecs() {}

  static GetResponse decodeResponse(byte[] plain) {
    if (plain.length > 0 && (plain[0] & 0xFF) == ConfirmedServiceError.TAG) {
      String label = ConfirmedServiceError.decode(plain).label();
      throw new DlmsServiceException("meter answered with confirmed-service-error " + label, label);
    }
    return GetResponse.decode(plain);
  }
}
