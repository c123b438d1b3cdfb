package io.loadlens.server.api;

import java.util.List;

/** One page of a list: {@code items} from {@code offset}, of {@code total}. */
public record Page<T>(List<T> items, int total, int offset, int limit) {

  public static <T> Page<T> of(List<T> all, int offset, int limit) {
    int from = Math.min(offset, all.size());
    int to = Math.min(all.size(), from + limit);
    return new Page<>(List.copyOf(all.subList(from, to)), all.size(), offset, limit);
  }
}
