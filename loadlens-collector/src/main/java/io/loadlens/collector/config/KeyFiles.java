package io.loadlens.collector.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads meter key files. A key file holds {@code NAME=VALUE} lines: {@code GUEK=<32 hex digits>},
 * {@code GAK=<32 hex digits>}, {@code PASSWORD=<text>}; blank lines and lines starting with {@code
 * #} are ignored. Like ssh with private keys, a key file must be mode 0600 (0400 is also accepted)
 * and owned by the user running the collector, otherwise it is refused. Values never appear in
 * messages.
 */
public final class KeyFiles {
  private static final Set<PosixFilePermission> ALLOWED =
      EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
  private static final List<String> NAMES = List.of("GAK", "GUEK", "PASSWORD");

  private KeyFiles() {}

  /**
   * Checks the file's owner and mode, then reads it.
   *
   * @throws ConfigException naming the file (and line) when it is missing, too open, owned by
   *     another user or malformed
   */
  public static MeterKeys read(Path file) {
    checkPermissions(file);
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigException("key file " + file + ": cannot read (" + e.getMessage() + ")", e);
    }
    Map<String, byte[]> values = new HashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String where = "key file " + file + ":" + (i + 1) + ": ";
      int eq = line.indexOf('=');
      if (eq <= 0) {
        throw new ConfigException(where + "expected NAME=VALUE (names: GUEK, GAK, PASSWORD)");
      }
      String name = line.substring(0, eq).strip().toUpperCase(java.util.Locale.ROOT);
      String value = line.substring(eq + 1).strip();
      if (!NAMES.contains(name)) {
        throw new ConfigException(
            where + "unknown name '" + name + "' (known: " + String.join(", ", NAMES) + ")");
      }
      if (values.containsKey(name)) {
        throw new ConfigException(where + name + " is given twice");
      }
      values.put(name, decode(where, name, value));
    }
    return new MeterKeys(
        values.getOrDefault("GUEK", new byte[0]),
        values.getOrDefault("GAK", new byte[0]),
        values.getOrDefault("PASSWORD", new byte[0]));
  }

  private static byte[] decode(String where, String name, String value) {
    if (name.equals("PASSWORD")) {
      if (value.isEmpty()) {
        throw new ConfigException(where + "PASSWORD is empty");
      }
      return value.getBytes(StandardCharsets.UTF_8);
    }
    if (!value.matches("[0-9A-Fa-f]+") || value.length() % 2 != 0) {
      throw new ConfigException(
          where
              + name
              + " must be hex digits (an even number of them), got "
              + value.length()
              + " characters that are not");
    }
    byte[] key = HexFormat.of().parseHex(value);
    if (key.length != MeterKeys.SUITE0_KEY_LENGTH) {
      throw new ConfigException(
          where
              + name
              + " must be "
              + MeterKeys.SUITE0_KEY_LENGTH
              + " octets for security suite 0, got "
              + key.length);
    }
    return key;
  }

  /**
   * Refuses a key file that others may read or write, or that another user owns.
   *
   * @throws ConfigException naming the file, its mode or owner, and the fix
   */
  public static void checkPermissions(Path file) {
    PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
    if (view == null) {
      return; // not a POSIX file system: the platform's ACLs apply
    }
    PosixFileAttributes attributes;
    UserPrincipal me;
    try {
      attributes = view.readAttributes();
      me =
          file.getFileSystem()
              .getUserPrincipalLookupService()
              .lookupPrincipalByName(System.getProperty("user.name"));
    } catch (NoSuchFileException e) {
      throw new ConfigException("key file " + file + ": file not found", e);
    } catch (IOException e) {
      throw new ConfigException("key file " + file + ": cannot read attributes (" + e + ")", e);
    }
    Set<PosixFilePermission> perms = attributes.permissions();
    if (!ALLOWED.containsAll(perms) || !perms.contains(PosixFilePermission.OWNER_READ)) {
      throw new ConfigException(
          "key file "
              + file
              + ": permissions "
              + octal(perms)
              + " ("
              + PosixFilePermissions.toString(perms)
              + ") are too open; it must be 0600 (chmod 600 "
              + file
              + ")");
    }
    if (!attributes.owner().getName().equals(me.getName())) {
      throw new ConfigException(
          "key file "
              + file
              + ": owned by "
              + attributes.owner().getName()
              + ", but the collector runs as "
              + me.getName()
              + "; it must be owned by the running user (chown "
              + me.getName()
              + " "
              + file
              + ")");
    }
  }

  static String octal(Set<PosixFilePermission> perms) {
    int mode = 0;
    for (PosixFilePermission p : perms) {
      mode |= 1 << (8 - p.ordinal());
    }
    return String.format("%04o", mode);
  }
}
