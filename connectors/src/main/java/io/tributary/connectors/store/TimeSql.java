package io.tributary.connectors.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The SQL conditions of lineage over time, one place for each rule. They refer to a derived table
 * {@code asof} with one column {@code t}, the time a read looks at ({@link #AS_OF_JOIN}, whose one
 * parameter is {@link LineageView#time()}), and to edges under the alias {@code e}.
 */
final class TimeSql {

  private TimeSql() {}

  /**
   * Which kinds of history the store holds at all: a condition whose table is empty is left out of
   * a read, so a store without DDL events, replacements or retired edges reads as fast as before.
   */
  record History(boolean events, boolean replacements, boolean retired) {

    static History probe(Connection c) throws SQLException {
      return new History(
          any(c, "SELECT 1 FROM resource_events"),
          any(c, "SELECT 1 FROM lineage_replacements"),
          any(c, "SELECT 1 FROM lineage_edges WHERE retired_at IS NOT NULL"));
    }

    private static boolean any(Connection c, String sql) throws SQLException {
      try (PreparedStatement ps = c.prepareStatement(sql + " LIMIT 1");
          ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  /** Joined to a read's FROM: one parameter, the time looked at. */
  static final String AS_OF_JOIN =
      " CROSS JOIN (SELECT CAST(? AS TIMESTAMP WITH TIME ZONE) AS t) asof";

  /** The entity data flows out of, whichever direction the row is stored in. */
  static final String SOURCE =
      "(CASE WHEN e.direction = 'DOWNSTREAM' THEN e.from_entity ELSE e.to_entity END)";

  /** The entity data flows into. */
  static final String TARGET =
      "(CASE WHEN e.direction = 'DOWNSTREAM' THEN e.to_entity ELSE e.from_entity END)";

  /** The entity itself and, for a column, its table: what replacements and DDL events name. */
  private static String selfAndTable(String entity) {
    return entity + ", (SELECT xr.table_id FROM resources xr WHERE xr.id = " + entity + ")";
  }

  private static final String RETIRED_ON_REQUEST =
      "(e.retired_at IS NOT NULL AND e.last_seen <= e.retired_seen AND e.retired_at <= asof.t)";

  private static final String REPLACED_SINCE_SEEN =
      "EXISTS (SELECT 1 FROM lineage_replacements rp WHERE rp.target_entity IN ("
          + selfAndTable(TARGET)
          + ") AND rp.replaced_at > e.last_seen AND rp.replaced_at <= asof.t)";

  /**
   * The edge is not retired as of {@code asof.t}: manual, or neither retired on request (and not
   * seen since) nor older than a replacement of its target (or its target's table) made by then.
   */
  static String edgeNotRetired(History h) {
    if (!h.retired() && !h.replacements()) {
      return "TRUE";
    }
    StringBuilder retired = new StringBuilder();
    if (h.retired()) {
      retired.append(RETIRED_ON_REQUEST);
    }
    if (h.replacements()) {
      retired.append(retired.isEmpty() ? "" : " OR ").append(REPLACED_SINCE_SEEN);
    }
    return "(e.is_manual OR NOT (" + retired + "))";
  }

  /** The edge had been seen by {@code asof.t}. */
  static final String EDGE_SEEN = "e.first_seen <= asof.t";

  /**
   * The resource (an id expression) existed at {@code asof.t}: neither it nor its table was dropped
   * or renamed by then (without being created again after), nor first created after then.
   */
  static String exists(String entity) {
    String ids = selfAndTable(entity);
    return "(NOT EXISTS (SELECT 1 FROM resource_events d WHERE d.resource_id IN ("
        + ids
        + ") AND d.kind <> 'created' AND d.occurred_at <= asof.t"
        + " AND NOT EXISTS (SELECT 1 FROM resource_events c WHERE c.resource_id = d.resource_id"
        + " AND c.kind = 'created' AND c.occurred_at > d.occurred_at AND c.occurred_at <= asof.t))"
        + " AND NOT EXISTS (SELECT 1 FROM resource_events c WHERE c.resource_id IN ("
        + ids
        + ") AND c.kind = 'created' AND c.occurred_at > asof.t"
        + " AND NOT EXISTS (SELECT 1 FROM resource_events o WHERE o.resource_id = c.resource_id"
        + " AND o.occurred_at < c.occurred_at)))";
  }

  /** The conditions an edge meets to be seen under {@code view}, joined with AND. */
  static String edgeVisible(LineageView view, History h) {
    StringBuilder sql = new StringBuilder(EDGE_SEEN);
    if (!view.includeRetired()) {
      sql.append(" AND ").append(edgeNotRetired(h));
    }
    if (!view.includeDropped() && h.events()) {
      sql.append(" AND ").append(exists(SOURCE)).append(" AND ").append(exists(TARGET));
    }
    return sql.toString();
  }

  /** The conditions a resource (alias {@code r}) meets to be seen under {@code view}. */
  static String resourceVisible(LineageView view, History h) {
    return view.includeDropped() || !h.events() ? "TRUE" : exists("r.id");
  }
}
