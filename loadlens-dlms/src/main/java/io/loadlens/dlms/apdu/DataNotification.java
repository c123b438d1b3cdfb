package io.loadlens.dlms.apdu;

import io.loadlens.dlms.DlmsFramingException;
import io.loadlens.dlms.axdr.AxdrReader;
import io.loadlens.dlms.axdr.AxdrWriter;
import io.loadlens.dlms.axdr.CosemDateTime;
import io.loadlens.dlms.axdr.CosemValue;

/**
 * Data-Notification (Green Book 9.3.14, tag 0x0F), what meters push:
 *
 * <pre>
 *   0F | long-invoke-id-and-priority(4) | date-time OCTET STRING (00 = absent | 0C + 12 octets)
 *      | notification-body (Data)
 * </pre>
 *
 * @param dateTime the sender's time stamp, or null when absent
 */
public record DataNotification(
    long longInvokeIdAndPriority, CosemDateTime dateTime, CosemValue body) {
  public static final int TAG = 0x0F;

  public byte[] encode() {
    AxdrWriter w = new AxdrWriter(64).u8(TAG).u32(longInvokeIdAndPriority);
    if (dateTime == null) {
      w.u8(0);
    } else {
      w.u8(CosemDateTime.SIZE).bytes(dateTime.encode());
    }
    return w.value(body).toByteArray();
  }

  public static DataNotification decode(byte[] apdu) {
    AxdrReader r = new AxdrReader(apdu);
    Apdus.expectTag(r, TAG, "data-notification");
    long invoke = r.u32("long-invoke-id-and-priority");
    int at = r.position();
    int n = r.u8("date-time length");
    CosemDateTime dt = null;
    if (n == CosemDateTime.SIZE) {
      dt = CosemDateTime.decode(r.bytes(CosemDateTime.SIZE, "date-time"), 0);
    } else if (n != 0) {
      throw new DlmsFramingException(
          "data-notification: date-time length " + n + " at offset " + at + " is not 0 or 12");
    }
    CosemValue body = r.value();
    if (r.hasRemaining()) {
      throw new DlmsFramingException(
          "data-notification: "
              + r.remaining()
              + " octets after the body at offset "
              + r.position());
    }
    return new DataNotification(invoke, dt, body);
  }
}
