package io.loadlens.wmbus.receiver;

import io.loadlens.wmbus.KeyLookup;
import io.loadlens.wmbus.WMBusConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The per-meter AES-128 keys of wireless M-Bus meters, read from a file with one key per line:
 *
 * <pre>
 *   # comment
 *   KAM-76348799=28F64A24988064A079AA2C807D6102AE     manufacturer and 8-digit id
 *   12345678=0102030405060708090A0B0C0D0E0F11         id only: any manufacturer
 * </pre>
 *
 * Like ssh with a private key, the file must not be readable or writable by group or others (mode
 * 0600 or 0400 on POSIX file systems); otherwise it is refused with an error naming the file. An
 * entry with the manufacturer wins over one with the id only. Keys are never printed.
 */
public final class KeyFile implements KeyLookup {
  private static final Set<PosixFilePermission> TOO_OPEN =
      Set.of(
          PosixFilePermission.GROUP_READ,
          PosixFilePermission.GROUP_WRITE,
          PosixFilePermission.GROUP_EXECUTE,
          PosixFilePermission.OTHERS_READ,
          PosixFilePermission.OTHERS_WRITE,
          PosixFilePermission.OTHERS_EXECUTE);

  private final Map<String, byte[]> keys;

  private KeyFile(Map<String, byte[]> keys) {
    this.keys = Map.copyOf(keys);
  }

  /**
   * Reads a key file.
   *
   * @throws WMBusConfigException when the file is too open, unreadable or has a malformed line (the
   *     message names the file and line, never the key)
   */
  public static KeyFile load(Path file) {
    checkPermissions(file);
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new WMBusConfigException("wM-Bus key file " + file + " cannot be read: " + e, e);
    }
    return parse(file.toString(), lines);
  }

  /** Parses key-file lines; {@code source} names them in errors. */
  public static KeyFile parse(String source, List<String> lines) {
    Map<String, byte[]> keys = new HashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String where = "wM-Bus key file " + source + " line " + (i + 1);
      int eq = line.indexOf('=');
      if (eq < 0) {
        throw new WMBusConfigException(where + ": expected MAN-ID=KEY or ID=KEY");
      }
      String name = line.substring(0, eq).strip().toUpperCase(Locale.ROOT);
      String hex = line.substring(eq + 1).strip();
      if (!name.matches("([A-Z]{3}-)?[0-9A-F]{8}")) {
        throw new WMBusConfigException(
            where + ": meter '" + name + "' is not an 8-digit id, optionally MAN- before it");
      }
      if (!hex.matches("[0-9A-Fa-f]{32}")) {
        throw new WMBusConfigException(
            where + ": the key of " + name + " is not 32 hex digits (" + hex.length() + " chars)");
      }
      if (keys.put(name, HexFormat.of().parseHex(hex)) != null) {
        throw new WMBusConfigException(where + ": a second key for " + name);
      }
    }
    return new KeyFile(keys);
  }

  @Override
  public Optional<byte[]> key(String manufacturer, String id) {
    byte[] k = keys.get(manufacturer + "-" + id);
    if (k == null) {
      k = keys.get(id);
    }
    return Optional.ofNullable(k).map(byte[]::clone);
  }

  /** How many keys the file holds. */
  public int size() {
    return keys.size();
  }

  @Override
  public String toString() {
    return "KeyFile[" + keys.size() + " keys]";
  }

  private static void checkPermissions(Path file) {
    Set<PosixFilePermission> perms;
    try {
      perms = Files.getPosixFilePermissions(file);
    } catch (UnsupportedOperationException e) {
      return; // not a POSIX file system: nothing to check
    } catch (IOException e) {
      throw new WMBusConfigException("wM-Bus key file " + file + " cannot be read: " + e, e);
    }
    if (perms.stream().anyMatch(TOO_OPEN::contains)) {
      throw new WMBusConfigException(
          "wM-Bus key file "
              + file
              + " is accessible by others (permissions "
              + java.nio.file.attribute.PosixFilePermissions.toString(perms)
              + "); it holds secret keys: chmod 600 "
              + file);
    }
  }
}
