package io.loadlens.transport.codec;

import io.loadlens.transport.MalformedMessageException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** A bounds-checked big-endian reader; every read names the field it is for. */
final class ByteReader {
  private final byte[] buf;
  private int pos;

  ByteReader(byte[] buf) {
    this.buf = buf;
  }

  int remaining() {
    return buf.length - pos;
  }

  private void need(String field, int n) {
    if (n > remaining()) {
      throw new MalformedMessageException(
          field + ": needs " + n + " octets at offset " + pos + ", only " + remaining() + " left");
    }
  }

  int u8(String field) {
    need(field, 1);
    return buf[pos++] & 0xFF;
  }

  int u16(String field) {
    need(field, 2);
    int v = ((buf[pos] & 0xFF) << 8) | (buf[pos + 1] & 0xFF);
    pos += 2;
    return v;
  }

  int i32(String field) {
    need(field, 4);
    int v = 0;
    for (int i = 0; i < 4; i++) {
      v = (v << 8) | (buf[pos++] & 0xFF);
    }
    return v;
  }

  long i64(String field) {
    need(field, 8);
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | (buf[pos++] & 0xFF);
    }
    return v;
  }

  long varint(String field) {
    long v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      need(field, 1);
      byte b = buf[pos++];
      v |= (long) (b & 0x7F) << shift;
      if (b >= 0) {
        return v;
      }
    }
    throw new MalformedMessageException(field + ": varint longer than 10 octets at " + pos);
  }

  byte[] bytes(String field, int n) {
    need(field, n);
    byte[] out = new byte[n];
    System.arraycopy(buf, pos, out, 0, n);
    pos += n;
    return out;
  }

  String ascii(String field, int n) {
    byte[] b = bytes(field, n);
    for (byte x : b) {
      if (x < 0x20 || x > 0x7E) {
        throw new MalformedMessageException(
            field + ": octet 0x" + Integer.toHexString(x & 0xFF) + " is not printable ASCII");
      }
    }
    return new String(b, StandardCharsets.US_ASCII);
  }

  String utf8(String field, int n) {
    need(field, n);
    try {
      CharBuffer cb =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(buf, pos, n));
      pos += n;
      return cb.toString();
    } catch (CharacterCodingException e) {
      throw new MalformedMessageException(field + ": not valid UTF-8", e);
    }
  }
}
