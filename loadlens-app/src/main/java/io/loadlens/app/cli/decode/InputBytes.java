package io.loadlens.app.cli.decode;

import io.loadlens.app.config.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Reads one frame or telegram from a file or standard input, as hex text or raw bytes. */
public final class InputBytes {
  private static final int MAX_BYTES = 1 << 20;
  private static final Pattern HEX = Pattern.compile("(?:0x)?[0-9A-Fa-f\\s:_-]+");

  private InputBytes() {}

  /** Reads {@code source} ("-" = standard input) and decodes it when it is hex text. */
  public static byte[] read(String source, InputStream stdin) {
    byte[] raw;
    try {
      if (source == null || source.equals("-")) {
        raw = stdin.readNBytes(MAX_BYTES + 1);
      } else {
        Path p = Path.of(source);
        if (Files.size(p) > MAX_BYTES) {
          throw new ConfigException(
              source + ": larger than " + MAX_BYTES + " bytes; decode reads one frame");
        }
        raw = Files.readAllBytes(p);
      }
    } catch (NoSuchFileException e) {
      throw new ConfigException(source + ": file not found");
    } catch (IOException e) {
      throw new ConfigException(source + ": cannot read (" + e.getMessage() + ")", e);
    }
    if (raw.length > MAX_BYTES) {
      throw new ConfigException(
          "input is larger than " + MAX_BYTES + " bytes; decode reads one frame");
    }
    return hexOrRaw(raw);
  }

  /**
   * Hex text (spaces, colons, underscores and a 0x prefix allowed) becomes bytes; anything else is
   * raw.
   */
  static byte[] hexOrRaw(byte[] raw) {
    String text = new String(raw, StandardCharsets.ISO_8859_1).strip();
    if (!text.isEmpty() && HEX.matcher(text).matches()) {
      String digits = text.replace("0x", "").replaceAll("[\\s:_-]", "");
      if (digits.length() % 2 != 0) {
        throw new IllegalArgumentException(
            "hex input has an odd number of digits (" + digits.length() + ")");
      }
      return HexFormat.of().parseHex(digits);
    }
    return raw;
  }

  /** A hex option such as {@code --key}; errors name the option. */
  public static byte[] hexOption(String option, String value, int length) {
    if (value == null) {
      return null;
    }
    String v = value.strip();
    if (!v.matches("[0-9A-Fa-f]+") || v.length() != 2 * length) {
      throw new ConfigException(
          option
              + " must be "
              + (2 * length)
              + " hex digits ("
              + length
              + " bytes), got '"
              + (v.length() > 8 ? v.length() + " characters" : v)
              + "'");
    }
    return HexFormat.of().parseHex(v);
  }
}
