package io.loadlens.transport.codec;

import io.loadlens.transport.MalformedMessageException;
import java.time.DateTimeException;
import java.util.function.Function;

/** Runs a model constructor and turns its rejection into a message error naming the field. */
final class Checked {
  private Checked() {}

  static <T> T of(String field, String text, Function<String, T> f) {
    try {
      return f.apply(text);
    } catch (IllegalArgumentException | DateTimeException e) {
      throw new MalformedMessageException(
          field + ": '" + text + "' is invalid (" + e.getMessage() + ")", e);
    }
  }
}
