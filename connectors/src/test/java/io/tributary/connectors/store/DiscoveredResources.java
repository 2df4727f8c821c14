package io.tributary.connectors.store;

import io.tributary.connectors.store.StoreCatalog.StoredTable;
import io.tributary.sql.dialect.IdentifierCase;
import io.tributary.sql.model.TableName;
import java.util.List;
import java.util.Optional;

/** Registers resources as a query naming them would, for tests that need them in a store. */
public final class DiscoveredResources {

  private DiscoveredResources() {}

  /**
   * Registers a table only seen in queries and these columns of it (names compared ignoring case),
   * unless the store knows them; returns the rows written, the table first.
   */
  public static List<ResourceRow> register(LineageStore store, TableName table, String... columns) {
    ResourceNames names =
        new ResourceNames(StoreCatalog.of(List.of()), IdentifierCase.PRESERVE, true);
    StoredTable registered = names.table(table).orElseThrow();
    for (String column : columns) {
      names.column(registered, column, Optional.empty());
    }
    List<ResourceRow> rows = names.newRows();
    store.resources().upsert(rows);
    return rows;
  }
}
