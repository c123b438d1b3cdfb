package io.loadlens.collector.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * A YAML file's text with the line of every key path in it, and the parts of a strict-YAML error
 * that say where the problem is: the field path of a Jackson error, the line of a parser location,
 * the keys a type knows. The fleet files and the app's {@code loadlens.yaml} both read through it;
 * each words its own errors.
 */
public final class YamlSource {
  private static final YAMLFactory FACTORY = new YAMLFactory();

  private final Path file;
  private final String text;
  private final Map<String, Integer> lines;

  private YamlSource(Path file, String text) {
    this.file = file;
    this.text = text;
    this.lines = index(text);
  }

  /**
   * Reads {@code file}. A missing or unreadable file is thrown as the exception {@code error} makes
   * of the message ({@code <file>: file not found} or {@code <file>: cannot read (<reason>)}) and
   * the cause.
   */
  public static YamlSource read(
      Path file, BiFunction<String, IOException, ? extends RuntimeException> error) {
    try {
      return new YamlSource(file, Files.readString(file));
    } catch (NoSuchFileException e) {
      throw error.apply(file + ": file not found", e);
    } catch (IOException e) {
      throw error.apply(file + ": cannot read (" + e.getMessage() + ")", e);
    }
  }

  public Path file() {
    return file;
  }

  public String text() {
    return text;
  }

  /**
   * The 1-based line of the key or list element at {@code path} (e.g. {@code meters[0].port}), when
   * the text has that path.
   */
  public OptionalInt line(String path) {
    Integer line = lines.get(path);
    return line == null ? OptionalInt.empty() : OptionalInt.of(line);
  }

  /** {@code <file>:<line>: not valid YAML (<reason>)}. */
  public String notYaml(JsonProcessingException e) {
    return file
        + ":"
        + line(e.getLocation())
        + ": not valid YAML ("
        + e.getOriginalMessage().split("\n")[0]
        + ")";
  }

  /** The line of a parser location; {@code ?} when there is none. */
  public static String line(JsonLocation at) {
    return at == null ? "?" : String.valueOf(at.getLineNr());
  }

  /**
   * The field path of a mapping error, e.g. {@code collector.interval_minutes}, {@code m[3].port}.
   */
  public static String path(JsonMappingException e) {
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

  /** The keys the type of an unknown key does know, sorted, separated by commas. */
  public static String knownKeys(UnrecognizedPropertyException e) {
    return e.getKnownPropertyIds().stream()
        .map(String::valueOf)
        .sorted()
        .collect(Collectors.joining(", "));
  }

  /** Maps every key path ({@code meters[0].port}) and list element to its 1-based line. */
  private static Map<String, Integer> index(String text) {
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
