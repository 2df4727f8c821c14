package io.tributary.connectors.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.TreeSet;

/** Reads back the relationships a store holds by name, for tests that compare stores by content. */
public final class StoredEdgeNames {

  private StoredEdgeNames() {}

  /** Every stored relationship as "from>to" over qualified names, read from the DOWNSTREAM rows. */
  public static Set<String> of(LineageStore store) throws SQLException {
    String sql =
        """
        SELECT f.database_name, f.schema_name, ft.title, f.title,
               t.database_name, t.schema_name, tt.title, t.title
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
        names.add(name(rs, 1) + ">" + name(rs, 5));
      }
    }
    return names;
  }

  /** The four name columns from {@code first}, the missing ones left out. */
  private static String name(ResultSet rs, int first) throws SQLException {
    StringBuilder b = new StringBuilder();
    for (int i = first; i < first + 4; i++) {
      String part = rs.getString(i);
      if (part != null) {
        b.append(b.isEmpty() ? "" : ".").append(part);
      }
    }
    return b.toString();
  }
}
