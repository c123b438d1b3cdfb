package io.loadlens.dlms.apdu;

/**
 * The xDLMS conformance block (Green Book 9.4.6.1): a 24-bit BIT STRING, bit 0 the most
 * significant. Constants are the bit masks of the 24-bit value.
 */
public final class Conformance {
  public static final int GENERAL_PROTECTION = 1 << (23 - 1);
  public static final int GENERAL_BLOCK_TRANSFER = 1 << (23 - 2);
  public static final int ATTRIBUTE0_WITH_SET = 1 << (23 - 8);
  public static final int PRIORITY_MGMT = 1 << (23 - 9);
  public static final int ATTRIBUTE0_WITH_GET = 1 << (23 - 10);
  public static final int BLOCK_TRANSFER_WITH_GET = 1 << (23 - 11);
  public static final int BLOCK_TRANSFER_WITH_SET = 1 << (23 - 12);
  public static final int BLOCK_TRANSFER_WITH_ACTION = 1 << (23 - 13);
  public static final int MULTIPLE_REFERENCES = 1 << (23 - 14);
  public static final int DATA_NOTIFICATION = 1 << (23 - 16);
  public static final int GET = 1 << (23 - 19);
  public static final int SET = 1 << (23 - 20);
  public static final int SELECTIVE_ACCESS = 1 << (23 - 21);
  public static final int EVENT_NOTIFICATION = 1 << (23 - 22);
  public static final int ACTION = 1 << (23 - 23);

  /** What our client proposes: 0x007E1F, as in the Green Book AARQ examples. */
  public static final int CLIENT_PROPOSED = 0x007E1F;

  /** What our server supports: get, set, action, selective access, block transfer, with-list. */
  public static final int SERVER_SUPPORTED =
      GET
          | SET
          | ACTION
          | SELECTIVE_ACCESS
          | BLOCK_TRANSFER_WITH_GET
          | BLOCK_TRANSFER_WITH_SET
          | BLOCK_TRANSFER_WITH_ACTION
          | MULTIPLE_REFERENCES;

  private Conformance() {}
}
