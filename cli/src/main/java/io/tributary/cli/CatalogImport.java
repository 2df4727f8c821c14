package io.tributary.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.connectors.store.EntityType;
import io.tributary.connectors.store.LineageStore;
import io.tributary.connectors.store.ResourceRow;
import io.tributary.sql.catalog.CatalogColumn;
import io.tributary.sql.catalog.CatalogTable;
import io.tributary.sql.json.CatalogJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** Imports a catalog file into the store before a job, so the analyzer can expand {@code *}. */
final class CatalogImport {

  private CatalogImport() {}

  static void importFile(Path file, String storeUrl, PrintWriter err) throws IOException {
    if (file == null) {
      return;
    }
    List<CatalogTable> tables = CatalogJson.tables(new ObjectMapper().readTree(file.toFile()));
    try (LineageStore store = LineageStore.open(storeUrl, 1)) {
      store.resources().upsert(rows(tables));
    }
    err.println("catalog: " + tables.size() + " tables imported from " + file);
  }

  static List<ResourceRow> rows(List<CatalogTable> tables) {
    List<ResourceRow> rows = new ArrayList<>();
    for (CatalogTable t : tables) {
      ResourceRow table =
          ResourceRow.table(
              Optional.empty(),
              t.name().database(),
              t.name().schema(),
              t.name().name(),
              EntityType.TABLE,
              Optional.empty(),
              false);
      rows.add(table);
      int ordinal = 0;
      for (CatalogColumn c : t.columns()) {
        rows.add(
            ResourceRow.column(
                table, c.name(), c.type(), c.type(), OptionalInt.of(ordinal++), false));
      }
    }
    return rows;
  }
}
