package io.loadlens.dlms.apdu;

import io.loadlens.dlms.axdr.AxdrReader;
import io.loadlens.dlms.axdr.AxdrWriter;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Get-Data-Result CHOICE (Green Book 9.5): data [0] (the encoded Data, kept as bytes so large
 * buffers are decoded once, by the caller's decoder) or data-access-result [1].
 */
public record GetDataResult(byte[] data, DataAccessResult error) {
  public GetDataResult {
    if ((data == null) == (error == null)) {
      throw new IllegalArgumentException("Get-Data-Result holds exactly one of data or error");
    }
  }

  public static GetDataResult ofData(byte[] data) {
    return new GetDataResult(data, null);
  }

  public static GetDataResult ofError(DataAccessResult error) {
    return new GetDataResult(null, error);
  }

  public boolean isSuccess() {
    return data != null;
  }

  void encode(AxdrWriter w) {
    if (data != null) {
      w.u8(0).bytes(data);
    } else {
      w.u8(1).u8(error.code());
    }
  }

  /** Reads the choice; data extends over one encoded Data value. */
  static GetDataResult decode(AxdrReader r, byte[] buf) {
    int choice = r.u8("Get-Data-Result choice");
    if (choice == 0) {
      int start = r.position();
      int len = r.skipValue();
      return ofData(Arrays.copyOfRange(buf, start, start + len));
    }
    if (choice == 1) {
      return ofError(DataAccessResult.ofCode(r.u8("data-access-result")));
    }
    throw new io.loadlens.dlms.DlmsFramingException(
        "Get-Data-Result: choice " + choice + " is not 0 (data) or 1 (data-access-result)");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GetDataResult g && Arrays.equals(g.data, data) && g.error == error;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(data) * 31 + (error == null ? 0 : error.hashCode());
  }

  @Override
  public String toString() {
    return data != null ? "data " + HexFormat.of().formatHex(data) : error.label();
  }
}
