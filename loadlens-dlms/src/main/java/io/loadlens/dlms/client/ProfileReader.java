package io.loadlens.dlms.client;

import io.loadlens.dlms.DlmsFramingException;
import io.loadlens.dlms.apdu.AttributeDescriptor;
import io.loadlens.dlms.apdu.SelectiveAccess;
import io.loadlens.dlms.axdr.AxdrReader;
import io.loadlens.dlms.axdr.CosemDateTime;
import io.loadlens.dlms.axdr.CosemValue;
import io.loadlens.dlms.axdr.CosemValue.Int;
import io.loadlens.dlms.axdr.CosemValue.Structure;
import io.loadlens.dlms.axdr.DataType;
import io.loadlens.dlms.cosem.ProfileBufferDecoder;
import io.loadlens.dlms.cosem.ProfileBufferDecoder.Role;
import io.loadlens.model.ObisCode;
import io.loadlens.model.Unit;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.BiFunction;

/**
 * Reads a Profile Generic (class 7, Blue Book 4.3.6): capture_objects (attr 3), capture_period
 * (attr 4), the scaler_unit of each register column, then the buffer (attr 2), optionally with a
 * range_descriptor on the clock column or an entry_descriptor.
 */
final class ProfileReader {
  static final int PROFILE_GENERIC = 7;
  static final int CLOCK_CLASS = 8;
  static final int DATA_CLASS = 1;

  private final BiFunction<AttributeDescriptor, SelectiveAccess, byte[]> get;

  ProfileReader(BiFunction<AttributeDescriptor, SelectiveAccess, byte[]> get) {
    this.get = get;
  }

  private record Capture(int classId, ObisCode obis, int attribute) {}

  ProfileData read(ObisCode profile, Instant from, Instant to) {
    List<Capture> captures = captureObjects(profile);
    SelectiveAccess access = null;
    if (from != null) {
      Capture clock =
          captures.stream()
              .filter(c -> c.classId == CLOCK_CLASS)
              .findFirst()
              .orElseThrow(
                  () ->
                      new DlmsFramingException(
                          "profile " + profile + ": no clock column to select a range on"));
      access = rangeDescriptor(clock, from, to);
    }
    return read(profile, captures, access);
  }

  ProfileData readEntries(ObisCode profile, long fromEntry, long toEntry) {
    List<Capture> captures = captureObjects(profile);
    CosemValue params =
        Structure.of(
            Int.doubleLongUnsigned(fromEntry),
            Int.doubleLongUnsigned(toEntry),
            Int.longUnsigned(1),
            Int.longUnsigned(0));
    return read(profile, captures, new SelectiveAccess(SelectiveAccess.ENTRY_DESCRIPTOR, params));
  }

  static SelectiveAccess rangeDescriptor(Capture clock, Instant from, Instant to) {
    CosemValue restricting =
        Structure.of(
            Int.longUnsigned(clock.classId),
            CosemValue.Bytes.octetString(clock.obis.toBytes()),
            Int.integer(clock.attribute),
            Int.longUnsigned(0));
    CosemValue params =
        Structure.of(
            restricting,
            CosemValue.Bytes.octetString(CosemDateTime.of(from, ZoneOffset.UTC).encode()),
            CosemValue.Bytes.octetString(CosemDateTime.of(to, ZoneOffset.UTC).encode()),
            new CosemValue.Array(List.of()));
    return new SelectiveAccess(SelectiveAccess.RANGE_DESCRIPTOR, params);
  }

  private ProfileData read(ObisCode profile, List<Capture> captures, SelectiveAccess access) {
    int period =
        (int)
            integer(value(new AttributeDescriptor(PROFILE_GENERIC, profile, 4)), "capture_period");
    Role[] roles = new Role[captures.size()];
    int[] scalers = new int[captures.size()];
    List<ProfileColumn> columns = new ArrayList<>();
    boolean clockSeen = false;
    for (int i = 0; i < captures.size(); i++) {
      Capture c = captures.get(i);
      if (!clockSeen && c.classId == CLOCK_CLASS && c.attribute == 2) {
        roles[i] = Role.CLOCK;
        clockSeen = true;
      } else if (i == 1 && c.classId == DATA_CLASS) {
        roles[i] = Role.STATUS;
      } else {
        roles[i] = Role.VALUE;
        ProfileColumn col = column(c);
        scalers[i] = col.scaler();
        columns.add(col);
      }
    }
    if (!clockSeen) {
      throw new DlmsFramingException(
          "profile " + profile + ": capture_objects have no clock (class 8 attribute 2) column");
    }
    byte[] buffer = get.apply(new AttributeDescriptor(PROFILE_GENERIC, profile, 2), access);
    ProfileBufferDecoder.Columns cols =
        new ProfileBufferDecoder(roles, scalers, period).decode(buffer, 0, buffer.length);
    return new ProfileData(
        profile, period, columns, cols.epochSeconds(), cols.status(), cols.values());
  }

  private ProfileColumn column(Capture c) {
    OptionalInt scalerUnitAttr = ScalerUnit.attributeOf(c.classId);
    if (scalerUnitAttr.isEmpty() || c.attribute != 2) {
      return new ProfileColumn(c.obis, c.classId, c.attribute, Unit.NONE, 0);
    }
    ScalerUnit su =
        ScalerUnit.decode(
            value(new AttributeDescriptor(c.classId, c.obis, scalerUnitAttr.getAsInt())), c.obis);
    return new ProfileColumn(c.obis, c.classId, c.attribute, su.unit(), su.scaler());
  }

  private List<Capture> captureObjects(ObisCode profile) {
    CosemValue v = value(new AttributeDescriptor(PROFILE_GENERIC, profile, 3));
    if (!(v instanceof CosemValue.Array a)) {
      throw new DlmsFramingException(
          "capture_objects of " + profile + ": " + v.type() + " is not an array");
    }
    List<Capture> out = new ArrayList<>();
    for (CosemValue e : a.elements()) {
      if (!(e instanceof Structure s)
          || s.elements().size() != 4
          || !(s.get(1) instanceof CosemValue.Bytes ln)
          || ln.length() != 6) {
        throw new DlmsFramingException(
            "capture_objects of "
                + profile
                + ": element "
                + e
                + " is not structure{class_id, logical_name, attribute_index, data_index}");
      }
      out.add(
          new Capture(
              (int) integer(s.get(0), "class_id"),
              ObisCode.fromBytes(ln.value()),
              (int) integer(s.get(2), "attribute_index")));
    }
    return out;
  }

  private CosemValue value(AttributeDescriptor a) {
    byte[] data = get.apply(a, null);
    return new AxdrReader(data).value();
  }

  static long integer(CosemValue v, String field) {
    if (v instanceof Int i && i.type() != DataType.LONG64_UNSIGNED) {
      return i.value();
    }
    throw new DlmsFramingException(field + ": " + v + " is not an integer");
  }
}
