package io.loadlens.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.loadlens.server.api.ApiException;
import io.loadlens.server.api.Created;
import io.loadlens.server.api.CsvBody;
import io.loadlens.server.api.ReadingsBody;
import java.nio.charset.StandardCharsets;
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
      case ReadingsBody b -> {
        ctx.contentType("application/json");
        withEtag(ctx, b.json(), b.etag());
      }
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
