package io.tributary.jobs;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.connectors.catalog.CatalogImport;
import io.tributary.connectors.store.LineageStore;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.TreeSet;

/** Reads back what a job stored, by name, and seeds a store with a catalog. */
final class StoreContents {

  private StoreContents() {}

  /** Every stored relationship as "from>to" over qualified names, read from the DOWNSTREAM rows. */
  static Set<String> edgeNames(LineageStore store) throws SQLException {
    String sql =
        """
        SELECT f.database_name AS fd, f.schema_name AS fs, ft.title AS ftable, f.title AS ftitle,
               t.database_name AS td, t.schema_name AS ts, tt.title AS ttable, t.title AS ttitle
        FROM lineage_edges e
        JOIN resources f ON f.id = e.from_entity
        LEFT JOIN resources ft ON ft.id = f.table_id
        JOIN resources t ON t.id = e.to_entity
        LEFT JOIN resources tt ON tt.id = t.table_id
        WHERE e.direction = 'DOWNSTREAM'
        """;
    Set<String> names = new TreeSet<>();
    try (Connection c = store.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        names.add(
            name(
                    rs.getString("fd"),
                    rs.getString("fs"),
                    rs.getString("ftable"),
                    rs.getString("ftitle"))
                + ">"
                + name(
                    rs.getString("td"),
                    rs.getString("ts"),
                    rs.getString("ttable"),
                    rs.getString("ttitle")));
      }
    }
    return names;
  }

  static long count(LineageStore store, String sql) throws SQLException {
    try (Connection c = store.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static String name(String database, String schema, String table, String title) {
    StringBuilder b = new StringBuilder();
    if (database != null) {
      b.append(database).append('.');
    }
    if (schema != null) {
      b.append(schema).append('.');
    }
    if (table != null) {
      b.append(table).append('.');
    }
    return b.append(title).toString();
  }

  /** Imports a catalog JSON the way {@code tributary catalog import} does. */
  static void importCatalog(LineageStore store, String catalogJson) throws java.io.IOException {
    new CatalogImport(store, new ObjectMapper()).run(new java.io.StringReader(catalogJson));
  }
}
