package io.loadlens.dlms.client;

/**
 * The association's authentication (Green Book 9.2.2): none (public client), low-level security
 * (password), or high-level security with GMAC (mechanism 5) and security suite 0 ciphering of all
 * xDLMS APDUs.
 */
public enum SecurityLevel {
  NONE,
  LLS,
  HLS_GMAC
}
