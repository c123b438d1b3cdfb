package io.loadlens.dlms.server;

import io.loadlens.dlms.apdu.DataAccessResult;
import io.loadlens.dlms.apdu.SelectiveAccess;
import io.loadlens.dlms.axdr.AxdrWriter;
import io.loadlens.dlms.axdr.CosemDateTime;
import io.loadlens.dlms.axdr.DataType;
import io.loadlens.model.ObisCode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/**
 * Clock (8), Data (1) and Register (3) objects over a {@link MeterDataSource} (Blue Book 4.1-4.5).
 */
final class SimpleObjects {
  private SimpleObjects() {}

  /** Clock, class 8 version 0: 1 logical_name, 2 time, 3 time_zone, 4 status, 8 enabled, 9 base. */
  record Clock(MeterDataSource data) implements ServerObject {
    @Override
    public int classId() {
      return 8;
    }

    @Override
    public int version() {
      return 0;
    }

    @Override
    public ObisCode obis() {
      return ObisCode.CLOCK;
    }

    @Override
    public int attributeCount() {
      return 9;
    }

    @Override
    public DataAccessResult get(int attribute, SelectiveAccess access, AxdrWriter out) {
      Instant now = data.now();
      CosemDateTime dt = CosemDateTime.of(now, data.zone());
      switch (attribute) {
        case 1 -> ServerObject.logicalName(out, obis());
        case 2 -> out.octetString(dt.encode());
        case 3 -> out.integer(DataType.LONG, dt.deviation());
        case 4 -> out.integer(DataType.UNSIGNED, dt.status());
        case 5, 6 -> out.octetString(wildcardDateTime());
        case 7 -> out.integer(DataType.INTEGER, 60);
        case 8 -> out.u8(DataType.BOOLEAN.tag()).u8(1);
        case 9 -> out.integer(DataType.ENUM, 1); // clock_base: internal crystal
        default -> {
          return DataAccessResult.OBJECT_UNDEFINED;
        }
      }
      return DataAccessResult.SUCCESS;
    }

    private static byte[] wildcardDateTime() {
      byte[] b = new byte[12];
      java.util.Arrays.fill(b, (byte) 0xFF);
      b[9] = (byte) 0x80;
      b[10] = 0;
      b[11] = 0;
      return b;
    }
  }

  /** Data, class 1 version 0: 1 logical_name, 2 value (what {@link #writeValue} writes). */
  interface DataObject extends ServerObject {
    /** Writes attribute 2, the value. */
    void writeValue(AxdrWriter out);

    @Override
    default int classId() {
      return 1;
    }

    @Override
    default int version() {
      return 0;
    }

    @Override
    default int attributeCount() {
      return 2;
    }

    @Override
    default DataAccessResult get(int attribute, SelectiveAccess access, AxdrWriter out) {
      switch (attribute) {
        case 1 -> ServerObject.logicalName(out, obis());
        case 2 -> writeValue(out);
        default -> {
          return DataAccessResult.OBJECT_UNDEFINED;
        }
      }
      return DataAccessResult.SUCCESS;
    }
  }

  /**
   * The invocation counter object (Data, 0-0:43.1.0.255): the last counter the meter accepted from
   * its HLS client, as a double-long-unsigned (0 before any), so a client that lost its counter
   * continues above it.
   */
  record InvocationCounter(ServerCounters counters) implements DataObject {
    @Override
    public ObisCode obis() {
      return ObisCode.INVOCATION_COUNTER;
    }

    @Override
    public void writeValue(AxdrWriter out) {
      out.integer(DataType.DOUBLE_LONG_UNSIGNED, Math.max(0, counters.lastAccepted()));
    }
  }

  /** Data whose value is an octet-string or an unsigned. */
  record Data(ObisCode obis, byte[] octets, int unsignedValue) implements DataObject {
    static Data deviceId(String id) {
      return new Data(ObisCode.DEVICE_ID_1, id.getBytes(StandardCharsets.US_ASCII), 0);
    }

    static Data status(ObisCode obis) {
      return new Data(obis, null, 0);
    }

    @Override
    public void writeValue(AxdrWriter out) {
      if (octets != null) {
        out.octetString(octets);
      } else {
        out.integer(DataType.UNSIGNED, unsignedValue);
      }
    }
  }

  /** Register, class 3 version 0: 1 logical_name, 2 value, 3 scaler_unit. */
  record Register(MeterDataSource data, RegisterDefinition def) implements ServerObject {
    @Override
    public int classId() {
      return 3;
    }

    @Override
    public int version() {
      return 0;
    }

    @Override
    public ObisCode obis() {
      return def.obis();
    }

    @Override
    public int attributeCount() {
      return 3;
    }

    @Override
    public DataAccessResult get(int attribute, SelectiveAccess access, AxdrWriter out) {
      switch (attribute) {
        case 1 -> ServerObject.logicalName(out, def.obis());
        case 2 -> {
          Optional<Long> v = data.registerValue(def.obis());
          if (v.isEmpty()) {
            return DataAccessResult.OBJECT_UNAVAILABLE;
          }
          writeNumber(out, def.dataType(), v.get());
        }
        case 3 -> scalerUnit(out, def);
        default -> {
          return DataAccessResult.OBJECT_UNDEFINED;
        }
      }
      return DataAccessResult.SUCCESS;
    }
  }

  static void scalerUnit(AxdrWriter out, RegisterDefinition def) {
    out.structureHeader(2)
        .integer(DataType.INTEGER, def.scaler())
        .integer(DataType.ENUM, def.unit().dlmsCode());
  }

  /** Writes a tagged number of the register's data type (floats carry the raw value). */
  static void writeNumber(AxdrWriter out, int dataType, long raw) {
    DataType t = DataType.ofTag(dataType);
    out.u8(t.tag());
    switch (t) {
      case FLOAT32 -> out.u32(Float.floatToIntBits((float) raw) & 0xFFFF_FFFFL);
      case FLOAT64 -> out.i64(Double.doubleToLongBits((double) raw));
      default -> out.untaggedInteger(t, raw);
    }
  }
}
