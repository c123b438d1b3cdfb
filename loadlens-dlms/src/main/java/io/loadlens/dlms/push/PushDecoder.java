package io.loadlens.dlms.push;

import io.loadlens.dlms.DlmsFramingException;
import io.loadlens.dlms.DlmsReplayException;
import io.loadlens.dlms.apdu.DataNotification;
import io.loadlens.dlms.security.Ciphering;
import io.loadlens.dlms.security.SecuritySuite0;

/**
 * Decodes pushed APDUs into {@link DataNotification}s: plain (0x0F), general-glo-ciphering (0xDB,
 * system title in the APDU) or service-specific glo-/ded- ciphered, with suite 0 keys, every
 * security control variant (authentication only, encryption only, both). Tracks the sender's
 * invocation counter: a counter not greater than the last accepted raises {@link
 * DlmsReplayException}. Not thread-safe: one decoder per meter.
 */
public final class PushDecoder {
  private final byte[] ek;
  private final byte[] ak;
  private final byte[] defaultSystemTitle;
  private long lastIc = -1;

  /**
   * @param ek the meter's GUEK (null for plain pushes only)
   * @param ak the meter's GAK (null when pushes are encrypted only)
   * @param systemTitle the meter's system title for service-specific (glo-) ciphering, or null
   */
  public PushDecoder(byte[] ek, byte[] ak, byte[] systemTitle) {
    this.ek = ek == null ? null : ek.clone();
    this.ak = ak == null ? null : ak.clone();
    this.defaultSystemTitle = systemTitle == null ? null : systemTitle.clone();
  }

  public DataNotification decode(byte[] apdu) {
    if (apdu.length == 0) {
      throw new DlmsFramingException("push: empty APDU");
    }
    int tag = apdu[0] & 0xFF;
    if (tag == DataNotification.TAG) {
      return DataNotification.decode(apdu);
    }
    if (!Ciphering.isCiphered(tag)) {
      throw new DlmsFramingException(
          "push: tag 0x"
              + Integer.toHexString(tag)
              + " is not a data-notification or ciphered APDU");
    }
    if (ek == null) {
      throw new DlmsFramingException("push: ciphered APDU but no key configured for this meter");
    }
    Ciphering.Ciphered c = Ciphering.decode(apdu);
    byte[] st = c.systemTitle() != null ? c.systemTitle() : defaultSystemTitle;
    if (st == null) {
      throw new DlmsFramingException(
          "push: glo-ciphered APDU but the meter's system title is unknown");
    }
    if (c.ic() <= lastIc) {
      throw new DlmsReplayException(
          "push: invocation counter "
              + c.ic()
              + " is not greater than the last accepted "
              + lastIc);
    }
    byte[] plain =
        SecuritySuite0.unprotect(c.sc(), st, c.ic(), ek, ak, c.info(), 0, c.info().length);
    lastIc = c.ic();
    return DataNotification.decode(plain);
  }
}
