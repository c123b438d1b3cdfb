package io.loadlens.server.api;

/**
 * A request the server refuses, with what to tell the caller: the HTTP status and RFC 9457 problem
 * type for REST, and the JSON-RPC 2.0 error code for {@code /rpc}.
 */
public final class ApiException extends RuntimeException {

  /** JSON-RPC 2.0 §5.1: invalid method parameter(s). */
  public static final int RPC_INVALID_PARAMS = -32602;

  /** Application code: the caller's role does not allow the operation. */
  public static final int RPC_FORBIDDEN = -32003;

  /** Application code: the meter or document does not exist (or is not visible). */
  public static final int RPC_NOT_FOUND = -32004;

  /** Application code: the request conflicts with stored state. */
  public static final int RPC_CONFLICT = -32009;

  /** Application code: the store or another dependency is unavailable. */
  public static final int RPC_UNAVAILABLE = -32010;

  private final int status;
  private final String type;
  private final String title;
  private final int rpcCode;

  public ApiException(int status, String type, String title, int rpcCode, String detail) {
    super(detail);
    this.status = status;
    this.type = type;
    this.title = title;
    this.rpcCode = rpcCode;
  }

  public static ApiException badRequest(String detail) {
    return new ApiException(400, "bad-request", "Invalid request", RPC_INVALID_PARAMS, detail);
  }

  public static ApiException notFound(String detail) {
    return new ApiException(404, "not-found", "Not found", RPC_NOT_FOUND, detail);
  }

  public static ApiException forbidden(String detail) {
    return new ApiException(403, "forbidden", "Forbidden", RPC_FORBIDDEN, detail);
  }

  public static ApiException conflict(String detail) {
    return new ApiException(409, "conflict", "Conflict", RPC_CONFLICT, detail);
  }

  public static ApiException unavailable(String detail) {
    return new ApiException(503, "unavailable", "Service unavailable", RPC_UNAVAILABLE, detail);
  }

  public int status() {
    return status;
  }

  /** The problem type slug; the full type URI is {@code /api/v1/problems/<slug>}. */
  public String type() {
    return type;
  }

  public String title() {
    return title;
  }

  public int rpcCode() {
    return rpcCode;
  }
}
