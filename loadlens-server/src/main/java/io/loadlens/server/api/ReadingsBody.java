package io.loadlens.server.api;

import com.fasterxml.jackson.annotation.JsonValue;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Objects;

/**
 * A readings answer with its JSON already encoded and its strong ETag, so that REST can send (or
 * answer 304 to) a cached answer without touching the data again. Serialises as its {@code
 * readings} wherever an {@code ObjectMapper} meets it (JSON-RPC).
 *
 * @param readings the decoded columns (reports, CSV)
 * @param json the UTF-8 JSON of {@code readings}, as {@link ReadingsJson#encode} wrote it
 * @param etag a strong entity tag over {@code json} (RFC 9110 §8.8.3), quoted
 */
public record ReadingsBody(Readings readings, byte[] json, String etag) {

  public ReadingsBody {
    Objects.requireNonNull(readings, "readings");
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(etag, "etag");
  }

  public static ReadingsBody of(Readings r) {
    byte[] json = ReadingsJson.encode(r);
    return new ReadingsBody(r, json, etag(json));
  }

  @JsonValue
  public Readings value() {
    return readings;
  }

  /** Memory held, for the cache's byte bound: the JSON plus roughly 20 bytes per row. */
  long weight() {
    return json.length + 20L * readings.count() + 256;
  }

  /** A strong ETag: the first 132 bits of SHA-256 over the body, base64url, quoted. */
  public static String etag(byte[] body) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(body);
      return "\""
          + Base64.getUrlEncoder().withoutPadding().encodeToString(d).substring(0, 22)
          + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }
}
