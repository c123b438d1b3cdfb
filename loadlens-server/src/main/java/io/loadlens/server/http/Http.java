package io.loadlens.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.loadlens.server.api.ApiException;
import io.loadlens.server.api.Created;
import io.loadlens.server.api.CsvBody;
import io.loadlens.server.api.FileBody;
import io.loadlens.server.api.ReadingsBody;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writing results and RFC 9457 problem details, with ETags on GET. */
public final class Http {

  /** RFC 9457 §3: the media type of a problem details document. */
  public static final String PROBLEM_JSON = "application/problem+json";

  private final ObjectMapper json;

  public Http(ObjectMapper json) {
    this.json = json;
  }

  public ObjectMapper json() {
    return json;
  }

  /** Writes an operation result: 201 for {@link Created}, CSV, or JSON with an ETag. */
  public void result(Context ctx, Object result) {
    switch (result) {
      case Created c -> {
        ctx.status(201);
        ctx.contentType("application/json");
        ctx.result(bytes(c.body()));
      }
      case ReadingsBody b -> readings(ctx, b);
      case FileBody f -> sendFile(ctx, f);
      case CsvBody csv -> {
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"" + csv.filename() + "\"");
        withEtag(ctx, csv.csv().getBytes(StandardCharsets.UTF_8));
      }
      default -> {
        ctx.contentType("application/json");
        withEtag(ctx, bytes(result));
      }
    }
  }

  /**
   * Sends a cached readings answer; gzip-coded (compressed once, kept with the answer) when the
   * client accepts gzip, which Javalin then leaves alone.
   */
  private static void readings(Context ctx, ReadingsBody b) {
    ctx.contentType("application/json");
    ctx.header("Vary", "Accept-Encoding");
    boolean gzip = acceptsGzip(ctx.header("Accept-Encoding"));
    String etag = gzip ? b.gzipEtag() : b.etag();
    ctx.header("ETag", etag);
    String inm = ctx.header("If-None-Match");
    if (inm != null && matches(inm, etag)) {
      ctx.status(304);
      return;
    }
    if (gzip) {
      ctx.header("Content-Encoding", "gzip");
    }
    send(ctx, gzip ? b.gzip() : b.json());
  }

  /**
   * Writes a whole body in one write with its Content-Length, straight to the servlet stream: Jetty
   * then encrypts and sends it without copying it through a 4 KiB loop, chunked coding or Javalin's
   * compression wrapper (which would leave a gzip-coded body alone anyway).
   */
  private static void send(Context ctx, byte[] body) {
    ctx.res().setContentLength(body.length);
    try {
      ctx.res().getOutputStream().write(body);
    } catch (IOException e) {
      // the client went away mid-body: the response is committed and Jetty closes the connection,
      // so there is no one left to tell; the request is still audited and timed
    }
  }

  /** Whether an Accept-Encoding header (RFC 9110 §12.5.3) allows gzip (q above 0). */
  static boolean acceptsGzip(String acceptEncoding) {
    if (acceptEncoding == null) {
      return false;
    }
    for (String part : acceptEncoding.split(",")) {
      String[] p = part.trim().split(";");
      String coding = p[0].trim();
      if (coding.equalsIgnoreCase("gzip") || coding.equalsIgnoreCase("x-gzip")) {
        for (int i = 1; i < p.length; i++) {
          String q = p[i].trim();
          if (q.startsWith("q=") && q.substring(2).trim().matches("0(\\.0{0,3})?")) {
            return false;
          }
        }
        return true;
      }
    }
    return false;
  }

  /**
   * Streams an export file and deletes it once sent (or once the response fails): the stream is
   * opened with {@code DELETE_ON_CLOSE} and Javalin closes it after writing.
   */
  private static void sendFile(Context ctx, FileBody f) {
    try {
      InputStream in = Files.newInputStream(f.file(), StandardOpenOption.DELETE_ON_CLOSE);
      ctx.contentType(f.contentType());
      ctx.header("Content-Disposition", "attachment; filename=\"" + f.filename() + "\"");
      ctx.result(in);
    } catch (IOException e) {
      try {
        Files.deleteIfExists(f.file());
      } catch (IOException ignored) {
        f.file().toFile().deleteOnExit();
      }
      throw new UncheckedIOException("export file " + f.file() + " cannot be read", e);
    }
  }

  /** Sends the body with a strong ETag (RFC 9110 §8.8.3), or 304 when If-None-Match matches. */
  public static void withEtag(Context ctx, byte[] body) {
    withEtag(ctx, body, etag(body));
  }

  /** As {@link #withEtag(Context, byte[])} with the ETag already known (cached answers). */
  public static void withEtag(Context ctx, byte[] body, String etag) {
    ctx.header("ETag", etag);
    String inm = ctx.header("If-None-Match");
    if (inm != null && matches(inm, etag)) {
      ctx.status(304);
      ctx.result(new byte[0]);
      return;
    }
    ctx.result(body);
  }

  private static boolean matches(String ifNoneMatch, String etag) {
    for (String part : ifNoneMatch.split(",")) {
      String p = part.trim();
      if (p.equals("*") || p.equals(etag) || p.equals("W/" + etag)) {
        return true;
      }
    }
    return false;
  }

  static String etag(byte[] body) {
    return ReadingsBody.etag(body);
  }

  public byte[] bytes(Object o) {
    try {
      return json.writeValueAsBytes(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + o.getClass().getSimpleName(), e);
    }
  }

  /** Writes an RFC 9457 problem details document. */
  public void problem(Context ctx, int status, String type, String title, String detail) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("type", "/api/v1/problems/" + type);
    p.put("title", title);
    p.put("status", status);
    p.put("detail", detail);
    p.put("instance", ctx.path());
    ctx.status(status);
    ctx.contentType(PROBLEM_JSON);
    ctx.result(bytes(p));
  }

  public void problem(Context ctx, ApiException e) {
    problem(ctx, e.status(), e.type(), e.title(), e.getMessage());
  }
}
