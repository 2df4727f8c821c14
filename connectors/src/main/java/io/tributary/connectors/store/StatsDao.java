package io.tributary.connectors.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/** The store's counts, read in one go. */
public final class StatsDao {

  private final Transactions tx;

  StatsDao(Transactions tx) {
    this.tx = tx;
  }

  public StoreStats read() {
    return tx.read(
        c -> {
          Map<EntityType, Long> resources = new EnumMap<>(EntityType.class);
          for (EntityType t : EntityType.values()) {
            resources.put(t, 0L);
          }
          try (PreparedStatement ps =
                  c.prepareStatement(
                      "SELECT entity_type, COUNT(*) FROM resources GROUP BY entity_type");
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              var type = EntityType.byName(rs.getString(1));
              if (type.isPresent()) {
                resources.put(type.get(), rs.getLong(2));
              }
            }
          }
          Map<String, Long> deadLetters = new TreeMap<>();
          try (PreparedStatement ps =
                  c.prepareStatement("SELECT reason, COUNT(*) FROM dead_letters GROUP BY reason");
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              deadLetters.put(rs.getString(1), rs.getLong(2));
            }
          }
          return new StoreStats(
              resources,
              count(c, "SELECT COUNT(*) FROM resources WHERE discovered = TRUE"),
              count(c, "SELECT COUNT(*) FROM lineage_edges WHERE direction = 'DOWNSTREAM'"),
              count(
                  c,
                  "SELECT COUNT(*) FROM lineage_edges"
                      + " WHERE direction = 'DOWNSTREAM' AND is_manual = TRUE"),
              count(c, "SELECT COUNT(*) FROM lineage_tombstones"),
              count(c, "SELECT COUNT(*) FROM queries_seen"),
              count(c, "SELECT COALESCE(SUM(executions), 0) FROM query_executions"),
              deadLetters);
        });
  }

  private static long count(Connection c, String sql) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
