package io.loadlens.dlms.apdu;

import io.loadlens.dlms.axdr.AxdrReader;
import io.loadlens.dlms.axdr.AxdrWriter;
import io.loadlens.dlms.axdr.CosemValue;

/**
 * Selective-Access-Descriptor (Green Book 9.5): access-selector (unsigned) and access-parameters
 * (Data). For Profile Generic: selector 1 = range_descriptor, 2 = entry_descriptor (Blue Book
 * 4.3.6).
 */
public record SelectiveAccess(int selector, CosemValue parameters) {
  public static final int RANGE_DESCRIPTOR = 1;
  public static final int ENTRY_DESCRIPTOR = 2;

  /** Writes {@code 00} (absent) or {@code 01 selector parameters}. */
  static void encodeOptional(AxdrWriter w, SelectiveAccess a) {
    if (a == null) {
      w.u8(0);
    } else {
      w.u8(1).u8(a.selector).value(a.parameters);
    }
  }

  static SelectiveAccess decodeOptional(AxdrReader r) {
    if (r.u8("access-selection present") == 0) {
      return null;
    }
    int selector = r.u8("access-selector");
    return new SelectiveAccess(selector, r.value());
  }
}
