package io.tributary.connectors.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The SQL conditions of lineage over time, one place for each rule. They refer to a derived table
 * {@code asof} with one column {@code t}, the time a read looks at ({@link #AS_OF_JOIN}, whose one
 * parameter is {@link LineageView#time()}), and to edges under the alias {@code e}.
 */
final class TimeSql {

  private TimeSql() {}

  /** The most ids a read names literally; beyond, it keeps the correlated conditions. */
  static final int MAX_LISTED = 1000;

  /**
   * Which kinds of history the store holds, and, when they are few, which resources are gone at the
   * time looked at and which entities were replaced by then. A condition whose table is empty is
   * left out of a read, and a short list of ids is matched as a list rather than by a subquery per
   * edge, so a store with little or no history reads about as fast as one without.
   *
   * @param gone the resources that did not exist at the time (with the columns of such tables),
   *     when there are at most {@link #MAX_LISTED}
   * @param replaced the tables replaced by then and their columns, when at most that many
   */
  record History(
      boolean events,
      boolean replacements,
      boolean retired,
      Optional<Set<UUID>> gone,
      Optional<Set<UUID>> replaced) {

    static History probe(Connection c, Instant time) throws SQLException {
      boolean events = any(c, "SELECT 1 FROM resource_events");
      boolean replacements = any(c, "SELECT 1 FROM lineage_replacements");
      Optional<Set<UUID>> gone = Optional.of(Set.of());
      if (events) {
        gone =
            withColumns(
                c,
                ids(
                    c,
                    "SELECT DISTINCT ev.resource_id FROM resource_events ev"
                        + AS_OF_JOIN
                        + " WHERE NOT "
                        + exists("ev.resource_id"),
                    time));
      }
      Optional<Set<UUID>> replaced = Optional.of(Set.of());
      if (replacements) {
        replaced =
            withColumns(
                c,
                ids(
                    c,
                    "SELECT DISTINCT rp.target_entity FROM lineage_replacements rp"
                        + AS_OF_JOIN
                        + " WHERE rp.replaced_at <= asof.t",
                    time));
      }
      return new History(
          events,
          replacements,
          any(c, "SELECT 1 FROM lineage_edges WHERE retired_at IS NOT NULL"),
          gone,
          replaced);
    }

    private static boolean any(Connection c, String sql) throws SQLException {
      try (PreparedStatement ps = c.prepareStatement(sql + " LIMIT 1");
          ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }

    /** The ids a query (one parameter: the time) returns, when at most {@link #MAX_LISTED}. */
    private static Optional<Set<UUID>> ids(Connection c, String sql, Instant time)
        throws SQLException {
      Set<UUID> ids = new LinkedHashSet<>();
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setObject(1, Timestamps.toDb(time));
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            ids.add(rs.getObject(1, UUID.class));
            if (ids.size() > MAX_LISTED) {
              return Optional.empty();
            }
          }
        }
      }
      return Optional.of(ids);
    }

    /** These ids and the columns of those that are tables, when at most {@link #MAX_LISTED}. */
    private static Optional<Set<UUID>> withColumns(Connection c, Optional<Set<UUID>> ids)
        throws SQLException {
      if (ids.isEmpty() || ids.get().isEmpty()) {
        return ids;
      }
      Set<UUID> all = new LinkedHashSet<>(ids.get());
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT id FROM resources WHERE table_id IN ("
                  + Sql.placeholders(ids.get().size())
                  + ")")) {
        int i = 1;
        for (UUID id : ids.get()) {
          ps.setObject(i++, id);
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            all.add(rs.getObject(1, UUID.class));
            if (all.size() > MAX_LISTED) {
              return Optional.empty();
            }
          }
        }
      }
      return Optional.of(all);
    }
  }

  /** {@code expression IN (the ids)}, the ids written as literals. */
  private static String in(String expression, Set<UUID> ids) {
    StringBuilder sql = new StringBuilder(expression).append(" IN (");
    String separator = "";
    for (UUID id : ids) {
      sql.append(separator).append("CAST('").append(id).append("' AS UUID)");
      separator = ", ";
    }
    return sql.append(')').toString();
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
    boolean replaced = h.replacements() && !h.replaced().map(Set::isEmpty).orElse(false);
    if (!h.retired() && !replaced) {
      return "TRUE";
    }
    StringBuilder retired = new StringBuilder();
    if (h.retired()) {
      retired.append(RETIRED_ON_REQUEST);
    }
    if (replaced) {
      retired.append(retired.isEmpty() ? "" : " OR ");
      // only an edge into a replaced table or column can be older than a replacement
      h.replaced().ifPresent(ids -> retired.append(in(TARGET, ids)).append(" AND "));
      retired.append(REPLACED_SINCE_SEEN);
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
      if (h.gone().isEmpty()) {
        sql.append(" AND ").append(exists(SOURCE)).append(" AND ").append(exists(TARGET));
      } else if (!h.gone().get().isEmpty()) {
        sql.append(" AND NOT ").append(in(SOURCE, h.gone().get()));
        sql.append(" AND NOT ").append(in(TARGET, h.gone().get()));
      }
    }
    return sql.toString();
  }

  /** The conditions a resource (alias {@code r}) meets to be seen under {@code view}. */
  static String resourceVisible(LineageView view, History h) {
    if (view.includeDropped() || !h.events()) {
      return "TRUE";
    }
    return h.gone()
        .map(ids -> ids.isEmpty() ? "TRUE" : "NOT " + in("r.id", ids))
        .orElseGet(() -> exists("r.id"));
  }
}
