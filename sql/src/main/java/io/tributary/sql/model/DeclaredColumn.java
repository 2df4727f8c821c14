package io.tributary.sql.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A column as a DDL statement declares it: its name, case-folded by the dialect, and its type as
 * written ({@code VARCHAR(10)}, {@code NUMBER(38,0)}), when the statement gives one.
 */
public record DeclaredColumn(String name, Optional<String> type) {
  public DeclaredColumn {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("column name must not be blank");
    }
    Objects.requireNonNull(type, "type");
  }

  public static DeclaredColumn of(String name, String type) {
    return new DeclaredColumn(name, Optional.ofNullable(type).filter(t -> !t.isBlank()));
  }
}
