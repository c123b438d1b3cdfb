package io.loadlens.transport.codec;

import java.util.Arrays;

/** A growable big-endian byte buffer. */
final class ByteWriter {
  private byte[] buf;
  private int pos;

  ByteWriter(int capacity) {
    buf = new byte[Math.max(16, capacity)];
  }

  private void ensure(int n) {
    if (pos + n > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + n));
    }
  }

  ByteWriter u8(int v) {
    ensure(1);
    buf[pos++] = (byte) v;
    return this;
  }

  ByteWriter u16(int v) {
    ensure(2);
    buf[pos++] = (byte) (v >>> 8);
    buf[pos++] = (byte) v;
    return this;
  }

  ByteWriter i32(int v) {
    ensure(4);
    for (int s = 24; s >= 0; s -= 8) {
      buf[pos++] = (byte) (v >>> s);
    }
    return this;
  }

  ByteWriter i64(long v) {
    ensure(8);
    for (int s = 56; s >= 0; s -= 8) {
      buf[pos++] = (byte) (v >>> s);
    }
    return this;
  }

  ByteWriter varint(long v) {
    ensure(10);
    while ((v & ~0x7FL) != 0) {
      buf[pos++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    buf[pos++] = (byte) v;
    return this;
  }

  ByteWriter bytes(byte[] b) {
    ensure(b.length);
    System.arraycopy(b, 0, buf, pos, b.length);
    pos += b.length;
    return this;
  }

  byte[] toByteArray() {
    return Arrays.copyOf(buf, pos);
  }
}
