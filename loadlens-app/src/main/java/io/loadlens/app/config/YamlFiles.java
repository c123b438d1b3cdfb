package io.loadlens.app.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Strict YAML reading: unknown keys and wrong types are errors naming the file, line and field. */
public final class YamlFiles {
  private static final ObjectMapper MAPPER =
      new ObjectMapper(new YAMLFactory())
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
          .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

  private YamlFiles() {}

  /** Reads {@code file} as {@code type}; every problem becomes a {@link ConfigException}. */
  public static <T> T read(Path file, Class<T> type) {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new ConfigException(file + ": file not found");
    } catch (IOException e) {
      throw new ConfigException(file + ": cannot read (" + e.getMessage() + ")", e);
    }
    try {
      T value = MAPPER.readValue(text, type);
      if (value == null) {
        throw new ConfigException(file + ": the file is empty");
      }
      return value;
    } catch (UnrecognizedPropertyException e) {
      throw new ConfigException(
          file
              + ":"
              + line(text, path(e), e.getLocation())
              + ": unknown key '"
              + e.getPropertyName()
              + "'"
              + where(e)
              + " (known: "
              + e.getKnownPropertyIds().stream()
                  .map(String::valueOf)
                  .sorted()
                  .collect(Collectors.joining(", "))
              + ")",
          e);
    } catch (JsonMappingException e) {
      Throwable root = rootCause(e);
      String reason =
          root instanceof ConfigException || root instanceof IllegalArgumentException
              ? root.getMessage()
              : e.getOriginalMessage().split("\n")[0];
      throw new ConfigException(
          file
              + ":"
              + line(text, path(e), e.getLocation())
              + ": field '"
              + path(e)
              + "': "
              + reason,
          e);
    } catch (JsonProcessingException e) {
      throw new ConfigException(
          file
              + ":"
              + line(e.getLocation())
              + ": not valid YAML ("
              + e.getOriginalMessage().split("\n")[0]
              + ")",
          e);
    }
  }

  private static Throwable rootCause(Throwable t) {
    Throwable c = t;
    while (c.getCause() != null && c.getCause() != c) {
      c = c.getCause();
    }
    return c;
  }

  /**
   * The line of the field named by {@code path} (e.g. {@code collector.interval_minutes}), found by
   * walking the path's keys through the text in order; Jackson's own location (where the parser
   * stopped) when the walk fails.
   */
  static String line(String text, String path, JsonLocation fallback) {
    String[] lines = text.split("\n", -1);
    int from = 0;
    int found = -1;
    for (String segment : path.split("\\.")) {
      String key = segment.replaceAll("\\[\\d+]$", "");
      if (key.isEmpty()) {
        continue;
      }
      Pattern p = Pattern.compile("^\\s*(?:-\\s+)?" + Pattern.quote(key) + "\\s*:");
      found = -1;
      for (int i = from; i < lines.length; i++) {
        if (p.matcher(lines[i]).find()) {
          found = i;
          break;
        }
      }
      if (found < 0) {
        return line(fallback);
      }
      from = found + 1;
    }
    return found < 0 ? line(fallback) : String.valueOf(found + 1);
  }

  private static String line(JsonLocation location) {
    return location == null ? "?" : String.valueOf(location.getLineNr());
  }

  private static String where(JsonMappingException e) {
    String p = path(e);
    int dot = p.lastIndexOf('.');
    return dot < 0 ? "" : " in '" + p.substring(0, dot) + "'";
  }

  /** The field path, e.g. {@code collector.interval_minutes} or {@code meters[3].port}. */
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
}
