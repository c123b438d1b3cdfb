package io.loadlens.server.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.Map;

/**
 * Writes {@link Readings} straight from the primitive columns: no boxed value, map or list per row.
 * REST bodies are formatted by {@link #encode} into one byte buffer; as the record's serializer it
 * writes the same JSON through Jackson's streaming generator wherever an {@code ObjectMapper} meets
 * a {@code Readings} (JSON-RPC, reports). Values that are not finite are written as {@code null}.
 */
public final class ReadingsJson extends StdSerializer<Readings> {

  public ReadingsJson() {
    super(Readings.class);
  }

  @Override
  public void serialize(Readings r, JsonGenerator g, SerializerProvider provider)
      throws IOException {
    write(r, g);
  }

  /**
   * The UTF-8 JSON of a {@code Readings}, byte for byte what {@link #serialize} writes, formatted
   * straight into one buffer (about 28 bytes per row) without a {@code String} per number.
   */
  public static byte[] encode(Readings r) {
    JsonBytes out = new JsonBytes(512 + r.count() * 28);
    out.raw("{\"meter\":").string(r.meter());
    out.raw(",\"obis\":").string(r.obis());
    out.raw(",\"unit\":").string(r.unit());
    out.raw(",\"source\":").string(r.source());
    out.raw(",\"resolutionSeconds\":").number(r.resolutionSeconds());
    out.raw(",\"aggregation\":").string(r.aggregation());
    out.raw(",\"from\":").string(r.from().toString());
    out.raw(",\"to\":").string(r.to().toString());
    out.raw(",\"count\":").number(r.count());
    out.raw(",\"t\":[");
    long[] t = r.t();
    for (int i = 0; i < t.length; i++) {
      if (i > 0) {
        out.raw(',');
      }
      out.number(t[i]);
    }
    out.raw("],\"v\":[");
    double[] v = r.v();
    for (int i = 0; i < v.length; i++) {
      if (i > 0) {
        out.raw(',');
      }
      out.number(v[i]);
    }
    out.raw(']');
    strings(out, "quality", r.quality());
    strings(out, "method", r.method());
    out.raw(",\"status\":");
    if (r.status() == null) {
      out.nullValue();
    } else {
      out.raw('[');
      int[] st = r.status();
      for (int i = 0; i < st.length; i++) {
        if (i > 0) {
          out.raw(',');
        }
        out.number(st[i]);
      }
      out.raw(']');
    }
    out.raw(",\"qualityCounts\":");
    if (r.qualityCounts() == null) {
      out.nullValue();
    } else {
      out.raw('{');
      boolean first = true;
      for (Map.Entry<String, Integer> e : r.qualityCounts().entrySet()) {
        out.raw(first ? "" : ",").string(e.getKey()).raw(':').number(e.getValue());
        first = false;
      }
      out.raw('}');
    }
    out.raw(",\"veeVersion\":").string(r.veeVersion()).raw('}');
    return out.toByteArray();
  }

  private static void strings(JsonBytes out, String name, String[] values) {
    out.raw(",\"").raw(name).raw("\":");
    if (values == null) {
      out.nullValue();
      return;
    }
    out.raw('[');
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        out.raw(',');
      }
      out.string(values[i]);
    }
    out.raw(']');
  }

  static void write(Readings r, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField("meter", r.meter());
    g.writeStringField("obis", r.obis());
    g.writeStringField("unit", r.unit());
    g.writeStringField("source", r.source());
    g.writeNumberField("resolutionSeconds", r.resolutionSeconds());
    g.writeStringField("aggregation", r.aggregation());
    g.writeStringField("from", r.from().toString());
    g.writeStringField("to", r.to().toString());
    g.writeNumberField("count", r.count());
    g.writeFieldName("t");
    g.writeArray(r.t(), 0, r.t().length);
    g.writeArrayFieldStart("v");
    for (double x : r.v()) {
      if (Double.isNaN(x) || Double.isInfinite(x)) {
        g.writeNull();
      } else {
        g.writeNumber(x);
      }
    }
    g.writeEndArray();
    strings(g, "quality", r.quality());
    strings(g, "method", r.method());
    g.writeFieldName("status");
    if (r.status() == null) {
      g.writeNull();
    } else {
      g.writeArray(r.status(), 0, r.status().length);
    }
    g.writeFieldName("qualityCounts");
    if (r.qualityCounts() == null) {
      g.writeNull();
    } else {
      g.writeStartObject();
      for (Map.Entry<String, Integer> e : r.qualityCounts().entrySet()) {
        g.writeNumberField(e.getKey(), e.getValue());
      }
      g.writeEndObject();
    }
    g.writeStringField("veeVersion", r.veeVersion());
    g.writeEndObject();
  }

  private static void strings(JsonGenerator g, String name, String[] values) throws IOException {
    g.writeFieldName(name);
    if (values == null) {
      g.writeNull();
      return;
    }
    g.writeStartArray();
    for (String s : values) {
      if (s == null) {
        g.writeNull();
      } else {
        g.writeString(s);
      }
    }
    g.writeEndArray();
  }
}
