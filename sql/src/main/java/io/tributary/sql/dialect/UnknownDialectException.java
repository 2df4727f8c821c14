package io.tributary.sql.dialect;

import java.util.Collection;

/** A dialect name that no {@link Dialect} answers to; the message lists the known names. */
public final class UnknownDialectException extends IllegalArgumentException {
  public UnknownDialectException(String name, Collection<String> known) {
    super("unknown dialect '" + name + "'; known dialects: " + String.join(", ", known));
  }
}
