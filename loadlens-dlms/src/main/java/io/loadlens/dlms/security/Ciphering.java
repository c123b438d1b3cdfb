package io.loadlens.dlms.security;

import io.loadlens.dlms.DlmsFramingException;
import io.loadlens.dlms.axdr.AxdrReader;
import io.loadlens.dlms.axdr.AxdrWriter;

/**
 * Service-specific ciphered APDUs (glo- and ded-, Green Book 9.3.4) and general-glo-ciphering:
 *
 * <pre>
 *   glo/ded:      tag | length | SC | IC(4) | ciphertext ‖ tag
 *   general-glo:  0xDB | len(8) system-title(8) | length | SC | IC(4) | ciphertext ‖ tag
 * </pre>
 */
public final class Ciphering {
  /** general-glo-ciphering [219]. */
  public static final int GENERAL_GLO_CIPHERING = 0xDB;

  /** general-ded-ciphering [220]. */
  public static final int GENERAL_DED_CIPHERING = 0xDC;

  private Ciphering() {}

  /** A parsed ciphered APDU (the information still protected). */
  public record Ciphered(int tag, byte[] systemTitle, SecurityControl sc, long ic, byte[] info) {}

  /** The glo- tag for a plain xDLMS tag (Green Book table of APDU tags), or -1 if none. */
  public static int gloTag(int plainTag) {
    return switch (plainTag) {
      case 0x01 -> 0x21; // initiate-request -> glo-initiate-request
      case 0x08 -> 0x28; // initiate-response -> glo-initiate-response
      case 0x0E -> 0x2E; // confirmed-service-error
      case 0xC0 -> 0xC8; // get-request
      case 0xC1 -> 0xC9; // set-request
      case 0xC2 -> 0xCA; // event-notification-request
      case 0xC3 -> 0xCB; // action-request
      case 0xC4 -> 0xCC; // get-response
      case 0xC5 -> 0xCD; // set-response
      case 0xC7 -> 0xCF; // action-response
      default -> -1;
    };
  }

  /** The ded- tag for a plain xDLMS tag, or -1 if none. */
  public static int dedTag(int plainTag) {
    return switch (plainTag) {
      case 0xC0 -> 0xD0;
      case 0xC1 -> 0xD1;
      case 0xC2 -> 0xD2;
      case 0xC3 -> 0xD3;
      case 0xC4 -> 0xD4;
      case 0xC5 -> 0xD5;
      case 0xC7 -> 0xD7;
      default -> -1;
    };
  }

  /** True for tags that carry a service-specific or general ciphered APDU. */
  public static boolean isCiphered(int tag) {
    return tag == 0x21
        || tag == 0x28
        || tag == 0x2E
        || (tag >= 0xC8 && tag <= 0xCF && tag != 0xCE)
        || (tag >= 0xD0 && tag <= 0xD7 && tag != 0xD6)
        || tag == GENERAL_GLO_CIPHERING
        || tag == GENERAL_DED_CIPHERING;
  }

  public static byte[] encode(int tag, SecurityControl sc, long ic, byte[] info) {
    AxdrWriter w = new AxdrWriter(info.length + 12);
    w.u8(tag).length(info.length + 5).u8(sc.value()).u32(ic).bytes(info);
    return w.toByteArray();
  }

  public static byte[] encodeGeneralGlo(
      byte[] systemTitle, SecurityControl sc, long ic, byte[] info) {
    AxdrWriter w = new AxdrWriter(info.length + 24);
    w.u8(GENERAL_GLO_CIPHERING).length(systemTitle.length).bytes(systemTitle);
    w.length(info.length + 5).u8(sc.value()).u32(ic).bytes(info);
    return w.toByteArray();
  }

  /** Parses a ciphered APDU; {@code systemTitle} is null unless general ciphering carries one. */
  public static Ciphered decode(byte[] apdu) {
    AxdrReader r = new AxdrReader(apdu);
    int tag = r.u8("ciphered APDU tag");
    if (!isCiphered(tag)) {
      throw new DlmsFramingException(
          "ciphered APDU: tag 0x" + Integer.toHexString(tag) + " is not a ciphered APDU");
    }
    byte[] st = null;
    if (tag == GENERAL_GLO_CIPHERING || tag == GENERAL_DED_CIPHERING) {
      int at = r.position();
      int stLen = r.boundedLength("system-title", 1);
      if (stLen != SecuritySuite0.SYSTEM_TITLE_LENGTH) {
        throw new DlmsFramingException(
            "general ciphering: system-title length "
                + stLen
                + " at offset "
                + at
                + " != expected "
                + SecuritySuite0.SYSTEM_TITLE_LENGTH);
      }
      st = r.bytes(stLen, "system-title");
    }
    int len = r.boundedLength("ciphered APDU", 1);
    if (len < 5) {
      throw new DlmsFramingException(
          "ciphered APDU: length " + len + " cannot hold security control and invocation counter");
    }
    if (len != r.remaining()) {
      throw new DlmsFramingException(
          "ciphered APDU: length " + len + " != remaining " + r.remaining() + " octets");
    }
    SecurityControl sc = new SecurityControl(r.u8("security control"));
    long ic = r.u32("invocation counter");
    return new Ciphered(tag, st, sc, ic, r.bytes(len - 5, "ciphered information"));
  }
}
