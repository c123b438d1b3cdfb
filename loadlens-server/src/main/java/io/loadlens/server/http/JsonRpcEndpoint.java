package io.loadlens.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.loadlens.server.api.ApiException;
import io.loadlens.server.api.ApiService;
import io.loadlens.server.api.Args;
import io.loadlens.server.api.Created;
import io.loadlens.server.api.CsvBody;
import io.loadlens.server.api.ExportOperations;
import io.loadlens.server.api.Operation;
import io.loadlens.server.auth.Principal;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JSON-RPC 2.0 on {@code POST /rpc}: single calls, batches (at most {@link #MAX_BATCH}) and
 * notifications, with the specification's error codes (§5.1) and application codes from {@link
 * ApiException}. Parameters are by name.
 */
public final class JsonRpcEndpoint {

  /** JSON-RPC 2.0 §5.1 error codes. */
  public static final int PARSE_ERROR = -32700;

  public static final int INVALID_REQUEST = -32600;
  public static final int METHOD_NOT_FOUND = -32601;
  public static final int INVALID_PARAMS = -32602;
  public static final int INTERNAL_ERROR = -32603;

  /** The most calls one batch may hold. */
  public static final int MAX_BATCH = 100;

  private static final Logger LOG = LoggerFactory.getLogger(JsonRpcEndpoint.class);
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private final ApiService api;
  private final ObjectMapper json;

  public JsonRpcEndpoint(ApiService api, ObjectMapper json) {
    this.api = api;
    this.json = json;
  }

  public void handle(Context ctx) throws Exception {
    Principal who = ctx.attribute(AuthFilter.PRINCIPAL);
    String body = ctx.body();
    JsonNode req;
    try {
      if (body.length() > RestRoutes.MAX_BODY_BYTES) {
        throw new java.io.IOException("body exceeds " + RestRoutes.MAX_BODY_BYTES + " bytes");
      }
      req = json.readTree(body);
      if (req == null || req.isMissingNode()) {
        throw new java.io.IOException("empty body");
      }
    } catch (java.io.IOException e) {
      send(ctx, error(null, PARSE_ERROR, "Parse error", null));
      return;
    }
    if (req.isArray()) {
      if (req.isEmpty() || req.size() > MAX_BATCH) {
        send(
            ctx,
            error(
                null,
                INVALID_REQUEST,
                "Invalid Request",
                "a batch holds 1 to " + MAX_BATCH + " calls, got " + req.size()));
        return;
      }
      ArrayNode out = F.arrayNode();
      for (JsonNode call : req) {
        one(call, who, ctx.ip()).ifPresent(out::add);
      }
      if (out.isEmpty()) {
        ctx.status(204);
        return;
      }
      send(ctx, out);
      return;
    }
    Optional<ObjectNode> res = one(req, who, ctx.ip());
    if (res.isEmpty()) {
      ctx.status(204);
      return;
    }
    send(ctx, res.get());
  }

  private void send(Context ctx, JsonNode node) throws Exception {
    ctx.contentType("application/json");
    ctx.result(json.writeValueAsBytes(node));
  }

  /** Runs one call; empty for a notification (no {@code id}). */
  private Optional<ObjectNode> one(JsonNode call, Principal who, String ip) {
    if (!call.isObject()) {
      return Optional.of(
          error(null, INVALID_REQUEST, "Invalid Request", "a call must be an object"));
    }
    JsonNode id = call.get("id");
    boolean notification = id == null;
    if (id != null && !(id.isTextual() || id.isNumber() || id.isNull())) {
      return Optional.of(
          error(null, INVALID_REQUEST, "Invalid Request", "id must be a string, number or null"));
    }
    JsonNode ver = call.get("jsonrpc");
    JsonNode method = call.get("method");
    if (ver == null || !"2.0".equals(ver.asText()) || method == null || !method.isTextual()) {
      return Optional.of(
          error(
              id,
              INVALID_REQUEST,
              "Invalid Request",
              "need \"jsonrpc\": \"2.0\" and a method name"));
    }
    JsonNode params = call.get("params");
    ObjectNode result;
    try {
      Operation op =
          api.operation(method.asText())
              .orElseThrow(
                  () -> new RpcError(METHOD_NOT_FOUND, "Method not found", method.asText()));
      if (op.name().equals(ExportOperations.EXPORT)) {
        throw new RpcError(
            METHOD_NOT_FOUND,
            "Method not found",
            op.name() + " sends a file: use GET /api/v1/meters/{meter}/export");
      }
      if (params != null && !params.isObject()) {
        throw new RpcError(INVALID_PARAMS, "Invalid params", "params must be an object (by name)");
      }
      Map<String, String> args = params == null ? Map.of() : RestRoutes.flatten(params);
      Object value = api.invoke(op, who, Args.of(args), ip);
      result = F.objectNode().put("jsonrpc", "2.0");
      result.set("result", json.valueToTree(unwrap(value)));
      result.set("id", id);
    } catch (RpcError e) {
      result = error(id, e.code, e.getMessage(), e.detail);
    } catch (ApiException e) {
      ObjectNode data = F.objectNode().put("status", e.status()).put("detail", e.getMessage());
      result = error(id, e.rpcCode(), e.title(), null);
      ((ObjectNode) result.get("error")).set("data", data);
    } catch (RuntimeException e) {
      LOG.error("JSON-RPC {} failed", method.asText(), e);
      result = error(id, INTERNAL_ERROR, "Internal error", null);
    }
    return notification ? Optional.empty() : Optional.of(result);
  }

  private static Object unwrap(Object value) {
    return switch (value) {
      case Created c -> c.body();
      case CsvBody csv -> Map.of("filename", csv.filename(), "csv", csv.csv());
      default -> value;
    };
  }

  private static ObjectNode error(JsonNode id, int code, String message, String detail) {
    ObjectNode err = F.objectNode().put("code", code).put("message", message);
    if (detail != null) {
      err.put("data", detail);
    }
    ObjectNode out = F.objectNode().put("jsonrpc", "2.0");
    out.set("error", err);
    out.set("id", id == null ? F.nullNode() : id);
    return out;
  }

  private static final class RpcError extends RuntimeException {
    final int code;
    final String detail;

    RpcError(int code, String message, String detail) {
      super(message);
      this.code = code;
      this.detail = detail;
    }
  }
}
