package io.loadlens.wmbus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Decodes a wireless M-Bus telegram through its layers (EN 13757-4 link layer, EN 13757-7 ELL, AFL
 * and TPL, EN 13757-3 application data), decrypting with the meter's key where it is protected:
 *
 * <pre>
 *   L C M(2) A(6) | [CI 8C/8D ELL: CC ACC (SN(4))] | [CI 90 AFL: FCL (MCL) (KI) (MCR) (MAC) (ML)]
 *                 | CI 7A short TPL: ACC ST CF(2) [CFE] | CI 72 long TPL: ID(4) M(2) VER TYPE ACC ST CF(2)
 *                 | CI 78 no TPL header | data records
 * </pre>
 */
public final class TelegramDecoder {
  static final int CI_ELL_SHORT = 0x8C;
  static final int CI_ELL_LONG = 0x8D;
  static final int CI_AFL = 0x90;
  static final int CI_TPL_LONG = 0x72;
  static final int CI_TPL_SHORT = 0x7A;
  static final int CI_TPL_NONE = 0x78;
  private static final int ELL_ENC_AES_CTR = 1;
  private static final int CC_H = 0x10;
  private static final int CC_R = 0x02;

  private TelegramDecoder() {}

  public static WMBusTelegram decode(byte[] frame, KeyLookup keys) {
    LinkLayer.Stripped s = LinkLayer.strip(frame);
    byte[] t = s.telegram();
    Context c = new Context(t, keys);
    c.checks.add(
        s.format() == LinkLayer.Format.NO_CRC ? "DLL CRC (removed by the receiver)" : "DLL CRC");
    c.manufacturer = Manufacturer.decode(u16(t, 2));
    c.idBytes = Arrays.copyOfRange(t, 4, 8);
    c.id = bcdId(c.idBytes);
    c.version = t[8] & 0xFF;
    c.type = t[9] & 0xFF;
    c.ivAddress = Arrays.copyOfRange(t, 2, 10);
    c.at = 10;
    List<DataRecord> records = c.layers();
    return new WMBusTelegram(
        s.format(),
        t[1] & 0xFF,
        c.manufacturer,
        c.id,
        c.version,
        c.type,
        WMBusTelegram.medium(c.type),
        c.access,
        c.status,
        c.security,
        c.checks,
        records);
  }

  /** Decoding state while walking the layers. */
  private static final class Context {
    byte[] t;
    final KeyLookup keys;
    final List<String> checks = new ArrayList<>();
    String manufacturer;
    String id;
    byte[] idBytes;
    int version;
    int type;
    byte[] ivAddress;
    int at;
    int access = -1;
    int status = -1;
    String security = "none";
    byte[] mcr;
    byte[] mac;
    int macStart = -1;
    int mcl = -1;

    Context(byte[] t, KeyLookup keys) {
      this.t = t;
      this.keys = keys;
    }

    List<DataRecord> layers() {
      while (true) {
        need(1, "CI field");
        int ci = t[at] & 0xFF;
        switch (ci) {
          case CI_ELL_SHORT -> ell(false);
          case CI_ELL_LONG -> ell(true);
          case CI_AFL -> afl();
          case CI_TPL_SHORT -> {
            return tpl(false);
          }
          case CI_TPL_LONG -> {
            return tpl(true);
          }
          case CI_TPL_NONE -> {
            return DataRecordDecoder.decode(t, at + 1, t.length);
          }
          default ->
              throw new WMBusException(
                  String.format(
                      "wM-Bus %s %s: CI field 0x%02X at offset %d is not supported",
                      manufacturer, id, ci, at));
        }
      }
    }

    void ell(boolean withSession) {
      need(withSession ? 7 : 3, "ELL header");
      int cc = t[at + 1] & 0xFF;
      access = t[at + 2] & 0xFF;
      if (!withSession) {
        at += 3;
        return;
      }
      byte[] sn = Arrays.copyOfRange(t, at + 3, at + 7);
      int snWord = (int) DataRecordDecoder.unsignedLittleEndian(t, at + 3, 4);
      int enc = snWord >>> 29;
      at += 7;
      if (enc == 0) {
        return;
      }
      if (enc != ELL_ENC_AES_CTR) {
        throw new WMBusException(
            "wM-Bus " + manufacturer + " " + id + ": ELL encryption " + enc + " is not supported");
      }
      byte[] key = key("ELL AES-CTR");
      byte[] iv = new byte[16];
      System.arraycopy(ivAddress, 0, iv, 0, 8);
      iv[8] = (byte) (cc & ~(CC_H | CC_R));
      System.arraycopy(sn, 0, iv, 9, 4);
      if (t.length - at < 2) {
        throw new WMBusException(
            "wM-Bus " + manufacturer + " " + id + ": ELL payload too short for its CRC");
      }
      byte[] plain = Aes.ctr(key, iv, t, at, t.length - at);
      int expected = (plain[0] & 0xFF) | ((plain[1] & 0xFF) << 8);
      int actual = WMBusCrc.compute(plain, 2, plain.length - 2);
      if (actual != expected) {
        throw new WMBusException(
            String.format(
                "wM-Bus %s %s: ELL payload CRC after decryption: actual 0x%04X != expected 0x%04X (wrong key?)",
                manufacturer, id, actual, expected));
      }
      checks.add("ELL payload CRC");
      security = "ELL AES-CTR";
      byte[] rest = new byte[at + plain.length - 2];
      System.arraycopy(t, 0, rest, 0, at);
      System.arraycopy(plain, 2, rest, at, plain.length - 2);
      t = rest;
    }

    /**
     * The AFL (EN 13757-7 §6, OMS Vol. 2 §7.2.3): {@code 90 AFL.L FCL(2) [MCL] [KI(2)] [MCR(4)]
     * [MAC(8|16)] [ML(2)]}; the TPL follows at {@code CI + 2 + AFL.L}.
     */
    void afl() {
      need(4, "AFL header");
      int aflLength = t[at + 1] & 0xFF;
      int end = at + 2 + aflLength;
      if (end > t.length) {
        throw new WMBusException(
            "wM-Bus "
                + manufacturer
                + " "
                + id
                + ": AFL length "
                + aflLength
                + " exceeds the "
                + (t.length - at - 2)
                + " bytes left");
      }
      int fcl = (int) DataRecordDecoder.unsignedLittleEndian(t, at + 2, 2);
      if ((fcl & 0x4000) != 0 || (fcl & 0xFF) != 0) {
        throw new WMBusException(
            "wM-Bus " + manufacturer + " " + id + ": fragmented AFL messages are not supported");
      }
      int p = at + 4;
      if ((fcl & (1 << 13)) != 0) {
        aflField(p, 1, end, "MCL");
        mcl = t[p++] & 0xFF;
      }
      if ((fcl & (1 << 9)) != 0) {
        aflField(p, 2, end, "KI");
        p += 2;
      }
      if ((fcl & (1 << 11)) != 0) {
        aflField(p, 4, end, "MCR");
        mcr = Arrays.copyOfRange(t, p, p + 4);
        p += 4;
      }
      if ((fcl & (1 << 10)) != 0) {
        int macLength = mcl >= 0 && (mcl & 0x0F) == 5 ? 8 : 16;
        aflField(p, macLength, end, "MAC");
        mac = Arrays.copyOfRange(t, p, p + macLength);
        p += macLength;
      }
      if ((fcl & (1 << 12)) != 0) {
        aflField(p, 2, end, "ML");
      }
      at = end;
      macStart = end;
    }

    private void aflField(int p, int n, int end, String field) {
      if (p + n > end) {
        throw new WMBusException(
            "wM-Bus "
                + manufacturer
                + " "
                + id
                + ": AFL field "
                + field
                + " needs "
                + n
                + " bytes at offset "
                + p
                + ", the AFL ends at "
                + end);
      }
    }

    List<DataRecord> tpl(boolean longHeader) {
      int p = at + 1;
      byte[] ivAddr = ivAddress;
      if (longHeader) {
        need(13, "long TPL header");
        idBytes = Arrays.copyOfRange(t, p, p + 4);
        id = bcdId(idBytes);
        manufacturer = Manufacturer.decode(u16(t, p + 4));
        version = t[p + 6] & 0xFF;
        type = t[p + 7] & 0xFF;
        ivAddr = new byte[8];
        System.arraycopy(t, p + 4, ivAddr, 0, 2);
        System.arraycopy(t, p, ivAddr, 2, 4);
        ivAddr[6] = t[p + 6];
        ivAddr[7] = t[p + 7];
        p += 8;
      } else {
        need(5, "short TPL header");
      }
      access = t[p] & 0xFF;
      status = t[p + 1] & 0xFF;
      int cf = u16(t, p + 2);
      p += 4;
      int mode = (cf >> 8) & 0x1F;
      int blocks = (cf >> 4) & 0x0F;
      return switch (mode) {
        case 0 -> DataRecordDecoder.decode(t, p, t.length);
        case 5 -> mode5(p, blocks, ivAddr);
        case 7 -> mode7(p, blocks);
        default ->
            throw new WMBusException(
                "wM-Bus "
                    + manufacturer
                    + " "
                    + id
                    + ": TPL security mode "
                    + mode
                    + " is not supported");
      };
    }

    List<DataRecord> mode5(int p, int blocks, byte[] ivAddr) {
      byte[] iv = new byte[16];
      System.arraycopy(ivAddr, 0, iv, 0, 8);
      Arrays.fill(iv, 8, 16, (byte) access);
      security = "TPL mode 5 (AES-128-CBC, IV)";
      return decryptCbc(p, blocks, key(security), iv);
    }

    List<DataRecord> mode7(int p, int blocks) {
      need(p - at + 1, "mode 7 configuration field extension");
      int cfe = t[p] & 0xFF;
      p++;
      byte[] key = key("TPL mode 7");
      if (((cfe >> 4) & 0x03) == 1) {
        if (mcr == null) {
          throw new WMBusException(
              "wM-Bus "
                  + manufacturer
                  + " "
                  + id
                  + ": mode 7 key derivation needs the AFL message counter, which is absent");
        }
        byte[] kenc = Aes.cmac(key, kdfInput(0x00));
        byte[] kmac = Aes.cmac(key, kdfInput(0x01));
        verifyMac(kmac);
        key = kenc;
      }
      security = "TPL mode 7 (AES-128-CBC, KDF)";
      return decryptCbc(p, blocks, key, new byte[16]);
    }

    private byte[] kdfInput(int derivationConstant) {
      byte[] in = new byte[16];
      in[0] = (byte) derivationConstant;
      System.arraycopy(mcr, 0, in, 1, 4);
      System.arraycopy(idBytes, 0, in, 5, 4);
      Arrays.fill(in, 9, 16, (byte) 0x07);
      return in;
    }

    private void verifyMac(byte[] kmac) {
      if (mac == null) {
        return;
      }
      byte[] tpl = Arrays.copyOfRange(t, macStart, t.length);
      byte[] msg = new byte[1 + 4 + tpl.length];
      msg[0] = (byte) mcl;
      System.arraycopy(mcr, 0, msg, 1, 4);
      System.arraycopy(tpl, 0, msg, 5, tpl.length);
      byte[] full = Aes.cmac(kmac, msg);
      if (!Arrays.equals(Arrays.copyOf(full, mac.length), mac)) {
        throw new WMBusException(
            "wM-Bus "
                + manufacturer
                + " "
                + id
                + ": AFL MAC check failed: actual "
                + HexFormat.of().formatHex(Arrays.copyOf(full, mac.length)).toUpperCase()
                + " != expected "
                + HexFormat.of().formatHex(mac).toUpperCase());
      }
      checks.add("AFL MAC");
    }

    List<DataRecord> decryptCbc(int p, int blocks, byte[] key, byte[] iv) {
      int n = blocks * 16;
      if (n == 0) {
        throw new WMBusException(
            "wM-Bus "
                + manufacturer
                + " "
                + id
                + ": "
                + security
                + " announces 0 encrypted blocks");
      }
      if (p + n > t.length) {
        throw new WMBusException(
            "wM-Bus "
                + manufacturer
                + " "
                + id
                + ": "
                + blocks
                + " encrypted blocks need "
                + n
                + " bytes, only "
                + (t.length - p)
                + " left");
      }
      byte[] plain = Aes.cbcDecrypt(key, iv, t, p, n);
      if ((plain[0] & 0xFF) != 0x2F || (plain[1] & 0xFF) != 0x2F) {
        throw new WMBusException(
            String.format(
                "wM-Bus %s %s: decrypted data does not start with 2F2F (got %02X%02X): wrong key",
                manufacturer, id, plain[0] & 0xFF, plain[1] & 0xFF));
      }
      checks.add("2F2F after decryption");
      byte[] all = new byte[n + (t.length - p - n)];
      System.arraycopy(plain, 0, all, 0, n);
      System.arraycopy(t, p + n, all, n, t.length - p - n);
      return DataRecordDecoder.decode(all, 0, all.length);
    }

    byte[] key(String what) {
      byte[] k =
          keys.key(manufacturer, id)
              .orElseThrow(
                  () ->
                      new WMBusException(
                          "wM-Bus "
                              + manufacturer
                              + " "
                              + id
                              + ": the telegram is encrypted ("
                              + what
                              + ") and no key is configured for this meter"));
      if (k.length != 16) {
        throw new WMBusException(
            "wM-Bus " + manufacturer + " " + id + ": key must be 16 bytes, got " + k.length);
      }
      return k;
    }

    void need(int n, String field) {
      if (at + n > t.length) {
        throw new WMBusException(
            "wM-Bus "
                + manufacturer
                + " "
                + id
                + ": "
                + field
                + " needs "
                + n
                + " bytes at offset "
                + at
                + ", only "
                + (t.length - at)
                + " left");
      }
    }
  }

  static int u16(byte[] d, int at) {
    return (d[at] & 0xFF) | ((d[at + 1] & 0xFF) << 8);
  }

  /** The identification number: 4 BCD bytes, little-endian, printed as 8 digits. */
  static String bcdId(byte[] a) {
    return String.format("%02X%02X%02X%02X", a[3] & 0xFF, a[2] & 0xFF, a[1] & 0xFF, a[0] & 0xFF);
  }
}
