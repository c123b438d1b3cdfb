package io.loadlens.collector.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategy;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * Strict YAML reading into plain records: unknown keys, wrong types and numbers written as strings
 * are errors; every error is one line {@code <file>:<line>: <field>: <reason>}. Keeps the text's
 * key-to-line index ({@link YamlSource}) so later checks can point at the line that set a field.
 */
final class StrictYaml {
  private final YamlSource source;

  private StrictYaml(YamlSource source) {
    this.source = source;
  }

  static ObjectMapper mapper(PropertyNamingStrategy naming) {
    ObjectMapper m =
        new ObjectMapper(new YAMLFactory())
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
    YamlSource source = YamlSource.read(file, ConfigException::new);
    StrictYaml where = new StrictYaml(source);
    T value;
    try {
      value = mapper.readValue(source.text(), type);
    } catch (UnrecognizedPropertyException e) {
      String reason = "unknown key (known: " + YamlSource.knownKeys(e) + ")";
      throw where.error(YamlSource.path(e), e.getLocation(), reason, e);
    } catch (JsonMappingException e) {
      if (e.getCause() instanceof StreamReadException bad) {
        throw new ConfigException(source.notYaml(bad), bad);
      }
      String reason = e.getOriginalMessage().split("\n")[0];
      throw where.error(YamlSource.path(e), e.getLocation(), reason, e);
    } catch (JsonProcessingException e) {
      throw new ConfigException(source.notYaml(e), e);
    }
    if (value == null) {
      throw new ConfigException(file + ": the file is empty");
    }
    return new Parsed<>(value, where);
  }

  /** A parsed value with the index of its text. */
  record Parsed<T>(T value, StrictYaml where) {}

  Path file() {
    return source.file();
  }

  /** An error about {@code path} (e.g. {@code meters[2].port}) at the line that set it. */
  ConfigException error(String path, String reason) {
    return error(path, null, reason, null);
  }

  private ConfigException error(String path, JsonLocation at, String reason, Throwable cause) {
    return new ConfigException(file() + ":" + line(path, at) + ": " + path + ": " + reason, cause);
  }

  /** The line of {@code path}, else of its nearest parent in the text, else of {@code at}. */
  private String line(String path, JsonLocation at) {
    String p = path;
    while (!p.isEmpty()) {
      OptionalInt line = source.line(p);
      if (line.isPresent()) {
        return String.valueOf(line.getAsInt());
      }
      int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
      p = cut < 0 ? "" : p.substring(0, cut);
    }
    return at == null ? "1" : YamlSource.line(at);
  }
}
