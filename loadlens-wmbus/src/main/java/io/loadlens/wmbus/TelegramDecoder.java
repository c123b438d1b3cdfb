package io.loadlens.wmbus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalLong;

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
  private static final int FCL_MORE_FRAGMENTS = 1 << 14;
  private static final int FCL_MCL = 1 << 13;
  private static final int FCL_ML = 1 << 12;
  private static final int FCL_MCR = 1 << 11;
  private static final int FCL_MAC = 1 << 10;
  private static final int FCL_KI = 1 << 9;
  private static final int FCL_MESSAGE_FIELDS = FCL_MCL | FCL_ML | FCL_MCR | FCL_MAC | FCL_KI;
  private static final int FCL_FRAGMENT_ID = 0xFF;
  private static final int ELL_ENC_AES_CTR = 1;
  private static final int CC_H = 0x10;
  private static final int CC_R = 0x02;

  private TelegramDecoder() {}

  /**
   * Decodes a whole (unfragmented) telegram. A fragment of a fragmented AFL message is refused with
   * an error saying so; {@link #decodeLayers} hands it back for an {@link AflReassembler}.
   */
  public static WMBusTelegram decode(byte[] frame, KeyLookup keys) {
    return switch (decodeLayers(frame, keys)) {
      case Decoded.Whole w -> w.telegram();
      case Decoded.Part p ->
          throw new WMBusException(
              "wM-Bus "
                  + p.fragment().meter()
                  + ": AFL fragment "
                  + p.fragment().fragmentId()
                  + " of a fragmented message; reassemble the fragments (AflReassembler)");
    };
  }

  /**
   * Decodes a telegram, or, when it is a fragment of a fragmented AFL message (EN 13757-7 §6.3.2:
   * fragment ID ≠ 0), decodes its link layer, ELL and AFL header and returns the fragment.
   */
  public static Decoded decodeLayers(byte[] frame, KeyLookup keys) {
    LinkLayer.Stripped s = LinkLayer.strip(frame);
    byte[] t = s.telegram();
    Context c = new Context(t, keys, s.format());
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
    if (records == null) {
      return new Decoded.Part(
          new AflFragment(
              c.manufacturer + "-" + c.id,
              HexFormat.of().formatHex(c.ivAddress).toUpperCase(),
              c.fragmentId,
              !c.moreFragments,
              t,
              Arrays.copyOfRange(c.t, c.at, c.t.length),
              c.fragmentId == 1 ? c : null));
    }
    return new Decoded.Whole(c.telegram(records));
  }

  /**
   * Decodes the message the fragments carry, in order, the first with the AFL message fields: the
   * first fragment's headers and AFL, then the TPL and application data of all fragments.
   */
  static WMBusTelegram decodeReassembled(List<AflFragment> fragments, KeyLookup keys) {
    Context first = fragments.get(0).context();
    int payload = 0;
    for (AflFragment f : fragments) {
      payload += f.payloadLength();
    }
    byte[] t = Arrays.copyOf(first.t, first.at + payload);
    int p = first.at;
    for (AflFragment f : fragments) {
      p += f.copyPayload(t, p);
    }
    Context c = first.resumeWith(t, keys);
    c.checks.add("AFL reassembly (" + fragments.size() + " fragments)");
    c.checkMessageLength();
    return c.telegram(c.layers());
  }

  /** Decoding state while walking the layers. */
  static final class Context {
    byte[] t;
    final KeyLookup keys;
    final LinkLayer.Format format;
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
    boolean aflSeen;
    int fragmentId;
    boolean moreFragments;
    byte[] ki;
    byte[] mcr;
    byte[] mac;
    int ml = -1;
    int macStart = -1;
    int mcl = -1;
    boolean counterAuthenticated;

    Context(byte[] t, KeyLookup keys, LinkLayer.Format format) {
      this.t = t;
      this.keys = keys;
      this.format = format;
    }

    /** A copy of this (a first fragment's) state over the reassembled message {@code t}. */
    Context resumeWith(byte[] t, KeyLookup keys) {
      Context c = new Context(t, keys, format);
      c.checks.addAll(checks);
      c.manufacturer = manufacturer;
      c.id = id;
      c.idBytes = idBytes;
      c.version = version;
      c.type = type;
      c.ivAddress = ivAddress;
      c.at = at;
      c.access = access;
      c.status = status;
      c.security = security;
      c.aflSeen = true;
      c.fragmentId = fragmentId;
      c.ki = ki;
      c.mcr = mcr;
      c.mac = mac;
      c.ml = ml;
      c.macStart = macStart;
      c.mcl = mcl;
      return c;
    }

    WMBusTelegram telegram(List<DataRecord> records) {
      return new WMBusTelegram(
          format,
          t[1] & 0xFF,
          manufacturer,
          id,
          version,
          type,
          WMBusTelegram.medium(type),
          access,
          status,
          security,
          checks,
          records,
          counterAuthenticated
              ? OptionalLong.of(DataRecordDecoder.unsignedLittleEndian(mcr, 0, 4))
              : OptionalLong.empty());
    }

    /** The decoded records, or null when the telegram is a fragment of a fragmented message. */
    List<DataRecord> layers() {
      while (true) {
        need(1, "CI field");
        int ci = t[at] & 0xFF;
        switch (ci) {
          case CI_ELL_SHORT -> ell(false);
          case CI_ELL_LONG -> ell(true);
          case CI_AFL -> {
            afl();
            if (fragmentId != 0) {
              return null;
            }
          }
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
     * [MAC(n)] [ML(2)]}; the TPL (or, in a fragment, the next piece of it) follows at {@code CI + 2
     * + AFL.L}. FCL: bit 14 more fragments, 13 MCL, 12 ML, 11 MCR, 10 MAC, 9 KI present, bits 0-7
     * the fragment ID (0 = not fragmented, 1 = the first fragment, then +1 each). MCL, KI, MCR, MAC
     * and ML may only be in the first fragment.
     */
    void afl() {
      if (aflSeen) {
        throw new WMBusException(
            "wM-Bus " + manufacturer + " " + id + ": a second AFL at offset " + at);
      }
      aflSeen = true;
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
      fragmentId = fcl & FCL_FRAGMENT_ID;
      moreFragments = (fcl & FCL_MORE_FRAGMENTS) != 0;
      if (fragmentId == 0 && moreFragments) {
        throw new WMBusException(
            "wM-Bus "
                + manufacturer
                + " "
                + id
                + ": AFL more-fragments bit set with fragment ID 0 (unfragmented)");
      }
      int p = at + 4;
      if ((fcl & FCL_MCL) != 0) {
        aflField(p, 1, end, "MCL");
        mcl = t[p++] & 0xFF;
      }
      if ((fcl & FCL_KI) != 0) {
        aflField(p, 2, end, "KI");
        ki = Arrays.copyOfRange(t, p, p + 2);
        p += 2;
      }
      if ((fcl & FCL_MCR) != 0) {
        aflField(p, 4, end, "MCR");
        mcr = Arrays.copyOfRange(t, p, p + 4);
        p += 4;
      }
      if ((fcl & FCL_MAC) != 0) {
        int macLength = macLength();
        aflField(p, macLength, end, "MAC");
        mac = Arrays.copyOfRange(t, p, p + macLength);
        p += macLength;
      }
      if ((fcl & FCL_ML) != 0) {
        aflField(p, 2, end, "ML");
        ml = (int) DataRecordDecoder.unsignedLittleEndian(t, p, 2);
      }
      if (fragmentId > 1 && (fcl & FCL_MESSAGE_FIELDS) != 0) {
        throw new WMBusException(
            String.format(
                "wM-Bus %s %s: AFL fragment %d carries message fields (FCL 0x%04X); only the first fragment may",
                manufacturer, id, fragmentId, fcl));
      }
      at = end;
      macStart = end;
      if (fragmentId == 0) {
        checkMessageLength();
      }
    }

    /** The MAC length of the MCL authentication type (EN 13757-7 table 6: AES-CMAC truncated). */
    private int macLength() {
      if (mcl < 0) {
        throw new WMBusException(
            "wM-Bus "
                + manufacturer
                + " "
                + id
                + ": AFL MAC present without MCL, whose authentication type gives its length");
      }
      return switch (mcl & 0x0F) {
        case 4 -> 4;
        case 5 -> 8;
        case 6 -> 12;
        case 7 -> 16;
        default ->
            throw new WMBusException(
                "wM-Bus "
                    + manufacturer
                    + " "
                    + id
                    + ": AFL authentication type AT="
                    + (mcl & 0x0F)
                    + " is not supported (AES-CMAC 4 to 7 are)");
      };
    }

    /** AFL.ML counts the bytes after the AFL to the end of the (reassembled) message. */
    void checkMessageLength() {
      if (ml >= 0 && ml != t.length - macStart) {
        throw new WMBusException(
            "wM-Bus "
                + manufacturer
                + " "
                + id
                + ": AFL message length ML "
                + ml
                + " != "
                + (t.length - macStart)
                + " bytes after the AFL");
      }
      if (ml >= 0) {
        checks.add("AFL message length");
      }
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
        security = "TPL mode 7 (AES-128-CBC, KDF)";
        List<DataRecord> records = decryptCbc(p, blocks, key, new byte[16]);
        counterAuthenticated = true; // the keys were derived from it
        return records;
      }
      security = "TPL mode 7 (AES-128-CBC)";
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
      java.io.ByteArrayOutputStream msg = new java.io.ByteArrayOutputStream();
      msg.write(mcl);
      if (ki != null) {
        msg.writeBytes(ki);
      }
      msg.writeBytes(mcr);
      if (ml >= 0) {
        msg.write(ml & 0xFF);
        msg.write(ml >> 8);
      }
      msg.write(t, macStart, t.length - macStart);
      byte[] full = Aes.cmac(kmac, msg.toByteArray());
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
