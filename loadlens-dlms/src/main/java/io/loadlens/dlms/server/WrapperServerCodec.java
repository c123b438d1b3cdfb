package io.loadlens.dlms.server;

import io.loadlens.dlms.wrapper.WrapperDecoder;
import io.loadlens.dlms.wrapper.WrapperFrame;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.function.Function;

/** Server side of the TCP wrapper: frames addressed to another logical device are ignored. */
final class WrapperServerCodec implements MeterServerEngine.FrameCodec {
  private final int logicalAddress;
  private final WrapperDecoder decoder = new WrapperDecoder();
  private int clientAddress = -1;

  WrapperServerCodec(int logicalAddress) {
    this.logicalAddress = logicalAddress;
  }

  @Override
  public byte[] onBytes(byte[] data, int off, int len, Function<byte[], List<byte[]>> apdus) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (WrapperFrame f : decoder.feed(data, off, len)) {
      if (f.destination() != logicalAddress) {
        continue;
      }
      clientAddress = f.source();
      for (byte[] reply : apdus.apply(f.apdu())) {
        out.writeBytes(new WrapperFrame(logicalAddress, f.source(), reply).encode());
      }
    }
    return out.toByteArray();
  }

  @Override
  public int clientAddress() {
    return clientAddress;
  }
}
