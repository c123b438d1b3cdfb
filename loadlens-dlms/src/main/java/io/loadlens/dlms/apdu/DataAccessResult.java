package io.loadlens.dlms.apdu;

/** Data-Access-Result (Green Book 9.5) and, with the same numbers, Action-Result. */
public enum DataAccessResult {
  SUCCESS(0, "success"),
  HARDWARE_FAULT(1, "hardware-fault"),
  TEMPORARY_FAILURE(2, "temporary-failure"),
  READ_WRITE_DENIED(3, "read-write-denied"),
  OBJECT_UNDEFINED(4, "object-undefined"),
  OBJECT_CLASS_INCONSISTENT(9, "object-class-inconsistent"),
  OBJECT_UNAVAILABLE(11, "object-unavailable"),
  TYPE_UNMATCHED(12, "type-unmatched"),
  SCOPE_OF_ACCESS_VIOLATED(13, "scope-of-access-violated"),
  DATA_BLOCK_UNAVAILABLE(14, "data-block-unavailable"),
  LONG_GET_ABORTED(15, "long-get-aborted"),
  NO_LONG_GET_IN_PROGRESS(16, "no-long-get-in-progress"),
  LONG_SET_ABORTED(17, "long-set-aborted"),
  NO_LONG_SET_IN_PROGRESS(18, "no-long-set-in-progress"),
  DATA_BLOCK_NUMBER_INVALID(19, "data-block-number-invalid"),
  OTHER_REASON(250, "other-reason");

  private final int code;
  private final String standardName;

  DataAccessResult(int code, String standardName) {
    this.code = code;
    this.standardName = standardName;
  }

  public int code() {
    return code;
  }

  /** The standard's name and number, e.g. {@code object-undefined(4)}. */
  public String label() {
    return standardName + "(" + code + ")";
  }

  /** The result with this code; unknown codes map to {@link #OTHER_REASON}. */
  public static DataAccessResult ofCode(int code) {
    for (DataAccessResult r : values()) {
      if (r.code == code) {
        return r;
      }
    }
    return OTHER_REASON;
  }
}
