package io.loadlens.transport.codec;

import com.fasterxml.jackson.databind.JsonNode;
import io.loadlens.model.IntervalSeries;
import io.loadlens.model.MeterId;
import io.loadlens.model.ObisCode;
import io.loadlens.model.ReadingBatch;
import io.loadlens.model.Unit;
import io.loadlens.transport.MalformedMessageException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Validates a parsed JSON tree field by field and builds the batch (strict; names the field). */
final class JsonBatchReader {

  private static final Set<String> BATCH_FIELDS =
      Set.of("schema", "batchId", "meter", "source", "readAt", "series");
  private static final Set<String> SERIES_FIELDS = Set.of("obis", "unit", "rows");

  private JsonBatchReader() {}

  static ReadingBatch read(JsonNode root) {
    if (root == null || !root.isObject()) {
      throw new MalformedMessageException("JSON: top level must be an object");
    }
    checkFields(root, BATCH_FIELDS, "");
    JsonNode schema = required(root, "schema", "");
    if (!schema.isIntegralNumber()) {
      throw new MalformedMessageException("schema: must be an integer, got " + schema);
    }
    if (schema.asLong() != BatchCodec.SCHEMA_VERSION) {
      throw new MalformedMessageException(
          "schema: version " + schema + " is unknown (this reader knows 1)");
    }
    UUID batchId = parse("batchId", text(root, "batchId", ""), UUID::fromString);
    MeterId meter = parse("meter", text(root, "meter", ""), MeterId::new);
    String source = text(root, "source", "");
    Instant readAt = parse("readAt", text(root, "readAt", ""), Instant::parse);
    JsonNode series = required(root, "series", "");
    if (!series.isArray()) {
      throw new MalformedMessageException("series: must be an array");
    }
    List<IntervalSeries> list = new ArrayList<>(series.size());
    for (int i = 0; i < series.size(); i++) {
      list.add(readSeries(series.get(i), meter, "series[" + i + "]."));
    }
    return new ReadingBatch(batchId, meter, source, readAt, list);
  }

  private static IntervalSeries readSeries(JsonNode node, MeterId meter, String path) {
    if (!node.isObject()) {
      throw new MalformedMessageException(path.substring(0, path.length() - 1) + ": not an object");
    }
    checkFields(node, SERIES_FIELDS, path);
    ObisCode obis = parse(path + "obis", text(node, "obis", path), ObisCode::parse);
    Unit unit = parse(path + "unit", text(node, "unit", path), JsonBatchReader::unit);
    JsonNode rows = required(node, "rows", path);
    if (!rows.isArray()) {
      throw new MalformedMessageException(path + "rows: must be an array");
    }
    int n = rows.size();
    long[] t = new long[n];
    double[] v = new double[n];
    int[] st = new int[n];
    for (int i = 0; i < n; i++) {
      String at = path + "rows[" + i + "]";
      JsonNode row = rows.get(i);
      if (!row.isArray() || row.size() != 3) {
        throw new MalformedMessageException(at + ": must be [time, value, status]");
      }
      JsonNode time = row.get(0);
      if (!time.isIntegralNumber() || !time.canConvertToLong()) {
        throw new MalformedMessageException(at + "[0] (time): not an integer, got " + time);
      }
      t[i] = time.asLong();
      JsonNode value = row.get(1);
      if (value.isNull()) {
        v[i] = Double.NaN;
      } else if (value.isNumber()) {
        v[i] = value.asDouble();
      } else {
        throw new MalformedMessageException(at + "[1] (value): not a number, got " + value);
      }
      JsonNode status = row.get(2);
      if (!status.isIntegralNumber() || status.asLong() < 0 || status.asLong() > 0xFFFF_FFFFL) {
        throw new MalformedMessageException(
            at + "[2] (status): not an unsigned 32-bit integer, got " + status);
      }
      st[i] = (int) status.asLong();
    }
    try {
      return new IntervalSeries(meter, obis, unit, t, v, st);
    } catch (IllegalArgumentException | java.time.DateTimeException e) {
      throw new MalformedMessageException(path + "rows: " + e.getMessage(), e);
    }
  }

  private static Unit unit(String text) {
    for (Unit u : Unit.values()) {
      if (u.name().equals(text)) {
        return u;
      }
    }
    return Unit.fromSymbol(text);
  }

  private static void checkFields(JsonNode node, Set<String> allowed, String path) {
    for (String name : JsonBatchCodec.names(node)) {
      if (!allowed.contains(name)) {
        throw new MalformedMessageException(
            path + name + ": unknown field (schema 1 allows " + allowed + ")");
      }
    }
  }

  private static JsonNode required(JsonNode node, String field, String path) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      throw new MalformedMessageException(path + field + ": missing");
    }
    return v;
  }

  private static String text(JsonNode node, String field, String path) {
    JsonNode v = required(node, field, path);
    if (!v.isTextual()) {
      throw new MalformedMessageException(path + field + ": must be a string, got " + v);
    }
    return v.textValue();
  }

  private static <T> T parse(String field, String text, java.util.function.Function<String, T> f) {
    try {
      return f.apply(text);
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw new MalformedMessageException(
          field + ": '" + text + "' is invalid (" + e.getMessage() + ")", e);
    }
  }
}
