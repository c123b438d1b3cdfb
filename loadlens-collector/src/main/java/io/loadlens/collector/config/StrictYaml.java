package io.loadlens.collector.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategy;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Strict YAML reading into plain records: unknown keys, wrong types and numbers written as strings
 * are errors; every error is one line {@code <file>:<line>: <field>: <reason>}. Keeps the text's
 * key-to-line index so later checks can point at the line that set a field.
 */
final class StrictYaml {
  private static final YAMLFactory FACTORY = new YAMLFactory();

  private final Path file;
  private final Map<String, Integer> lines;

  private StrictYaml(Path file, Map<String, Integer> lines) {
    this.file = file;
    this.lines = lines;
  }

  static ObjectMapper mapper(PropertyNamingStrategy naming) {
    ObjectMapper m =
        new ObjectMapper(FACTORY)
            .setPropertyNamingStrategy(naming)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    for (LogicalType t : new LogicalType[] {LogicalType.Integer, LogicalType.Float}) {
      m.coercionConfigFor(t).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
    }
    return m;
  }

  /** Reads {@code file} as {@code type}; returns the value and the line index. */
  static <T> Parsed<T> read(Path file, ObjectMapper mapper, Class<T> type) {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new ConfigException(file + ": file not found", e);
    } catch (IOException e) {
      throw new ConfigException(file + ": cannot read (" + e.getMessage() + ")", e);
    }
    StrictYaml where = new StrictYaml(file, index(text));
    T value;
    try {
      value = mapper.readValue(text, type);
    } catch (UnrecognizedPropertyException e) {
      String known =
          e.getKnownPropertyIds().stream()
              .map(String::valueOf)
              .sorted()
              .collect(Collectors.joining(", "));
      throw where.error(path(e), e.getLocation(), "unknown key (known: " + known + ")", e);
    } catch (JsonMappingException e) {
      if (e.getCause() instanceof com.fasterxml.jackson.core.exc.StreamReadException bad) {
        throw notYaml(file, bad);
      }
      throw where.error(path(e), e.getLocation(), e.getOriginalMessage().split("\n")[0], e);
    } catch (JsonProcessingException e) {
      throw notYaml(file, e);
    }
    if (value == null) {
      throw new ConfigException(file + ": the file is empty");
    }
    return new Parsed<>(value, where);
  }

  private static ConfigException notYaml(Path file, JsonProcessingException e) {
    return new ConfigException(
        file
            + ":"
            + lineOf(e.getLocation())
            + ": not valid YAML ("
            + e.getOriginalMessage().split("\n")[0]
            + ")",
        e);
  }

  /** A parsed value with the index of its text. */
  record Parsed<T>(T value, StrictYaml where) {}

  Path file() {
    return file;
  }

  /** An error about {@code path} (e.g. {@code meters[2].port}) at the line that set it. */
  ConfigException error(String path, String reason) {
    return error(path, null, reason, null);
  }

  private ConfigException error(String path, JsonLocation at, String reason, Throwable cause) {
    return new ConfigException(file + ":" + line(path, at) + ": " + path + ": " + reason, cause);
  }

  private String line(String path, JsonLocation at) {
    String p = path;
    while (!p.isEmpty()) {
      Integer line = lines.get(p);
      if (line != null) {
        return String.valueOf(line);
      }
      int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
      p = cut < 0 ? "" : p.substring(0, cut);
    }
    return at == null ? "1" : lineOf(at);
  }

  private static String lineOf(JsonLocation at) {
    return at == null ? "?" : String.valueOf(at.getLineNr());
  }

  static String path(JsonMappingException e) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (!sb.isEmpty()) {
          sb.append('.');
        }
        sb.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        sb.append('[').append(ref.getIndex()).append(']');
      }
    }
    return sb.toString();
  }

  /** Maps every key path ({@code meters[0].port}) and list element to its 1-based line. */
  static Map<String, Integer> index(String text) {
    Map<String, Integer> lines = new HashMap<>();
    try (JsonParser p = FACTORY.createParser(text)) {
      if (p.nextToken() != null) {
        walk(p, "", lines);
      }
    } catch (IOException | RuntimeException e) {
      // invalid YAML: the mapper reports it with its own location
    }
    return lines;
  }

  private static void walk(JsonParser p, String path, Map<String, Integer> lines)
      throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.START_OBJECT) {
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = path.isEmpty() ? p.currentName() : path + "." + p.currentName();
        lines.putIfAbsent(key, p.currentTokenLocation().getLineNr());
        p.nextToken();
        walk(p, key, lines);
      }
    } else if (t == JsonToken.START_ARRAY) {
      int i = 0;
      while (p.nextToken() != JsonToken.END_ARRAY) {
        String key = path + "[" + i++ + "]";
        lines.putIfAbsent(key, p.currentTokenLocation().getLineNr());
        walk(p, key, lines);
      }
    }
  }
}
