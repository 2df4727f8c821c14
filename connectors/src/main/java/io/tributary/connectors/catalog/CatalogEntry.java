package io.tributary.connectors.catalog;

import io.tributary.connectors.store.ResourceRow;
import java.util.ArrayList;
import java.util.List;

/** A table or view to write to the store, with its columns. */
public record CatalogEntry(ResourceRow table, List<ResourceRow> columns) {
  public CatalogEntry {
    columns = List.copyOf(columns);
  }

  /** The table row first, then its columns. */
  public List<ResourceRow> rows() {
    List<ResourceRow> rows = new ArrayList<>(columns.size() + 1);
    rows.add(table);
    rows.addAll(columns);
    return rows;
  }
}
