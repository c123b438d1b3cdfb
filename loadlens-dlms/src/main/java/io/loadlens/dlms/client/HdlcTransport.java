package io.loadlens.dlms.client;

import io.loadlens.dlms.DlmsException;
import io.loadlens.model.OperatorCode;

/** HDLC framing (IEC 62056-46) for the client. */
final class HdlcTransport {
  private HdlcTransport() {}

  static ClientTransport open(SocketLink link, ClientSettings s) {
    throw new DlmsException(
        OperatorCode.CONFIGURATION_ERROR, "HDLC framing is not available yet for " + link.peer());
  }
}
