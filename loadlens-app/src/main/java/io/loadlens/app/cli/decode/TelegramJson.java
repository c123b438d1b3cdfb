package io.loadlens.app.cli.decode;

import io.loadlens.iec21.DataSet;
import io.loadlens.iec21.ModeCReadout;
import io.loadlens.iec21.p1.P1Telegram;
import io.loadlens.iec21.p1.P1Value;
import io.loadlens.model.ReadingBatch;
import io.loadlens.wmbus.DataRecord;
import io.loadlens.wmbus.WMBusTelegram;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON shape of decoded P1, IEC 62056-21, wM-Bus and Zigbee messages. */
final class TelegramJson {
  private TelegramJson() {}

  static Map<String, Object> p1(P1Telegram t, boolean decrypted) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("format", "p1");
    m.put("identification", t.identification());
    m.put("manufacturer", t.manufacturer());
    m.put("version", t.version());
    m.put("timestamp", t.timestamp().map(Object::toString).orElse(null));
    m.put("equipmentId", t.equipmentId().orElse(null));
    List<Map<String, Object>> checks = new ArrayList<>();
    if (decrypted) {
      checks.add(check("AES-GCM tag (Smarty general-glo-ciphering)", "valid", null, null));
    }
    if (t.crc().status() == P1Telegram.CrcCheck.Status.VALID) {
      checks.add(
          check(
              "CRC-16/ARC",
              "valid",
              String.format("0x%04X", t.crc().expected()),
              String.format("0x%04X", t.crc().actual())));
    } else {
      checks.add(check("CRC-16/ARC", "absent (DSMR 2.2/3.0 telegram)", null, null));
    }
    m.put("checks", checks);
    List<Map<String, Object>> values = new ArrayList<>();
    for (P1Value v : t.values()) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("obis", v.obis().toString());
      x.put("description", v.description());
      x.put("value", v.value());
      x.put("unit", v.unit().symbol());
      x.put("time", v.time().toString());
      values.add(x);
    }
    m.put("values", values);
    m.put("dataSets", dataSets(t.dataSets()));
    return m;
  }

  static Map<String, Object> modeC(ModeCReadout r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("format", "iec21");
    r.identification()
        .ifPresent(
            id -> {
              m.put("manufacturer", id.manufacturer());
              m.put("baudRate", id.baudRate());
              m.put("identification", id.identification());
            });
    m.put(
        "checks",
        List.of(
            check(
                "BCC",
                "valid",
                String.format("0x%02X", r.bcc()),
                String.format("0x%02X", r.bcc()))));
    m.put("dataSets", dataSets(r.dataSets()));
    return m;
  }

  static Map<String, Object> wmbus(WMBusTelegram t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("format", "wmbus");
    m.put("frameFormat", t.format().name());
    m.put("cField", String.format("0x%02X", t.cField()));
    m.put("manufacturer", t.manufacturer());
    m.put("id", t.id());
    m.put("version", t.version());
    m.put("deviceType", String.format("0x%02X", t.deviceType()));
    m.put("medium", t.medium());
    m.put("accessNumber", t.accessNumber() < 0 ? null : t.accessNumber());
    m.put("status", t.status() < 0 ? null : String.format("0x%02X", t.status()));
    m.put("security", t.security());
    List<Map<String, Object>> checks = new ArrayList<>();
    for (String c : t.checks()) {
      checks.add(check(c, "valid", null, null));
    }
    m.put("checks", checks);
    List<Map<String, Object>> records = new ArrayList<>();
    for (DataRecord r : t.records()) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("description", r.description());
      if (r.isNumeric()) {
        x.put("value", r.value());
      } else {
        x.put("text", r.text());
      }
      x.put("unit", r.unit());
      x.put("function", r.function().name().toLowerCase(java.util.Locale.ROOT));
      x.put("storage", r.storage());
      x.put("tariff", r.tariff());
      x.put("subunit", r.subunit());
      x.put("dif", r.dif());
      x.put("vif", r.vif());
      records.add(x);
    }
    m.put("records", records);
    return m;
  }

  static Map<String, Object> readings(String format, ReadingBatch b) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("format", format);
    m.put("meter", b.meter().value());
    List<Map<String, Object>> values = new ArrayList<>();
    b.series()
        .forEach(
            s -> {
              for (int i = 0; i < s.size(); i++) {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("obis", s.obis().toString());
                x.put("value", s.values()[i]);
                x.put("unit", s.unit().symbol());
                x.put("time", Instant.ofEpochSecond(s.epochSeconds()[i]).toString());
                values.add(x);
              }
            });
    m.put("values", values);
    return m;
  }

  private static List<Map<String, Object>> dataSets(List<DataSet> sets) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (DataSet s : sets) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("address", s.address());
      s.obis().ifPresent(o -> x.put("obis", o.toString()));
      List<String> v = new ArrayList<>();
      for (DataSet.ValueGroup g : s.values()) {
        v.add(g.unit().isEmpty() ? g.value() : g.value() + "*" + g.unit());
      }
      x.put("values", v);
      x.put("line", s.line());
      out.add(x);
    }
    return out;
  }

  static Map<String, Object> check(String name, String result, String expected, String actual) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("check", name);
    c.put("result", result);
    if (expected != null) {
      c.put("expected", expected);
      c.put("actual", actual);
    }
    return c;
  }
}
