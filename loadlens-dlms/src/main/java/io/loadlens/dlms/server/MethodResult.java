package io.loadlens.dlms.server;

import io.loadlens.dlms.apdu.DataAccessResult;
import io.loadlens.dlms.axdr.CosemValue;

/**
 * What a method invocation returned: the action-result and, on success, the return parameters (null
 * for none).
 */
public record MethodResult(DataAccessResult result, CosemValue returnValue) {
  public MethodResult {
    if (result == null) {
      throw new IllegalArgumentException("method result: action-result is required");
    }
    if (result != DataAccessResult.SUCCESS && returnValue != null) {
      throw new IllegalArgumentException(
          "method result: return parameters with action-result " + result.label());
    }
  }

  public static MethodResult of(DataAccessResult result) {
    return new MethodResult(result, null);
  }
}
