package io.loadlens.server.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.loadlens.model.MeterId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Issues and checks API tokens. A token is {@code llt_<id>.<secret>}: the id is public (it names
 * the token in audits), the 256-bit secret is shown once and stored only as SHA-256(salt || secret)
 * with a random 128-bit salt per token, in {@code <dataDir>/tokens.json} (mode 0600). Thread-safe.
 */
public final class TokenService {

  /** The prefix of every token, so leaked tokens are easy to find by secret scanners. */
  public static final String PREFIX = "llt_";

  private static final int SECRET_BYTES = 32;
  private static final int SALT_BYTES = 16;
  private static final int ID_BYTES = 6;

  private final Path file;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private final Map<String, StoredToken> tokens = new LinkedHashMap<>();

  /** A token as stored: no secret, only its salted hash. */
  public record StoredToken(
      @JsonProperty("id") String id,
      @JsonProperty("role") Role role,
      @JsonProperty("meters") List<String> meters,
      @JsonProperty("salt") String salt,
      @JsonProperty("hash") String hash,
      @JsonProperty("createdAt") Instant createdAt) {}

  /** What the stored file holds. */
  record TokenFile(@JsonProperty("tokens") List<StoredToken> tokens) {}

  /** A freshly issued token: {@code token} is the secret string, shown once. */
  public record IssuedToken(String id, Role role, Set<MeterId> meters, String token) {}

  public TokenService(Path dataDir, Clock clock) {
    this.file = dataDir.resolve("tokens.json");
    this.clock = clock;
    json.findAndRegisterModules();
    load();
  }

  /** Creates a token. Consumer tokens must name at least one meter; other roles must name none. */
  public synchronized IssuedToken create(Role role, Set<MeterId> meters) {
    Set<MeterId> scope = Set.copyOf(meters == null ? Set.of() : meters);
    if (role == Role.CONSUMER && scope.isEmpty()) {
      throw new IllegalArgumentException("a consumer token needs at least one meter");
    }
    if (role != Role.CONSUMER && !scope.isEmpty()) {
      throw new IllegalArgumentException(
          "only consumer tokens are scoped to meters; role " + role.label() + " got " + scope);
    }
    String id = HexFormat.of().formatHex(bytes(ID_BYTES));
    byte[] secret = bytes(SECRET_BYTES);
    byte[] salt = bytes(SALT_BYTES);
    String secretText = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    List<String> meterList =
        new ArrayList<>(new TreeSet<>(scope.stream().map(MeterId::value).toList()));
    tokens.put(
        id,
        new StoredToken(
            id,
            role,
            meterList,
            HexFormat.of().formatHex(salt),
            HexFormat.of().formatHex(hash(salt, secretText)),
            clock.instant()));
    save();
    return new IssuedToken(id, role, scope, PREFIX + id + "." + secretText);
  }

  /** The principal of a presented token, or empty if it is unknown, malformed or wrong. */
  public Optional<Principal> authenticate(String presented) {
    if (presented == null || !presented.startsWith(PREFIX) || presented.length() > 200) {
      return Optional.empty();
    }
    int dot = presented.indexOf('.');
    if (dot < 0) {
      return Optional.empty();
    }
    String id = presented.substring(PREFIX.length(), dot);
    String secret = presented.substring(dot + 1);
    StoredToken t;
    synchronized (this) {
      t = tokens.get(id);
    }
    if (t == null) {
      return Optional.empty();
    }
    byte[] expected = HexFormat.of().parseHex(t.hash());
    byte[] actual = hash(HexFormat.of().parseHex(t.salt()), secret);
    if (!MessageDigest.isEqual(expected, actual)) {
      return Optional.empty();
    }
    return Optional.of(
        new Principal(t.id(), t.role(), Set.copyOf(t.meters().stream().map(MeterId::of).toList())));
  }

  /** The stored tokens (ids, roles, scopes; never secrets). */
  public synchronized List<StoredToken> list() {
    return List.copyOf(tokens.values());
  }

  /** Revokes a token; returns whether it existed. */
  public synchronized boolean revoke(String id) {
    boolean removed = tokens.remove(id) != null;
    if (removed) {
      save();
    }
    return removed;
  }

  private byte[] bytes(int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }

  private static byte[] hash(byte[] salt, String secret) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(salt);
      md.update(secret.getBytes(StandardCharsets.UTF_8));
      return md.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  private void load() {
    if (!Files.exists(file)) {
      return;
    }
    try {
      TokenFile f = json.readValue(file.toFile(), TokenFile.class);
      for (StoredToken t : f.tokens() == null ? List.<StoredToken>of() : f.tokens()) {
        tokens.put(t.id(), t);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("token file " + file + " cannot be read", e);
    }
  }

  private void save() {
    try {
      Files.createDirectories(file.getParent());
      Path tmp = file.resolveSibling("tokens.json.tmp");
      Files.deleteIfExists(tmp);
      try {
        Files.createFile(
            tmp,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (UnsupportedOperationException | FileAlreadyExistsException e) {
        Files.writeString(tmp, "");
      }
      Files.write(tmp, json.writeValueAsBytes(new TokenFile(List.copyOf(tokens.values()))));
      try {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("token file " + file + " cannot be written", e);
    }
  }
}
