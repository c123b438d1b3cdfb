package io.loadlens.server.api;

import io.loadlens.model.MeterId;
import io.loadlens.server.auth.Role;
import io.loadlens.server.auth.TokenService;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Who am I, and token management (admin). */
public final class AdminOperations {

  private final TokenService tokens;

  public AdminOperations(TokenService tokens) {
    this.tokens = tokens;
  }

  public List<Operation> operations() {
    return List.of(
        new Operation("me", Role.CONSUMER, false, this::me),
        new Operation(
            "tokens.list", Role.ADMIN, false, c -> tokens.list().stream().map(this::view).toList()),
        new Operation("tokens.create", Role.ADMIN, false, this::create),
        new Operation("tokens.revoke", Role.ADMIN, false, this::revoke));
  }

  private Object me(Call c) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("tokenId", c.principal().tokenId());
    out.put("role", c.principal().role().label());
    out.put("meters", c.principal().meters().stream().map(MeterId::value).sorted().toList());
    return out;
  }

  private Map<String, Object> view(TokenService.StoredToken t) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", t.id());
    out.put("role", t.role().label());
    out.put("meters", t.meters());
    out.put("createdAt", t.createdAt());
    return out;
  }

  private Object create(Call c) {
    Role role;
    try {
      role = Role.parse(Params.required(c.args(), "role"));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("argument 'role': " + e.getMessage());
    }
    Set<MeterId> meters =
        Arrays.stream(c.args().get("meters").orElse("").split(","))
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .map(s -> Params.meterId(s, "meters"))
            .collect(Collectors.toSet());
    try {
      TokenService.IssuedToken t = tokens.create(role, meters);
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("id", t.id());
      out.put("role", t.role().label());
      out.put("meters", t.meters().stream().map(MeterId::value).sorted().toList());
      out.put("token", t.token());
      return new Created(out);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(e.getMessage());
    }
  }

  private Object revoke(Call c) {
    String id = Params.required(c.args(), "id");
    if (!tokens.revoke(id)) {
      throw ApiException.notFound("token " + id + " not found");
    }
    return Map.of("revoked", id);
  }
}
