package io.loadlens.dlms.client;

/**
 * How APDUs travel: the TCP wrapper (IEC 62056-47) or HDLC (IEC 62056-46, e.g. through a
 * transparent TCP-to-serial gateway).
 */
public enum Framing {
  WRAPPER,
  HDLC
}
