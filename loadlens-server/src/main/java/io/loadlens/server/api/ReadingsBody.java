package io.loadlens.server.api;

import com.fasterxml.jackson.annotation.JsonValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Objects;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * A readings answer with its JSON already encoded and its strong ETag, so that REST can send (or
 * answer 304 to) a cached answer without touching the data again; the gzip form (RFC 9110 §8.4.1.3)
 * is made once, on first demand. Serialises as its {@code readings} wherever an {@code
 * ObjectMapper} meets it (JSON-RPC).
 */
public final class ReadingsBody {

  /** Deflate level of the cached gzip form: level 1 is 8x faster than 6 for 28% more bytes. */
  static final int GZIP_LEVEL = Deflater.BEST_SPEED;

  private final Readings readings;
  private final byte[] json;
  private final String etag;
  private volatile byte[] gzip;

  /**
   * @param readings the decoded columns (reports, CSV)
   * @param json the UTF-8 JSON of {@code readings}, as {@link ReadingsJson#encode} wrote it
   * @param etag a strong entity tag over {@code json} (RFC 9110 §8.8.3), quoted
   */
  public ReadingsBody(Readings readings, byte[] json, String etag) {
    this.readings = Objects.requireNonNull(readings, "readings");
    this.json = Objects.requireNonNull(json, "json");
    this.etag = Objects.requireNonNull(etag, "etag");
  }

  public static ReadingsBody of(Readings r) {
    byte[] json = ReadingsJson.encode(r);
    return new ReadingsBody(r, json, etag(json));
  }

  @JsonValue
  public Readings readings() {
    return readings;
  }

  public byte[] json() {
    return json;
  }

  public String etag() {
    return etag;
  }

  /**
   * The gzip-coded JSON, compressed once and kept; concurrent first callers wait for the one that
   * compresses rather than compressing it again.
   */
  public byte[] gzip() {
    byte[] g = gzip;
    if (g != null) {
      return g;
    }
    synchronized (this) {
      g = gzip;
      if (g != null) {
        return g;
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream(json.length / 4 + 64);
      try (GZIPOutputStream z =
          new GZIPOutputStream(out, 1 << 16) {
            {
              def.setLevel(GZIP_LEVEL);
            }
          }) {
        z.write(json);
      } catch (IOException e) {
        throw new UncheckedIOException("gzip of readings in memory failed", e);
      }
      g = out.toByteArray();
      gzip = g;
      return g;
    }
  }

  /** The strong ETag of the gzip form: a different representation needs a different tag. */
  public String gzipEtag() {
    return etag.substring(0, etag.length() - 1) + "-gz\"";
  }

  /** Memory held, for the cache's byte bound: both encodings plus roughly 20 bytes per row. */
  long weight() {
    return json.length + json.length / 4 + 20L * readings.count() + 256;
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
