package io.loadlens.wmbus;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.macs.CMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The AES modes wM-Bus security uses: CBC (TPL modes 5 and 7), CTR (ELL), CMAC (KDF and AFL MAC).
 */
final class Aes {
  private Aes() {}

  static byte[] cbcDecrypt(byte[] key, byte[] iv, byte[] data, int offset, int length) {
    return run("AES/CBC/NoPadding", Cipher.DECRYPT_MODE, key, iv, data, offset, length);
  }

  static byte[] cbcEncrypt(byte[] key, byte[] iv, byte[] data) {
    return run("AES/CBC/NoPadding", Cipher.ENCRYPT_MODE, key, iv, data, 0, data.length);
  }

  static byte[] ctr(byte[] key, byte[] iv, byte[] data, int offset, int length) {
    return run("AES/CTR/NoPadding", Cipher.DECRYPT_MODE, key, iv, data, offset, length);
  }

  /** AES-CMAC (RFC 4493), the full 16 bytes. */
  static byte[] cmac(byte[] key, byte[] message) {
    CMac mac = new CMac(AESEngine.newInstance());
    mac.init(new KeyParameter(key));
    mac.update(message, 0, message.length);
    byte[] out = new byte[16];
    mac.doFinal(out, 0);
    return out;
  }

  private static byte[] run(
      String transformation, int mode, byte[] key, byte[] iv, byte[] data, int offset, int length) {
    try {
      Cipher c = Cipher.getInstance(transformation);
      c.init(mode, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
      return c.doFinal(data, offset, length);
    } catch (GeneralSecurityException e) {
      throw new WMBusException("AES " + transformation + " failed: " + e.getMessage(), e);
    }
  }
}
