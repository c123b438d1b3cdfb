package io.loadlens.app.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.loadlens.collector.config.YamlSource;
import java.nio.file.Path;
import java.util.OptionalInt;

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
    YamlSource source = YamlSource.read(file, ConfigException::new);
    try {
      T value = MAPPER.readValue(source.text(), type);
      if (value == null) {
        throw new ConfigException(file + ": the file is empty");
      }
      return value;
    } catch (UnrecognizedPropertyException e) {
      throw new ConfigException(
          file
              + ":"
              + line(source, e)
              + ": unknown key '"
              + e.getPropertyName()
              + "'"
              + where(e)
              + " (known: "
              + YamlSource.knownKeys(e)
              + ")",
          e);
    } catch (JsonMappingException e) {
      Throwable root = rootCause(e);
      String reason =
          root instanceof ConfigException || root instanceof IllegalArgumentException
              ? root.getMessage()
              : e.getOriginalMessage().split("\n")[0];
      throw new ConfigException(
          file + ":" + line(source, e) + ": field '" + YamlSource.path(e) + "': " + reason, e);
    } catch (JsonProcessingException e) {
      throw new ConfigException(source.notYaml(e), e);
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
   * The line that sets the field of {@code e}; Jackson's location when the text has no such key.
   */
  private static String line(YamlSource source, JsonMappingException e) {
    OptionalInt line = source.line(YamlSource.path(e));
    return line.isPresent() ? String.valueOf(line.getAsInt()) : YamlSource.line(e.getLocation());
  }

  private static String where(JsonMappingException e) {
    String p = YamlSource.path(e);
    int dot = p.lastIndexOf('.');
    return dot < 0 ? "" : " in '" + p.substring(0, dot) + "'";
  }
}
