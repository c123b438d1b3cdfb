package io.loadlens.iec21.p1;

import java.util.HexFormat;

/**
 * The keys of a Luxembourg Smarty meter's P1 port: the encryption key (GUEK) the grid operator
 * hands to the customer, and the authentication key. Never printed: {@link #toString()} hides them.
 */
public record SmartyKeys(byte[] encryptionKey, byte[] authenticationKey) {
  /**
   * The authentication key Luxembourg Smarty meters share (as published with public Smarty readers;
   * the encryption key is per meter).
   */
  public static final String LUXEMBOURG_AUTHENTICATION_KEY = "00112233445566778899AABBCCDDEEFF";

  public SmartyKeys {
    encryptionKey = check("encryption key", encryptionKey);
    authenticationKey = check("authentication key", authenticationKey);
  }

  /** Parses 32 hex digits each. */
  public static SmartyKeys parse(String encryptionKeyHex, String authenticationKeyHex) {
    return new SmartyKeys(
        hex("encryption key", encryptionKeyHex), hex("authentication key", authenticationKeyHex));
  }

  /** A Luxembourg meter's keys: its own encryption key and the shared authentication key. */
  public static SmartyKeys luxembourg(String encryptionKeyHex) {
    return parse(encryptionKeyHex, LUXEMBOURG_AUTHENTICATION_KEY);
  }

  @Override
  public byte[] encryptionKey() {
    return encryptionKey.clone();
  }

  @Override
  public byte[] authenticationKey() {
    return authenticationKey.clone();
  }

  @Override
  public String toString() {
    return "SmartyKeys[hidden]";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SmartyKeys k
        && java.util.Arrays.equals(encryptionKey, k.encryptionKey)
        && java.util.Arrays.equals(authenticationKey, k.authenticationKey);
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(encryptionKey);
  }

  private static byte[] hex(String name, String text) {
    String s = text == null ? "" : text.strip();
    if (!s.matches("[0-9A-Fa-f]{32}")) {
      throw new IllegalArgumentException(
          "Smarty " + name + " must be 32 hex digits, got " + s.length() + " characters");
    }
    return HexFormat.of().parseHex(s);
  }

  private static byte[] check(String name, byte[] key) {
    if (key == null || key.length != 16) {
      throw new IllegalArgumentException(
          "Smarty " + name + " must be 16 bytes, got " + (key == null ? "none" : key.length));
    }
    return key.clone();
  }
}
