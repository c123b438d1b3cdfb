package io.loadlens.dlms.apdu;

import io.loadlens.dlms.axdr.AxdrReader;
import io.loadlens.dlms.axdr.AxdrWriter;
import io.loadlens.model.ObisCode;

/**
 * Cosem-Attribute-Descriptor / Cosem-Method-Descriptor (Green Book 9.5): class-id (u16),
 * instance-id (6-octet logical name), attribute-id or method-id (int8).
 */
public record AttributeDescriptor(int classId, ObisCode obis, int attribute) {
  public AttributeDescriptor {
    if (classId < 0 || classId > 0xFFFF) {
      throw new IllegalArgumentException("class-id " + classId + " is outside 0..65535");
    }
    if (attribute < -128 || attribute > 127) {
      throw new IllegalArgumentException("attribute-id " + attribute + " is outside -128..127");
    }
  }

  void encode(AxdrWriter w) {
    w.u16(classId).bytes(obis.toBytes()).u8(attribute);
  }

  static AttributeDescriptor decode(AxdrReader r) {
    int classId = r.u16("class-id");
    ObisCode obis = Apdus.obis(r, "instance-id");
    return new AttributeDescriptor(classId, obis, (byte) r.u8("attribute-id"));
  }

  @Override
  public String toString() {
    return "class " + classId + " " + obis + " attribute " + attribute;
  }
}
