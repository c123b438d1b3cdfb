package io.loadlens.iec21;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses data lines of the form {@code ADDRESS(v*u)(v*u)...}, possibly several data sets on one
 * line ({@code 3:14(314*kWh)4:15(415*kWh)}), into {@link DataSet}s. Used by both the IEC 62056-21
 * readout and the DSMR P1 telegram decoders.
 */
public final class DataSetParser {
  private DataSetParser() {}

  /**
   * Parses one line (without its CR LF).
   *
   * @param lineNumber 1-based, for error messages
   */
  public static List<DataSet> parseLine(String line, int lineNumber) {
    List<DataSet> sets = new ArrayList<>();
    int i = 0;
    int n = line.length();
    while (i < n) {
      int open = line.indexOf('(', i);
      if (open < 0) {
        throw new Iec21Exception(
            "line " + lineNumber + ": data set '" + line.substring(i) + "' has no '(' value");
      }
      String address = line.substring(i, open).trim();
      if (address.isEmpty() && sets.isEmpty()) {
        throw new Iec21Exception(
            "line " + lineNumber + ": data set has no address: '" + line + "'");
      }
      List<DataSet.ValueGroup> groups = new ArrayList<>();
      i = open;
      while (i < n && line.charAt(i) == '(') {
        int close = line.indexOf(')', i);
        if (close < 0) {
          throw new Iec21Exception(
              "line " + lineNumber + ": value group at column " + (i + 1) + " has no closing ')'");
        }
        groups.add(group(line.substring(i + 1, close)));
        i = close + 1;
      }
      if (address.isEmpty()) {
        // A continuation of the previous set's groups, e.g. DSMR 2.2 gas value on its own line.
        DataSet prev = sets.remove(sets.size() - 1);
        List<DataSet.ValueGroup> all = new ArrayList<>(prev.values());
        all.addAll(groups);
        sets.add(new DataSet(prev.address(), all, prev.line()));
      } else {
        sets.add(new DataSet(address, groups, lineNumber));
      }
    }
    return sets;
  }

  private static DataSet.ValueGroup group(String text) {
    int star = text.indexOf('*');
    return star < 0
        ? new DataSet.ValueGroup(text, "")
        : new DataSet.ValueGroup(text.substring(0, star), text.substring(star + 1));
  }
}
