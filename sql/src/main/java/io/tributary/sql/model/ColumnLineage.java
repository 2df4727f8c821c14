package io.tributary.sql.model;

import java.util.Objects;

/** One column-level edge: {@code from} flows into {@code to}. */
public record ColumnLineage(ColumnName from, ColumnName to, LineageKind kind) {
  public ColumnLineage {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(kind, "kind");
  }
}
