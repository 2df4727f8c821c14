package io.tributary.sql.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A column of a table, or an output column of a plain SELECT (then {@link #table()} is empty and
 * {@link #name()} is the output column's name).
 */
public record ColumnName(Optional<TableName> table, String name) {

  public ColumnName {
    Objects.requireNonNull(table, "table");
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("column name must not be empty");
    }
  }

  public static ColumnName of(TableName table, String name) {
    return new ColumnName(Optional.of(table), name);
  }

  /** An output column of a query with no target table. */
  public static ColumnName output(String name) {
    return new ColumnName(Optional.empty(), name);
  }

  @Override
  public String toString() {
    return table.map(t -> t.qualified() + "." + name).orElse(name);
  }
}
