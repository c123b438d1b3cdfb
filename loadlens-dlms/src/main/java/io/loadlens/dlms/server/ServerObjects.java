package io.loadlens.dlms.server;

import io.loadlens.dlms.apdu.DataAccessResult;
import io.loadlens.dlms.apdu.SelectiveAccess;
import io.loadlens.dlms.axdr.AxdrWriter;
import io.loadlens.dlms.axdr.DataType;
import io.loadlens.model.ObisCode;
import java.util.ArrayList;
import java.util.List;

/**
 * The object model of one meter, built from its {@link MeterDataSource}: Clock, Association LN,
 * device id, the profiles' status objects, the registers and the profiles.
 */
final class ServerObjects {
  private final List<ServerObject> objects = new ArrayList<>();
  private final MeterDataSource data;

  /**
   * @param counters the meter's invocation counters, served as 0-0:43.1.0.255; null for a meter
   *     without ciphering
   */
  ServerObjects(MeterDataSource data, int clientSap, int serverSap, ServerCounters counters) {
    this.data = data;
    objects.add(new SimpleObjects.Clock(data));
    objects.add(new AssociationObject(this, clientSap, serverSap));
    objects.add(SimpleObjects.Data.deviceId(data.deviceId()));
    if (counters != null) {
      objects.add(new SimpleObjects.InvocationCounter(counters));
    }
    for (ProfileDefinition p : data.profiles()) {
      if (find(1, p.statusObis()) == null) {
        objects.add(SimpleObjects.Data.status(p.statusObis()));
      }
    }
    for (RegisterDefinition r : data.registers()) {
      objects.add(new SimpleObjects.Register(data, r));
    }
    for (ProfileDefinition p : data.profiles()) {
      for (RegisterDefinition c : p.columns()) {
        if (find(3, c.obis()) == null) {
          objects.add(new SimpleObjects.Register(data, c));
        }
      }
      objects.add(new ProfileGenericObject(data, p));
    }
  }

  MeterDataSource data() {
    return data;
  }

  ServerObject find(int classId, ObisCode obis) {
    for (ServerObject o : objects) {
      if (o.classId() == classId && o.obis().equals(obis)) {
        return o;
      }
    }
    return null;
  }

  /** GET of one attribute: the encoded Data written to {@code out}, or the error. */
  DataAccessResult get(
      int classId, ObisCode obis, int attribute, SelectiveAccess access, AxdrWriter out) {
    ServerObject o = find(classId, obis);
    if (o == null) {
      for (ServerObject other : objects) {
        if (other.obis().equals(obis)) {
          return DataAccessResult.OBJECT_CLASS_INCONSISTENT;
        }
      }
      return DataAccessResult.OBJECT_UNDEFINED;
    }
    if (access != null && !(o instanceof ProfileGenericObject && attribute == 2)) {
      return DataAccessResult.SCOPE_OF_ACCESS_VIOLATED;
    }
    return o.get(attribute, access, out);
  }

  /** Association LN attribute 2: object_list (Blue Book 4.4.4). */
  void objectList(AxdrWriter out) {
    out.arrayHeader(objects.size());
    for (ServerObject o : objects) {
      out.structureHeader(4)
          .integer(DataType.LONG_UNSIGNED, o.classId())
          .integer(DataType.UNSIGNED, o.version())
          .octetString(o.obis().toBytes());
      out.structureHeader(2).arrayHeader(o.attributeCount());
      for (int a = 1; a <= o.attributeCount(); a++) {
        out.structureHeader(3).integer(DataType.INTEGER, a).integer(DataType.ENUM, 1); // read-only
        if (o instanceof ProfileGenericObject && a == 2) {
          out.arrayHeader(2).integer(DataType.INTEGER, 1).integer(DataType.INTEGER, 2);
        } else {
          out.u8(DataType.NULL_DATA.tag());
        }
      }
      if (o instanceof AssociationObject) {
        out.arrayHeader(1)
            .structureHeader(2)
            .integer(DataType.INTEGER, 1)
            .integer(DataType.ENUM, 1);
      } else {
        out.arrayHeader(0);
      }
    }
  }

  /** Association LN, class 15 version 1: 1 logical_name, 2 object_list, 3 partners, 8 status. */
  record AssociationObject(ServerObjects all, int clientSap, int serverSap)
      implements ServerObject {
    @Override
    public int classId() {
      return 15;
    }

    @Override
    public int version() {
      return 1;
    }

    @Override
    public ObisCode obis() {
      return ObisCode.CURRENT_ASSOCIATION;
    }

    @Override
    public int attributeCount() {
      return 8;
    }

    @Override
    public DataAccessResult get(int attribute, SelectiveAccess access, AxdrWriter out) {
      switch (attribute) {
        case 1 -> ServerObject.logicalName(out, obis());
        case 2 -> all.objectList(out);
        case 3 ->
            out.structureHeader(2)
                .integer(DataType.INTEGER, clientSap)
                .integer(DataType.LONG_UNSIGNED, serverSap);
        case 7 -> {
          return DataAccessResult.READ_WRITE_DENIED;
        }
        case 8 -> out.integer(DataType.ENUM, 2); // associated
        default -> {
          return DataAccessResult.OBJECT_UNAVAILABLE;
        }
      }
      return DataAccessResult.SUCCESS;
    }
  }
}
