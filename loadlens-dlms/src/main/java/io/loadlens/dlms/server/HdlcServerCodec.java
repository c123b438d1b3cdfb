package io.loadlens.dlms.server;

import io.loadlens.dlms.DlmsException;
import io.loadlens.model.OperatorCode;
import java.util.function.UnaryOperator;

/** Server side of HDLC (IEC 62056-46). */
final class HdlcServerCodec implements MeterServerEngine.FrameCodec {
  HdlcServerCodec(MeterServerConfig cfg) {
    throw new DlmsException(
        OperatorCode.CONFIGURATION_ERROR, "HDLC server framing is not available yet");
  }

  @Override
  public byte[] onBytes(byte[] data, int off, int len, UnaryOperator<byte[]> apdus) {
    return new byte[0];
  }
}
