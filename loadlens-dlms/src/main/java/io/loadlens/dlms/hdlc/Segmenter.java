package io.loadlens.dlms.hdlc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Cuts LLC-prefixed APDU data into information fields of at most the negotiated length. */
public final class Segmenter {
  private Segmenter() {}

  public static List<byte[]> split(byte[] data, int maxInfo) {
    List<byte[]> out = new ArrayList<>(data.length / maxInfo + 1);
    for (int off = 0; off < data.length; off += maxInfo) {
      out.add(Arrays.copyOfRange(data, off, Math.min(data.length, off + maxInfo)));
    }
    if (out.isEmpty()) {
      out.add(new byte[0]);
    }
    return out;
  }
}
