package io.loadlens.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.loadlens.server.api.ApiException;
import io.loadlens.server.api.ApiService;
import io.loadlens.server.api.Args;
import io.loadlens.server.api.Operation;
import io.loadlens.server.auth.Principal;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Maps {@code /api/v1} paths onto the operations of {@link ApiService}. */
public final class RestRoutes {

  /** One REST route: method, path (with {@code {param}} segments) and the operation it runs. */
  public record Route(HandlerType method, String path, String operation) {}

  /** Every REST route; {@code openapi.json} documents the same list. */
  public static final List<Route> ROUTES =
      List.of(
          new Route(HandlerType.GET, "/api/v1/me", "me"),
          new Route(HandlerType.GET, "/api/v1/meters", "meters.list"),
          new Route(HandlerType.GET, "/api/v1/topology", "meters.topology"),
          new Route(HandlerType.GET, "/api/v1/meters/{meter}", "meters.get"),
          new Route(HandlerType.GET, "/api/v1/meters/{meter}/readings", "readings.get"),
          new Route(HandlerType.GET, "/api/v1/meters/{meter}/readings.csv", "export.csv"),
          new Route(HandlerType.GET, "/api/v1/meters/{meter}/export", "export.values"),
          new Route(HandlerType.GET, "/api/v1/meters/{meter}/events", "events.list"),
          new Route(HandlerType.GET, "/api/v1/meters/{meter}/vee", "vee.summary"),
          new Route(HandlerType.GET, "/api/v1/meters/{meter}/conflicts", "conflicts.list"),
          new Route(HandlerType.GET, "/api/v1/meters/{meter}/edits", "edits.list"),
          new Route(HandlerType.POST, "/api/v1/meters/{meter}/edits", "edits.create"),
          new Route(HandlerType.GET, "/api/v1/meters/{meter}/insights", "insights.list"),
          new Route(HandlerType.GET, "/api/v1/meters/{meter}/insights/{kind}", "insights.get"),
          new Route(HandlerType.GET, "/api/v1/fleet/overview", "fleet.overview"),
          new Route(HandlerType.GET, "/api/v1/fleet/aggregate", "fleet.aggregate"),
          new Route(HandlerType.GET, "/api/v1/fleet/segments", "fleet.segments"),
          new Route(HandlerType.GET, "/api/v1/fleet/forecast", "fleet.forecast"),
          new Route(HandlerType.GET, "/api/v1/fleet/insights", "fleet.insights"),
          new Route(HandlerType.GET, "/api/v1/collector/status", "collector.status"),
          new Route(HandlerType.GET, "/api/v1/collector/errors", "collector.errors"),
          new Route(HandlerType.GET, "/api/v1/tokens", "tokens.list"),
          new Route(HandlerType.POST, "/api/v1/tokens", "tokens.create"),
          new Route(HandlerType.DELETE, "/api/v1/tokens/{id}", "tokens.revoke"));

  /** Largest JSON request body accepted on REST and RPC. */
  public static final int MAX_BODY_BYTES = 1 << 20;

  private final ApiService api;
  private final Http http;

  public RestRoutes(ApiService api, Http http) {
    this.api = api;
    this.http = http;
  }

  public void register(Javalin app) {
    for (Route r : ROUTES) {
      Operation op =
          api.operation(r.operation())
              .orElseThrow(() -> new IllegalStateException("route to unknown " + r.operation()));
      app.addHttpHandler(r.method(), r.path(), ctx -> handle(ctx, op));
    }
  }

  private void handle(Context ctx, Operation op) {
    Principal who = ctx.attribute(AuthFilter.PRINCIPAL);
    Map<String, String> values = new HashMap<>();
    if (ctx.method() == HandlerType.POST) {
      values.putAll(body(ctx));
    }
    ctx.queryParamMap().forEach((k, v) -> values.put(k, v.isEmpty() ? "" : v.getFirst()));
    values.putAll(ctx.pathParamMap());
    Object result = api.invoke(op, who, Args.of(values), ctx.ip());
    http.result(ctx, result);
  }

  private Map<String, String> body(Context ctx) {
    String text = ctx.body();
    if (text.isBlank()) {
      return Map.of();
    }
    if (text.length() > MAX_BODY_BYTES) {
      throw ApiException.badRequest("request body exceeds " + MAX_BODY_BYTES + " bytes");
    }
    JsonNode node;
    try {
      node = http.json().readTree(text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw ApiException.badRequest("request body is not valid JSON: " + e.getOriginalMessage());
    }
    if (!node.isObject()) {
      throw ApiException.badRequest("request body must be a JSON object");
    }
    return flatten(node);
  }

  /** A JSON object's fields as text; arrays become comma-separated lists. */
  public static Map<String, String> flatten(JsonNode obj) {
    Map<String, String> out = new HashMap<>();
    Iterator<Map.Entry<String, JsonNode>> it = obj.fields();
    while (it.hasNext()) {
      var e = it.next();
      JsonNode v = e.getValue();
      Optional<String> text =
          v.isArray()
              ? Optional.of(
                  String.join(
                      ",",
                      java.util.stream.StreamSupport.stream(v.spliterator(), false)
                          .map(JsonNode::asText)
                          .toList()))
              : v.isValueNode() && !v.isNull() ? Optional.of(v.asText()) : Optional.empty();
      if (v.isObject()) {
        throw ApiException.badRequest("argument '" + e.getKey() + "' must not be an object");
      }
      text.ifPresent(t -> out.put(e.getKey(), t));
    }
    return out;
  }
}
