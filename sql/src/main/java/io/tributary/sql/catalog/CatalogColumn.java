package io.tributary.sql.catalog;

import java.util.Optional;

/** A column as the catalog knows it: its name and, when known, its type. */
public record CatalogColumn(String name, Optional<String> type) {
  public CatalogColumn {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("column name must not be empty");
    }
    type = type == null ? Optional.empty() : type;
  }

  public static CatalogColumn of(String name, String type) {
    return new CatalogColumn(name, Optional.ofNullable(type));
  }
}
