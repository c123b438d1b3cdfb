package io.loadlens.wmbus;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Telegrams constructed in the tests (not captured: no public fragmented or counter-replay vector
 * exists), per EN 13757-7 §6 / OMS Vol. 2: the W1/W3 application data (volume 28504.27 m3,
 * 2008-05-31 23:50) as TPL mode 7 with key derivation from the AFL message counter, behind an AFL
 * with MCL, MCR, an 8-byte AES-CMAC and (when fragmented) ML; fragmented with FID 1, 2, ... and the
 * more-fragments bit on all but the last, the message fields only in the first.
 */
final class AflTelegrams {
  static final HexFormat HEX = HexFormat.of();
  static final byte[] KEY = HEX.parseHex("000102030405060708090A0B0C0D0E0F");

  /** C M(ELS) A(12345678, v0x33, gas), after L. */
  static final String DLL_AFTER_L = "4493157856341233" + "03";

  private static final String PLAIN_RECORDS = "2F2F0C1427048502046D32371F1502FD170000";
  private static final byte[] ID = HEX.parseHex("78563412");

  private AflTelegrams() {}

  static byte[] mcr(long counter) {
    return new byte[] {
      (byte) counter, (byte) (counter >> 8), (byte) (counter >> 16), (byte) (counter >> 24)
    };
  }

  private static byte[] kdf(byte[] key, byte[] mcr, int constant) {
    byte[] in = new byte[16];
    in[0] = (byte) constant;
    System.arraycopy(mcr, 0, in, 1, 4);
    System.arraycopy(ID, 0, in, 5, 4);
    Arrays.fill(in, 9, 16, (byte) 0x07);
    return Aes.cmac(key, in);
  }

  /** CI 7A ACC ST CF(mode 7, 2 blocks) CFE(KDF 1) and the 32 encrypted bytes. */
  static byte[] tpdu(long counter, int access) {
    byte[] plain = Arrays.copyOf(HEX.parseHex(PLAIN_RECORDS), 32);
    Arrays.fill(plain, PLAIN_RECORDS.length() / 2, 32, (byte) 0x2F);
    byte[] cipher = Aes.cbcEncrypt(kdf(KEY, mcr(counter), 0x00), new byte[16], plain);
    ByteArrayOutputStream tpl = new ByteArrayOutputStream();
    tpl.write(0x7A);
    tpl.write(access);
    tpl.writeBytes(HEX.parseHex("00200710"));
    tpl.writeBytes(cipher);
    return tpl.toByteArray();
  }

  /** An unfragmented mode 7 telegram (no DLL CRCs) with message counter {@code counter}. */
  static byte[] whole(long counter, int access) {
    byte[] tpdu = tpdu(counter, access);
    int mcl = 0x25; // MCR in message, AT 5
    byte[] mac = mac(mcl, counter, -1, tpdu);
    ByteArrayOutputStream t = start();
    t.writeBytes(HEX.parseHex("900F002C")); // AFL.L 15, FCL: MCL, MCR, MAC
    t.write(mcl);
    t.writeBytes(mcr(counter));
    t.writeBytes(mac);
    t.writeBytes(tpdu);
    return finish(t);
  }

  /**
   * The message split after the given TPDU lengths (the rest goes into the last fragment); ML is
   * {@code ml} (the true length when -1).
   */
  static List<byte[]> fragments(long counter, int ml, int... pieces) {
    byte[] tpdu = tpdu(counter, 0x2A);
    int mcl = 0x65; // ML and MCR in message, AT 5
    int length = ml < 0 ? tpdu.length : ml;
    byte[] mac = mac(mcl, counter, length, tpdu);
    List<byte[]> out = new ArrayList<>();
    int at = 0;
    for (int i = 0; i <= pieces.length; i++) {
      int end = i < pieces.length ? at + pieces[i] : tpdu.length;
      boolean last = i == pieces.length;
      int fcl = (i + 1) | (last ? 0 : 0x4000);
      ByteArrayOutputStream t = start();
      t.write(0x90);
      if (i == 0) {
        fcl |= 0x2000 | 0x1000 | 0x0800 | 0x0400; // MCL, ML, MCR, MAC
        t.write(2 + 1 + 4 + 8 + 2);
        t.write(fcl);
        t.write(fcl >> 8);
        t.write(mcl);
        t.writeBytes(mcr(counter));
        t.writeBytes(mac);
        t.write(length);
        t.write(length >> 8);
      } else {
        t.write(2);
        t.write(fcl);
        t.write(fcl >> 8);
      }
      t.write(tpdu, at, end - at);
      out.add(finish(t));
      at = end;
    }
    return out;
  }

  private static byte[] mac(int mcl, long counter, int ml, byte[] tpdu) {
    ByteArrayOutputStream m = new ByteArrayOutputStream();
    m.write(mcl);
    m.writeBytes(mcr(counter));
    if (ml >= 0) {
      m.write(ml);
      m.write(ml >> 8);
    }
    m.writeBytes(tpdu);
    return Arrays.copyOf(Aes.cmac(kdf(KEY, mcr(counter), 0x01), m.toByteArray()), 8);
  }

  private static ByteArrayOutputStream start() {
    ByteArrayOutputStream t = new ByteArrayOutputStream();
    t.write(0);
    t.writeBytes(HEX.parseHex(DLL_AFTER_L));
    return t;
  }

  private static byte[] finish(ByteArrayOutputStream t) {
    byte[] out = t.toByteArray();
    out[0] = (byte) (out.length - 1);
    return out;
  }

  /** The same telegram in frame format A (EN 13757-4: block 1 of 10 bytes, then 16, each + CRC). */
  static byte[] frameA(byte[] telegram) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int at = 0;
    int block = 0;
    while (at < telegram.length) {
      int n = block == 0 ? 10 : Math.min(16, telegram.length - at);
      out.write(telegram, at, n);
      int crc = WMBusCrc.compute(telegram, at, n);
      out.write(crc >> 8);
      out.write(crc);
      at += n;
      block++;
    }
    return out.toByteArray();
  }
}
