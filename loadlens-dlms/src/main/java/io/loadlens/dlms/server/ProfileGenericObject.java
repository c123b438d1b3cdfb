package io.loadlens.dlms.server;

import io.loadlens.dlms.DlmsFramingException;
import io.loadlens.dlms.apdu.DataAccessResult;
import io.loadlens.dlms.apdu.SelectiveAccess;
import io.loadlens.dlms.axdr.AxdrWriter;
import io.loadlens.dlms.axdr.CosemDateTime;
import io.loadlens.dlms.axdr.CosemValue;
import io.loadlens.dlms.axdr.DataType;
import io.loadlens.model.ObisCode;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Profile Generic, class 7 version 1 (Blue Book 4.3.6): 1 logical_name, 2 buffer (with
 * range_descriptor and entry_descriptor selective access), 3 capture_objects, 4 capture_period, 5
 * sort_method, 6 sort_object, 7 entries_in_use, 8 profile_entries. Rows come from the data source
 * on demand; a row whose time is the previous row's + capture_period is sent with a null-data
 * clock, as meters compress their buffers.
 */
record ProfileGenericObject(MeterDataSource data, ProfileDefinition def) implements ServerObject {
  @Override
  public int classId() {
    return 7;
  }

  @Override
  public int version() {
    return 1;
  }

  @Override
  public ObisCode obis() {
    return def.obis();
  }

  @Override
  public int attributeCount() {
    return 8;
  }

  @Override
  public DataAccessResult get(int attribute, SelectiveAccess access, AxdrWriter out) {
    switch (attribute) {
      case 1 -> ServerObject.logicalName(out, def.obis());
      case 2 -> {
        return buffer(access, out);
      }
      case 3 -> captureObjects(out);
      case 4 -> out.integer(DataType.DOUBLE_LONG_UNSIGNED, def.capturePeriodSeconds());
      case 5 -> out.integer(DataType.ENUM, 1); // sort_method fifo
      case 6 -> captureObject(out, 8, ObisCode.CLOCK, 2);
      case 7 ->
          out.integer(
              DataType.DOUBLE_LONG_UNSIGNED, Math.min(0xFFFF_FFFFL, data.entriesInUse(def.obis())));
      case 8 ->
          out.integer(DataType.DOUBLE_LONG_UNSIGNED, Math.min(0xFFFF_FFFFL, def.profileEntries()));
      default -> {
        return DataAccessResult.OBJECT_UNDEFINED;
      }
    }
    return DataAccessResult.SUCCESS;
  }

  private int columnCount() {
    return 2 + def.columns().size();
  }

  private void captureObjects(AxdrWriter out) {
    out.arrayHeader(columnCount());
    captureObject(out, 8, ObisCode.CLOCK, 2);
    captureObject(out, 1, def.statusObis(), 2);
    for (RegisterDefinition r : def.columns()) {
      captureObject(out, 3, r.obis(), 2);
    }
  }

  private static void captureObject(AxdrWriter out, int classId, ObisCode obis, int attribute) {
    out.structureHeader(4)
        .integer(DataType.LONG_UNSIGNED, classId)
        .octetString(obis.toBytes())
        .integer(DataType.INTEGER, attribute)
        .integer(DataType.LONG_UNSIGNED, 0);
  }

  private DataAccessResult buffer(SelectiveAccess access, AxdrWriter out) {
    int n = columnCount();
    if (access == null) {
      writeRows(out, bufferRows(), 0, Integer.MAX_VALUE, 0, n);
      return DataAccessResult.SUCCESS;
    }
    try {
      return switch (access.selector()) {
        case SelectiveAccess.RANGE_DESCRIPTOR -> range(access.parameters(), out);
        case SelectiveAccess.ENTRY_DESCRIPTOR -> entries(access.parameters(), out);
        default -> DataAccessResult.SCOPE_OF_ACCESS_VIOLATED;
      };
    } catch (DlmsFramingException | ClassCastException | IndexOutOfBoundsException e) {
      return DataAccessResult.TYPE_UNMATCHED;
    }
  }

  /** range_descriptor: structure{restricting_object, from_value, to_value, selected_values}. */
  private DataAccessResult range(CosemValue params, AxdrWriter out) {
    CosemValue.Structure s = (CosemValue.Structure) params;
    CosemValue.Structure restricting = (CosemValue.Structure) s.get(0);
    byte[] obis = ((CosemValue.Bytes) restricting.get(1)).value();
    if (((CosemValue.Int) restricting.get(0)).value() != 8
        || !ObisCode.fromBytes(obis).equals(ObisCode.CLOCK)) {
      return DataAccessResult.SCOPE_OF_ACCESS_VIOLATED;
    }
    ZoneId zone = data.zone();
    Instant from = instant(s.get(1), zone);
    Instant to = instant(s.get(2), zone);
    if (from == null || to == null) {
      return DataAccessResult.TYPE_UNMATCHED;
    }
    List<CosemValue> selected = ((CosemValue.Array) s.get(3)).elements();
    int[] cols = selectedColumns(selected);
    if (cols == null) {
      return DataAccessResult.SCOPE_OF_ACCESS_VIOLATED;
    }
    ProfileRows rows = data.rows(def.obis(), from, to);
    writeRows(out, rows, 0, Integer.MAX_VALUE, cols);
    return DataAccessResult.SUCCESS;
  }

  private static Instant instant(CosemValue v, ZoneId zone) {
    if (v instanceof CosemValue.Bytes b && b.length() == 12) {
      return CosemDateTime.decode(b.value(), 0).toInstant(zone).orElse(null);
    }
    return null;
  }

  private int[] selectedColumns(List<CosemValue> selected) {
    if (selected.isEmpty()) {
      int[] all = new int[columnCount()];
      for (int i = 0; i < all.length; i++) {
        all[i] = i;
      }
      return all;
    }
    List<ObisCode> order = new ArrayList<>();
    order.add(ObisCode.CLOCK);
    order.add(def.statusObis());
    def.columns().forEach(c -> order.add(c.obis()));
    int[] out = new int[selected.size()];
    for (int i = 0; i < out.length; i++) {
      CosemValue.Structure c = (CosemValue.Structure) selected.get(i);
      int idx = order.indexOf(ObisCode.fromBytes(((CosemValue.Bytes) c.get(1)).value()));
      if (idx < 0) {
        return null;
      }
      out[i] = idx;
    }
    return out;
  }

  /** entry_descriptor: structure{from_entry, to_entry, from_selected_value, to_selected_value}. */
  private DataAccessResult entries(CosemValue params, AxdrWriter out) {
    CosemValue.Structure s = (CosemValue.Structure) params;
    long fromEntry = ((CosemValue.Int) s.get(0)).value();
    long toEntry = ((CosemValue.Int) s.get(1)).value();
    int fromCol = (int) ((CosemValue.Int) s.get(2)).value();
    int toCol = (int) ((CosemValue.Int) s.get(3)).value();
    int n = columnCount();
    if (toCol == 0) {
      toCol = n;
    }
    if (fromEntry < 1
        || (toEntry != 0 && toEntry < fromEntry)
        || fromCol < 1
        || toCol > n
        || toCol < fromCol) {
      return DataAccessResult.SCOPE_OF_ACCESS_VIOLATED;
    }
    ProfileRows rows = bufferRows();
    int first = (int) Math.min(rows.size(), fromEntry - 1);
    int last = toEntry == 0 ? rows.size() : (int) Math.min(rows.size(), toEntry);
    writeRows(out, rows, first, last, fromCol - 1, toCol);
    return DataAccessResult.SUCCESS;
  }

  /**
   * The rows the buffer holds now: the last entries_in_use rows within profile_entries capture
   * periods before the meter's clock.
   */
  private ProfileRows bufferRows() {
    long entries = Math.min(data.entriesInUse(def.obis()), def.profileEntries());
    Instant now = data.now();
    Instant from = now.minusSeconds(def.profileEntries() * def.capturePeriodSeconds());
    ProfileRows all = data.rows(def.obis(), from, now);
    if (all.size() <= entries) {
      return all;
    }
    int skip = (int) (all.size() - entries);
    long[][] values = new long[all.values().length][];
    for (int c = 0; c < values.length; c++) {
      values[c] = java.util.Arrays.copyOfRange(all.values()[c], skip, all.size());
    }
    return new ProfileRows(
        java.util.Arrays.copyOfRange(all.epochSeconds(), skip, all.size()),
        java.util.Arrays.copyOfRange(all.status(), skip, all.size()),
        values);
  }

  private void writeRows(
      AxdrWriter out, ProfileRows rows, int first, int last, int fromCol, int toCol) {
    int[] cols = new int[toCol - fromCol];
    for (int i = 0; i < cols.length; i++) {
      cols[i] = fromCol + i;
    }
    writeRows(out, rows, first, last, cols);
  }

  private void writeRows(AxdrWriter out, ProfileRows rows, int first, int last, int[] cols) {
    int end = Math.min(last, rows.size());
    int count = Math.max(0, end - first);
    out.arrayHeader(count);
    ZoneId zone = data.zone();
    long prev = Long.MIN_VALUE;
    long period = def.capturePeriodSeconds();
    for (int r = first; r < end; r++) {
      out.structureHeader(cols.length);
      long t = rows.epochSeconds()[r];
      for (int col : cols) {
        switch (col) {
          case 0 -> {
            if (prev != Long.MIN_VALUE && t == prev + period) {
              out.u8(DataType.NULL_DATA.tag());
            } else {
              out.octetString(CosemDateTime.of(Instant.ofEpochSecond(t), zone).encode());
            }
          }
          case 1 -> out.integer(DataType.UNSIGNED, rows.status()[r] & 0xFF);
          default ->
              SimpleObjects.writeNumber(
                  out, def.columns().get(col - 2).dataType(), rows.values()[col - 2][r]);
        }
      }
      prev = t;
    }
  }
}
