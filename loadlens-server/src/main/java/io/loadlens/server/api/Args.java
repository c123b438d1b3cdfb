package io.loadlens.server.api;

import java.util.Map;
import java.util.Optional;

/** The named arguments of one call, whether they came from a URL, a JSON body or JSON-RPC. */
@FunctionalInterface
public interface Args {

  /** The argument's text, if given and not blank. */
  Optional<String> get(String name);

  static Args of(Map<String, String> values) {
    return name -> Optional.ofNullable(values.get(name)).filter(v -> !v.isBlank());
  }
}
