package io.loadlens.iec21.p1;

import io.loadlens.iec21.Iec21Exception;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Luxembourg Smarty P1 frames: a DSMR telegram inside a DLMS general-glo-ciphering APDU (IEC
 * 62056-5-3 §9.2.7.2.4.6, security suite 0), sent by Sagemcom T210-D meters.
 *
 * <pre>
 *   DB                 general-glo-ciphering tag
 *   08 ST(8)           system-title length and system title
 *   LL | 82 LLLL       length of the rest (A-XDR length: short form or 0x81/0x82 long form)
 *   SC                 security control byte, 0x30 = authenticated and encrypted
 *   FC(4)              frame counter (the GCM invocation counter)
 *   ciphertext         the telegram text
 *   T(12)              GCM tag
 * </pre>
 *
 * AES-128-GCM with IV = system title ‖ frame counter and AAD = SC ‖ authentication key.
 */
public final class SmartyFrame {
  private static final int GENERAL_GLO_CIPHERING = 0xDB;
  private static final int SC_AUTHENTICATED_ENCRYPTED = 0x30;
  private static final int TAG_BYTES = 12;

  private SmartyFrame() {}

  /** Whether the bytes look like a general-glo-ciphering frame rather than a plain telegram. */
  public static boolean isEncrypted(byte[] data) {
    return data.length > 0 && (data[0] & 0xFF) == GENERAL_GLO_CIPHERING;
  }

  /**
   * Decrypts a frame to the telegram bytes it carries.
   *
   * @throws Iec21Exception naming the field when the frame is malformed, and "GCM tag check failed"
   *     when the key is wrong or the frame was altered (no plaintext is returned then)
   */
  public static byte[] decrypt(byte[] frame, byte[] encryptionKey, byte[] authenticationKey) {
    requireKey("encryption key", encryptionKey);
    requireKey("authentication key", authenticationKey);
    if (!isEncrypted(frame)) {
      throw new Iec21Exception(
          String.format(
              "Smarty frame: tag 0x%02X is not general-glo-ciphering 0xDB",
              frame.length == 0 ? 0 : frame[0] & 0xFF));
    }
    int at = 1;
    int stLength = need(frame, at, 1, "system-title length") & 0xFF;
    if (stLength != 8) {
      throw new Iec21Exception("Smarty frame: system-title length " + stLength + " != 8");
    }
    need(frame, at + 1, 8, "system title");
    byte[] systemTitle = Arrays.copyOfRange(frame, at + 1, at + 9);
    at += 9;
    int first = need(frame, at, 1, "length") & 0xFF;
    int length;
    if (first < 0x80) {
      length = first;
      at += 1;
    } else {
      int n = first & 0x7F;
      if (n < 1 || n > 2) {
        throw new Iec21Exception(
            String.format("Smarty frame: length form 0x%02X is not supported", first));
      }
      need(frame, at + 1, n, "length");
      length = 0;
      for (int i = 0; i < n; i++) {
        length = (length << 8) | (frame[at + 1 + i] & 0xFF);
      }
      at += 1 + n;
    }
    if (frame.length - at < length) {
      throw new Iec21Exception(
          "Smarty frame: length "
              + length
              + " exceeds the remaining "
              + (frame.length - at)
              + " bytes");
    }
    if (length < 1 + 4 + TAG_BYTES) {
      throw new Iec21Exception(
          "Smarty frame: length " + length + " is too short for SC, frame counter and tag");
    }
    int sc = frame[at] & 0xFF;
    if (sc != SC_AUTHENTICATED_ENCRYPTED) {
      throw new Iec21Exception(
          String.format(
              "Smarty frame: security control 0x%02X, expected 0x30 (authenticated and encrypted)",
              sc));
    }
    byte[] iv = new byte[12];
    System.arraycopy(systemTitle, 0, iv, 0, 8);
    System.arraycopy(frame, at + 1, iv, 8, 4);
    byte[] aad = new byte[1 + authenticationKey.length];
    aad[0] = (byte) sc;
    System.arraycopy(authenticationKey, 0, aad, 1, authenticationKey.length);
    int cipherStart = at + 5;
    int cipherAndTag = length - 5;
    try {
      Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
      gcm.init(
          Cipher.DECRYPT_MODE,
          new SecretKeySpec(encryptionKey, "AES"),
          new GCMParameterSpec(TAG_BYTES * 8, iv));
      gcm.updateAAD(aad);
      return gcm.doFinal(frame, cipherStart, cipherAndTag);
    } catch (AEADBadTagException e) {
      throw new Iec21Exception(
          "Smarty frame: GCM tag check failed (wrong key or altered frame)", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available in this JDK", e);
    }
  }

  private static int need(byte[] frame, int at, int count, String field) {
    if (at + count > frame.length) {
      throw new Iec21Exception(
          "Smarty frame: "
              + field
              + " needs "
              + count
              + " bytes at offset "
              + at
              + ", frame has "
              + frame.length);
    }
    return frame[at];
  }

  private static void requireKey(String name, byte[] key) {
    if (key == null || key.length != 16) {
      throw new Iec21Exception(
          "Smarty "
              + name
              + " must be 16 bytes (32 hex digits), got "
              + (key == null ? "none" : key.length));
    }
  }
}
