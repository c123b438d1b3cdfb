package io.loadlens.server.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Tolerant reads from insight documents: a missing field, a field of another type or a value that
 * is not a number gives "unknown" ({@code NaN}, empty), never an exception, so a report shows what
 * a document holds and leaves the rest blank.
 */
final class JsonPaths {

  private JsonPaths() {}

  /** The node at {@code path}, or empty. */
  static Optional<JsonNode> at(JsonNode root, String... path) {
    JsonNode n = root;
    for (String step : path) {
      if (n == null || !n.isObject()) {
        return Optional.empty();
      }
      n = n.get(step);
    }
    return n == null || n.isNull() || n.isMissingNode() ? Optional.empty() : Optional.of(n);
  }

  /** The number at {@code path} (numbers written as text, such as {@code "NaN"}, too), or NaN. */
  static double number(JsonNode root, String... path) {
    return at(root, path).map(JsonPaths::number).orElse(Double.NaN);
  }

  static double number(JsonNode n) {
    if (n.isNumber()) {
      return n.asDouble();
    }
    if (n.isTextual()) {
      try {
        return Double.parseDouble(n.asText());
      } catch (NumberFormatException e) {
        return Double.NaN;
      }
    }
    return Double.NaN;
  }

  /** The text at {@code path}, or empty. */
  static Optional<String> text(JsonNode root, String... path) {
    return at(root, path).filter(JsonNode::isValueNode).map(JsonNode::asText);
  }

  /** The array of numbers at {@code path} (non-numbers as NaN), or an empty array. */
  static double[] numbers(JsonNode root, String... path) {
    return at(root, path)
        .filter(JsonNode::isArray)
        .map(
            a -> {
              double[] out = new double[a.size()];
              for (int i = 0; i < out.length; i++) {
                out[i] = number(a.get(i));
              }
              return out;
            })
        .orElse(new double[0]);
  }

  /** The time at {@code path}, written as an instant or a date-time with offset, or empty. */
  static Optional<Instant> instant(JsonNode root, String... path) {
    return text(root, path).flatMap(JsonPaths::instant);
  }

  static Optional<Instant> instant(String s) {
    try {
      return Optional.of(OffsetDateTime.parse(s).toInstant());
    } catch (DateTimeParseException e) {
      try {
        return Optional.of(Instant.parse(s));
      } catch (DateTimeParseException e2) {
        return Optional.empty();
      }
    }
  }
}
