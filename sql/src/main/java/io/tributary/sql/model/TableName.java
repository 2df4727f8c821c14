package io.tributary.sql.model;

import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A table's name as the analyzer resolved it: database (BigQuery project, Snowflake database, T-SQL
 * database), schema (BigQuery dataset) and table. Parts are already case-folded by the dialect's
 * rule; a part the statement and the defaults did not give is empty.
 */
public record TableName(Optional<String> database, Optional<String> schema, String name) {

  public TableName {
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(schema, "schema");
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("table name must not be blank");
    }
  }

  /** Builds a name from nullable parts (null or blank means "not given"). */
  public static TableName of(String database, String schema, String name) {
    return new TableName(part(database), part(schema), name);
  }

  public static TableName of(String name) {
    return of(null, null, name);
  }

  /** The dotted form, for messages and sorting: {@code db.schema.table}. */
  public String qualified() {
    return Stream.of(database.orElse(null), schema.orElse(null), name)
        .filter(Objects::nonNull)
        .collect(Collectors.joining("."));
  }

  @Override
  public String toString() {
    return qualified();
  }

  private static Optional<String> part(String value) {
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
  }
}
