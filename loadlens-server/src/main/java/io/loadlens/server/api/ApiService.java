package io.loadlens.server.api;

import io.loadlens.model.MeterId;
import io.loadlens.server.auth.AuditLog;
import io.loadlens.server.auth.Principal;
import io.loadlens.server.auth.Role;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The operations of the API, independent of REST or JSON-RPC: looks an operation up, checks the
 * caller's role and meter scope, audits the access and runs it.
 */
public final class ApiService {

  private final Map<String, Operation> operations = new LinkedHashMap<>();
  private final AuditLog audit;

  public ApiService(AuditLog audit, List<Operation> ops) {
    this.audit = audit;
    for (Operation op : ops) {
      if (operations.putIfAbsent(op.name(), op) != null) {
        throw new IllegalArgumentException("operation " + op.name() + " is defined twice");
      }
    }
  }

  public Optional<Operation> operation(String name) {
    return Optional.ofNullable(operations.get(name));
  }

  public Collection<Operation> operations() {
    return operations.values();
  }

  /**
   * Runs an operation for a caller.
   *
   * @throws ApiException 403 when the role is too low, 404 when a consumer asks for a meter that is
   *     not theirs (indistinguishable from a meter that does not exist), 4xx for bad arguments
   */
  public Object invoke(Operation op, Principal who, Args args, String address) {
    String subject = "-";
    try {
      if (!who.role().atLeast(op.minRole())) {
        throw ApiException.forbidden(
            "operation "
                + op.name()
                + " needs role "
                + op.minRole().label()
                + " or higher; this token has role "
                + who.role().label());
      }
      if (op.meterScoped()) {
        MeterId meter = Params.meter(args);
        subject = meter.value();
        if (!who.canSee(meter)) {
          throw ApiException.notFound("meter " + meter + " not found");
        }
      } else if (who.role() == Role.CONSUMER && op.minRole() != Role.CONSUMER) {
        throw ApiException.forbidden("operation " + op.name() + " is not open to consumers");
      }
      Object result = op.handler().handle(new Call(who, args, address));
      audit.record(who.tokenId(), who.role().label(), address, op.name(), subject, "ok");
      return result;
    } catch (ApiException e) {
      audit.record(
          who.tokenId(), who.role().label(), address, op.name(), subject, "error:" + e.status());
      throw e;
    } catch (RuntimeException e) {
      audit.record(who.tokenId(), who.role().label(), address, op.name(), subject, "error:500");
      throw e;
    }
  }
}
