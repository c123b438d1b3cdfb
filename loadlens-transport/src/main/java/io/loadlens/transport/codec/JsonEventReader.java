package io.loadlens.transport.codec;

import com.fasterxml.jackson.databind.JsonNode;
import io.loadlens.model.MeterEvent;
import io.loadlens.model.MeterId;
import io.loadlens.model.OperatorCode;
import io.loadlens.transport.EventBatch;
import io.loadlens.transport.MalformedMessageException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** Validates a parsed events message field by field (strict; every error names the field). */
final class JsonEventReader {

  private static final Set<String> MESSAGE_FIELDS = Set.of("schema", "meter", "events");
  private static final Set<String> EVENT_FIELDS = Set.of("kind", "start", "end", "code", "detail");

  private JsonEventReader() {}

  static EventBatch read(JsonNode root) {
    if (root == null || !root.isObject()) {
      throw new MalformedMessageException("JSON: top level must be an object");
    }
    checkFields(root, MESSAGE_FIELDS, "");
    JsonNode schema = required(root, "schema", "");
    if (!schema.isIntegralNumber()) {
      throw new MalformedMessageException("schema: must be an integer, got " + schema);
    }
    if (!schema.canConvertToLong() || schema.asLong() != EventCodec.SCHEMA_VERSION) {
      throw new MalformedMessageException(
          "schema: version "
              + schema
              + " is unknown (this reader knows events version "
              + EventCodec.SCHEMA_VERSION
              + ")");
    }
    String meterText = text(root, "meter", "");
    MeterId meter = parse("meter", meterText, MeterId::new);
    JsonNode events = required(root, "events", "");
    if (!events.isArray()) {
      throw new MalformedMessageException("events: must be an array, got " + kindOf(events));
    }
    if (events.isEmpty()) {
      throw new MalformedMessageException("events: empty (a message carries at least one event)");
    }
    List<MeterEvent> list = new ArrayList<>(events.size());
    for (int i = 0; i < events.size(); i++) {
      list.add(readEvent(events.get(i), meter, "events[" + i + "]"));
    }
    return new EventBatch(meter, list);
  }

  private static MeterEvent readEvent(JsonNode node, MeterId meter, String at) {
    if (!node.isObject()) {
      throw new MalformedMessageException(at + ": must be an object, got " + kindOf(node));
    }
    String path = at + ".";
    checkFields(node, EVENT_FIELDS, path);
    MeterEvent.Kind kind =
        parse(path + "kind", text(node, "kind", path), t -> named(MeterEvent.Kind.class, t));
    Instant start = parse(path + "start", text(node, "start", path), Instant::parse);
    Instant end = parse(path + "end", text(node, "end", path), Instant::parse);
    if (end.isBefore(start)) {
      throw new MalformedMessageException(
          path + "end: " + end + " is before start " + start + " (events end at or after start)");
    }
    JsonNode codeNode = node.get("code");
    OperatorCode code = null;
    if (codeNode != null && !codeNode.isNull()) {
      if (!codeNode.isTextual()) {
        throw new MalformedMessageException(
            path + "code: must be a string or null, got " + kindOf(codeNode));
      }
      code = parse(path + "code", codeNode.textValue(), t -> named(OperatorCode.class, t));
    }
    JsonNode detailNode = required(node, "detail", path);
    if (!detailNode.isTextual()) {
      throw new MalformedMessageException(
          path + "detail: must be a string, got " + kindOf(detailNode));
    }
    return new MeterEvent(meter, kind, start, end, code, detailNode.textValue());
  }

  private static <E extends Enum<E>> E named(Class<E> type, String text) {
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(text)) {
        return e;
      }
    }
    throw new IllegalArgumentException("not one of " + Arrays.toString(type.getEnumConstants()));
  }

  private static void checkFields(JsonNode node, Set<String> allowed, String path) {
    for (String name : JsonBatchCodec.names(node)) {
      if (!allowed.contains(name)) {
        throw new MalformedMessageException(
            path
                + name
                + ": unknown field (events schema "
                + EventCodec.SCHEMA_VERSION
                + " allows "
                + allowed.stream().sorted().toList()
                + ")");
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
      throw new MalformedMessageException(path + field + ": must be a string, got " + kindOf(v));
    }
    return v.textValue();
  }

  /** The JSON type of a node, without echoing a hostile value of any size. */
  private static String kindOf(JsonNode n) {
    return n.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
  }

  private static <T> T parse(String field, String text, java.util.function.Function<String, T> f) {
    try {
      return f.apply(text);
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw new MalformedMessageException(
          field + ": '" + abbreviate(text) + "' is invalid (" + e.getMessage() + ")", e);
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }
}
