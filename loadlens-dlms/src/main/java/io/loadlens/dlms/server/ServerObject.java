package io.loadlens.dlms.server;

import io.loadlens.dlms.apdu.DataAccessResult;
import io.loadlens.dlms.apdu.SelectiveAccess;
import io.loadlens.dlms.axdr.AxdrWriter;
import io.loadlens.model.ObisCode;

/** A COSEM object the server engine serves (one interface class instance). */
interface ServerObject {
  int classId();

  int version();

  ObisCode obis();

  /** Number of attributes of the interface class (for the object_list access rights). */
  int attributeCount();

  /** Writes attribute {@code attribute} as Data into {@code out}, or returns the error. */
  DataAccessResult get(int attribute, SelectiveAccess access, AxdrWriter out);

  /** Writes the logical name (attribute 1 of every class). */
  static void logicalName(AxdrWriter out, ObisCode obis) {
    out.octetString(obis.toBytes());
  }
}
