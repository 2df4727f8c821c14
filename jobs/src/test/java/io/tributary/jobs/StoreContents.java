package io.tributary.jobs;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.connectors.catalog.CatalogImport;
import io.tributary.connectors.store.LineageStore;
import io.tributary.connectors.store.StoredEdgeNames;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;

/** Reads back what a job stored, by name, and seeds a store with a catalog. */
final class StoreContents {

  private StoreContents() {}

  /** Every stored relationship as "from>to" over qualified names. */
  static Set<String> edgeNames(LineageStore store) throws SQLException {
    return StoredEdgeNames.of(store);
  }

  static long count(LineageStore store, String sql) throws SQLException {
    try (Connection c = store.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Imports a catalog JSON the way {@code tributary catalog import} does. */
  static void importCatalog(LineageStore store, String catalogJson) throws java.io.IOException {
    new CatalogImport(store, new ObjectMapper()).run(new java.io.StringReader(catalogJson));
  }
}
