package io.loadlens.dlms.security;

import io.loadlens.dlms.DlmsAuthenticationException;
import io.loadlens.dlms.DlmsFramingException;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * DLMS security suite 0 (Green Book 9.2.3.3.7, AES-GCM-128): IV = system title (8) ‖ invocation
 * counter (4); authentication tag of 12 octets. With authentication the AAD is SC ‖ AK, followed by
 * the plaintext when only authenticated (SC 0x10); encryption only (SC 0x20) is GCM without a tag,
 * which is AES-CTR starting at counter block J0+1 = IV ‖ 00000002.
 *
 * <p>All methods are thread-safe (a fresh {@link Cipher} per call). Keys never appear in messages.
 */
public final class SecuritySuite0 {
  /** Authentication tag length in octets (Green Book: 12). */
  public static final int TAG_LENGTH = 12;

  /** System title length in octets. */
  public static final int SYSTEM_TITLE_LENGTH = 8;

  private static final int KEY_LENGTH = 16;

  private SecuritySuite0() {}

  /** The ciphered information: ciphertext (or plaintext when only authenticated) ‖ tag. */
  public static byte[] protect(
      SecurityControl sc, byte[] systemTitle, long ic, byte[] ek, byte[] ak, byte[] plaintext) {
    checkKeys(systemTitle, ek, ak, sc);
    try {
      byte[] iv = iv(systemTitle, ic);
      if (!sc.authenticated()) {
        return ctr(ek, iv, plaintext, 0, plaintext.length);
      }
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(ek, "AES"), new GCMParameterSpec(96, iv));
      c.updateAAD(new byte[] {(byte) sc.value()});
      c.updateAAD(ak);
      if (!sc.encrypted()) {
        c.updateAAD(plaintext);
        byte[] tag = c.doFinal();
        byte[] out = Arrays.copyOf(plaintext, plaintext.length + TAG_LENGTH);
        System.arraycopy(tag, 0, out, plaintext.length, TAG_LENGTH);
        return out;
      }
      return c.doFinal(plaintext);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM unavailable in this JDK: " + e.getMessage(), e);
    }
  }

  /**
   * Verifies and decrypts the ciphered information at {@code [off, off+len)}.
   *
   * @throws DlmsAuthenticationException when the tag does not verify
   */
  public static byte[] unprotect(
      SecurityControl sc,
      byte[] systemTitle,
      long ic,
      byte[] ek,
      byte[] ak,
      byte[] data,
      int off,
      int len) {
    checkKeys(systemTitle, ek, ak, sc);
    try {
      byte[] iv = iv(systemTitle, ic);
      if (!sc.authenticated()) {
        return ctr(ek, iv, data, off, len);
      }
      if (len < TAG_LENGTH) {
        throw new DlmsFramingException(
            "ciphered APDU: " + len + " octets cannot hold the 12-octet tag (" + sc + ")");
      }
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(ek, "AES"), new GCMParameterSpec(96, iv));
      c.updateAAD(new byte[] {(byte) sc.value()});
      c.updateAAD(ak);
      if (!sc.encrypted()) {
        int plainLen = len - TAG_LENGTH;
        c.updateAAD(data, off, plainLen);
        c.doFinal(data, off + plainLen, TAG_LENGTH);
        return Arrays.copyOfRange(data, off, off + plainLen);
      }
      return c.doFinal(data, off, len);
    } catch (AEADBadTagException e) {
      throw new DlmsAuthenticationException(
          "GCM tag failure: "
              + sc
              + ", invocation counter "
              + ic
              + ", system title "
              + java.util.HexFormat.of().formatHex(systemTitle),
          e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM unavailable in this JDK: " + e.getMessage(), e);
    }
  }

  /**
   * The HLS-GMAC (mechanism 5) tag f(challenge) = GMAC over SC ‖ AK ‖ challenge with IV = system
   * title ‖ IC (Green Book 9.2.7.4.4, HLS pass 3/4), 12 octets.
   */
  public static byte[] gmac(byte[] systemTitle, long ic, byte[] ek, byte[] ak, byte[] challenge) {
    checkKeys(systemTitle, ek, ak, SecurityControl.AUTH);
    try {
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(
          Cipher.ENCRYPT_MODE,
          new SecretKeySpec(ek, "AES"),
          new GCMParameterSpec(96, iv(systemTitle, ic)));
      c.updateAAD(new byte[] {(byte) SecurityControl.AUTHENTICATION});
      c.updateAAD(ak);
      c.updateAAD(challenge);
      return c.doFinal();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM unavailable in this JDK: " + e.getMessage(), e);
    }
  }

  private static byte[] ctr(byte[] ek, byte[] iv12, byte[] data, int off, int len)
      throws GeneralSecurityException {
    byte[] counter = Arrays.copyOf(iv12, 16);
    counter[15] = 2;
    Cipher c = Cipher.getInstance("AES/CTR/NoPadding");
    c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(ek, "AES"), new IvParameterSpec(counter));
    return c.doFinal(data, off, len);
  }

  static byte[] iv(byte[] systemTitle, long ic) {
    byte[] iv = Arrays.copyOf(systemTitle, 12);
    iv[8] = (byte) (ic >>> 24);
    iv[9] = (byte) (ic >>> 16);
    iv[10] = (byte) (ic >>> 8);
    iv[11] = (byte) ic;
    return iv;
  }

  private static void checkKeys(byte[] st, byte[] ek, byte[] ak, SecurityControl sc) {
    if (st == null || st.length != SYSTEM_TITLE_LENGTH) {
      throw new IllegalArgumentException(
          "system title must be 8 octets, got " + (st == null ? "null" : st.length));
    }
    if (ek == null || ek.length != KEY_LENGTH) {
      throw new IllegalArgumentException(
          "encryption key must be 16 octets, got " + (ek == null ? "null" : ek.length));
    }
    if (sc.authenticated() && (ak == null || ak.length != KEY_LENGTH)) {
      throw new IllegalArgumentException(
          "authentication key must be 16 octets, got " + (ak == null ? "null" : ak.length));
    }
  }
}
