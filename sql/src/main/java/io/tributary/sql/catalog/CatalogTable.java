package io.tributary.sql.catalog;

import io.tributary.sql.model.TableName;
import java.util.List;
import java.util.Objects;

/** A table or view of the catalog with its columns in their declared order. */
public record CatalogTable(TableName name, List<CatalogColumn> columns) {
  public CatalogTable {
    Objects.requireNonNull(name, "name");
    columns = List.copyOf(columns);
  }
}
