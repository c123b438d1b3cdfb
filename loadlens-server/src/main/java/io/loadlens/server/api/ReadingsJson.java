package io.loadlens.server.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Writes {@link Readings} with Jackson's streaming generator straight from the primitive columns:
 * no boxed value, map or list per row. Used for REST bodies ({@link #encode}) and, as the record's
 * serializer, wherever an {@code ObjectMapper} meets a {@code Readings} (JSON-RPC, reports).
 */
public final class ReadingsJson extends StdSerializer<Readings> {

  /** Shortest round-trip double text (Schubfach), much cheaper than {@code Double.toString}. */
  private static final JsonFactory FACTORY =
      JsonFactory.builder().enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build();

  public ReadingsJson() {
    super(Readings.class);
  }

  @Override
  public void serialize(Readings r, JsonGenerator g, SerializerProvider provider)
      throws IOException {
    write(r, g);
  }

  /** The UTF-8 JSON of a {@code Readings}, field for field what the record serializer wrote. */
  public static byte[] encode(Readings r) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(512 + r.count() * 32);
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      write(r, g);
    } catch (IOException e) {
      throw new UncheckedIOException("writing readings of " + r.meter() + " to memory failed", e);
    }
    return out.toByteArray();
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
      if (Double.isNaN(x)) {
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
