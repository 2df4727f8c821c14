package io.tributary.sql.model;

import java.util.Objects;

/**
 * Something a user should know about an analyzed statement's lineage: it is complete as far as it
 * goes, but may miss or merge columns.
 *
 * @param kind what it is about
 * @param message the same for a person, naming the columns and tables concerned
 */
public record Warning(WarningKind kind, String message) {
  public Warning {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(message, "message");
  }
}
