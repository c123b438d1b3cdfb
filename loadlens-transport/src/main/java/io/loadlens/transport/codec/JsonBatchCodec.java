package io.loadlens.transport.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loadlens.model.IntervalSeries;
import io.loadlens.model.ReadingBatch;
import io.loadlens.transport.MalformedMessageException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON form of a batch (schema version 1), for interoperability; see docs/MESSAGES.md:
 *
 * <pre>
 * {"schema":1,"batchId":"…","meter":"…","source":"dlms","readAt":"2024-01-01T00:15:02Z",
 *  "series":[{"obis":"1-0:1.29.0.255","unit":"Wh","rows":[[1704067200,12.5,0],…]}]}
 * </pre>
 *
 * A row is {@code [capture time in epoch seconds UTC, value or null for NaN, status byte]}.
 * Decoding rejects unknown and duplicate fields and trailing content.
 */
public final class JsonBatchCodec implements BatchCodec {

  private final JsonFactory factory =
      JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
  private final ObjectMapper mapper =
      new ObjectMapper(factory)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(DeserializationFeature.USE_LONG_FOR_INTS);

  @Override
  public byte[] encode(ReadingBatch batch) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256 + batch.rowCount() * 24);
    try (JsonGenerator g = factory.createGenerator(out)) {
      g.writeStartObject();
      g.writeNumberField("schema", SCHEMA_VERSION);
      g.writeStringField("batchId", batch.batchId().toString());
      g.writeStringField("meter", batch.meter().value());
      g.writeStringField("source", batch.source());
      g.writeStringField("readAt", batch.readAt().toString());
      g.writeArrayFieldStart("series");
      for (IntervalSeries s : batch.series()) {
        writeSeries(g, s);
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("JSON encoding into memory failed", e);
    }
    return out.toByteArray();
  }

  private static void writeSeries(JsonGenerator g, IntervalSeries s) throws IOException {
    g.writeStartObject();
    g.writeStringField("obis", s.obis().toString());
    g.writeStringField("unit", s.unit().symbol().isEmpty() ? s.unit().name() : s.unit().symbol());
    g.writeArrayFieldStart("rows");
    long[] t = s.epochSeconds();
    double[] v = s.values();
    int[] st = s.status();
    for (int i = 0; i < t.length; i++) {
      g.writeStartArray();
      g.writeNumber(t[i]);
      if (Double.isNaN(v[i])) {
        g.writeNull();
      } else {
        g.writeNumber(v[i]);
      }
      g.writeNumber(st[i]);
      g.writeEndArray();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  @Override
  public ReadingBatch decode(byte[] payload) {
    JsonNode root;
    try (JsonParser p = factory.createParser(payload)) {
      root = mapper.readTree(p);
    } catch (IOException e) {
      throw new MalformedMessageException("JSON: " + firstLine(e.getMessage()), e);
    }
    return JsonBatchReader.read(root);
  }

  @Override
  public String contentType() {
    return "application/json";
  }

  static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }

  static List<String> names(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
