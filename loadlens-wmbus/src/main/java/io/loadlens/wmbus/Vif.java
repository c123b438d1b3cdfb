package io.loadlens.wmbus;

/**
 * The primary VIF table of EN 13757-3 (table 10) and the VIF extensions loadlens names (0xFD, table
 * 14). {@code exponent} is the power of ten applied to the raw value.
 */
record Vif(String description, String unit, int exponent, Kind kind) {
  enum Kind {
    NUMBER,
    DATE_G,
    DATE_TIME_F,
    TEXT,
    RAW
  }

  static Vif primary(int vif) {
    int v = vif & 0x7F;
    int n = v & 0x07;
    if (v <= 0x07) {
      return new Vif("energy", "Wh", n - 3, Kind.NUMBER);
    }
    if (v <= 0x0F) {
      return new Vif("energy", "J", n, Kind.NUMBER);
    }
    if (v <= 0x17) {
      return new Vif("volume", "m3", n - 6, Kind.NUMBER);
    }
    if (v <= 0x1F) {
      return new Vif("mass", "kg", n - 3, Kind.NUMBER);
    }
    if (v <= 0x23) {
      return new Vif("on time", timeUnit(v & 0x03), 0, Kind.NUMBER);
    }
    if (v <= 0x27) {
      return new Vif("operating time", timeUnit(v & 0x03), 0, Kind.NUMBER);
    }
    if (v <= 0x2F) {
      return new Vif("power", "W", n - 3, Kind.NUMBER);
    }
    if (v <= 0x37) {
      return new Vif("power", "J/h", n, Kind.NUMBER);
    }
    if (v <= 0x3F) {
      return new Vif("volume flow", "m3/h", n - 6, Kind.NUMBER);
    }
    if (v <= 0x47) {
      return new Vif("volume flow", "m3/min", n - 7, Kind.NUMBER);
    }
    if (v <= 0x4F) {
      return new Vif("volume flow", "m3/s", n - 9, Kind.NUMBER);
    }
    if (v <= 0x57) {
      return new Vif("mass flow", "kg/h", n - 3, Kind.NUMBER);
    }
    int m = v & 0x03;
    if (v <= 0x5B) {
      return new Vif("flow temperature", "°C", m - 3, Kind.NUMBER);
    }
    if (v <= 0x5F) {
      return new Vif("return temperature", "°C", m - 3, Kind.NUMBER);
    }
    if (v <= 0x63) {
      return new Vif("temperature difference", "K", m - 3, Kind.NUMBER);
    }
    if (v <= 0x67) {
      return new Vif("external temperature", "°C", m - 3, Kind.NUMBER);
    }
    if (v <= 0x6B) {
      return new Vif("pressure", "bar", m - 3, Kind.NUMBER);
    }
    return switch (v) {
      case 0x6C -> new Vif("date", "", 0, Kind.DATE_G);
      case 0x6D -> new Vif("date and time", "", 0, Kind.DATE_TIME_F);
      case 0x6E -> new Vif("heat cost allocation", "", 0, Kind.NUMBER);
      case 0x78 -> new Vif("fabrication number", "", 0, Kind.NUMBER);
      case 0x79 -> new Vif("enhanced identification", "", 0, Kind.NUMBER);
      case 0x7A -> new Vif("bus address", "", 0, Kind.NUMBER);
      default -> {
        if (v >= 0x70 && v <= 0x77) {
          yield new Vif(
              v <= 0x73 ? "averaging duration" : "actuality duration",
              timeUnit(v & 0x03),
              0,
              Kind.NUMBER);
        }
        yield new Vif(String.format("VIF 0x%02X", v), "", 0, Kind.RAW);
      }
    };
  }

  /** VIF extension table 0xFD (EN 13757-3 table 14), the entries meters commonly send. */
  static Vif extensionFd(int vife) {
    int v = vife & 0x7F;
    return switch (v) {
      case 0x08 -> new Vif("access number", "", 0, Kind.NUMBER);
      case 0x09 -> new Vif("medium", "", 0, Kind.NUMBER);
      case 0x0A -> new Vif("manufacturer", "", 0, Kind.NUMBER);
      case 0x0B -> new Vif("parameter set identification", "", 0, Kind.RAW);
      case 0x0C -> new Vif("model / version", "", 0, Kind.RAW);
      case 0x0E -> new Vif("firmware version", "", 0, Kind.RAW);
      case 0x0F -> new Vif("software version", "", 0, Kind.RAW);
      case 0x10 -> new Vif("customer location", "", 0, Kind.TEXT);
      case 0x11 -> new Vif("customer", "", 0, Kind.TEXT);
      case 0x16 -> new Vif("password", "", 0, Kind.RAW);
      case 0x17 -> new Vif("error flags", "", 0, Kind.NUMBER);
      case 0x1A -> new Vif("digital output", "", 0, Kind.NUMBER);
      case 0x1B -> new Vif("digital input", "", 0, Kind.NUMBER);
      default -> {
        if (v >= 0x48 && v <= 0x4F) {
          yield new Vif("voltage", "V", (v & 0x0F) - 9, Kind.NUMBER);
        }
        if (v >= 0x50 && v <= 0x57) {
          yield new Vif("current", "A", (v & 0x0F) - 12, Kind.NUMBER);
        }
        yield new Vif(String.format("VIF FD 0x%02X", v), "", 0, Kind.RAW);
      }
    };
  }

  private static String timeUnit(int code) {
    return switch (code) {
      case 0 -> "s";
      case 1 -> "min";
      case 2 -> "h";
      default -> "d";
    };
  }
}
