package io.loadlens.store;

import java.util.ArrayList;
import java.util.List;

/** Splits one CSV line (RFC 4180 quoting, comma separated, no line breaks inside fields). */
final class Csv {
  private Csv() {}

  static List<String> split(String line) {
    List<String> out = new ArrayList<>(8);
    StringBuilder sb = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
            sb.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          sb.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        out.add(sb.toString());
        sb.setLength(0);
      } else if (c != '\r') {
        sb.append(c);
      }
    }
    out.add(sb.toString());
    return out;
  }
}
