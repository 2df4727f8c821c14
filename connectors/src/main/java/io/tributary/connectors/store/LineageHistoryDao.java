package io.tributary.connectors.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Lineage over time: reads of the edges as of a time, with or without retired ones, and the two
 * ways edges are retired. Nothing is deleted: a retired edge keeps its rows, and says when and why.
 *
 * <ul>
 *   <li><b>Replacement.</b> {@link #replaceUpstream} records that a statement replaced a table's
 *       contents at a time; the derived edges into the table and its columns whose last execution
 *       is older count as retired from then on, whenever they were or will be written. So a
 *       backfill of older history cannot bring them back, and a newer execution that writes one
 *       does (its last_seen passes the replacement).
 *   <li><b>Unseen.</b> {@link #retireUnseen} retires derived edges whose last execution is more
 *       than a period older than the newest activity on their target's table. A newer execution
 *       brings one back.
 * </ul>
 */
public final class LineageHistoryDao {

  private static final String COLUMNS =
      "e.id, e.created_at, e.updated_at, e.from_entity, e.to_entity, e.direction, e.is_manual,"
          + " e.provenance, e.first_seen, e.last_seen, e.query_fingerprint, e.kind";

  /**
   * Records that a statement replaced a target's contents at a time, once (a replay inserts
   * nothing): what a job's sink writes for CREATE OR REPLACE or INSERT OVERWRITE, with the
   * statement's edges written as usual. Parameters: see {@link #bindReplacement}.
   */
  public static final String INSERT_REPLACEMENT =
      "INSERT INTO lineage_replacements (target_entity, replaced_at, reason)"
          + " SELECT CAST(? AS UUID), CAST(? AS TIMESTAMP WITH TIME ZONE), ? WHERE NOT EXISTS"
          + " (SELECT 1 FROM lineage_replacements WHERE target_entity = ? AND replaced_at = ?)";

  /** Sets the 5 parameters of {@link #INSERT_REPLACEMENT}. */
  public static void bindReplacement(
      PreparedStatement ps, UUID target, Instant at, RetirementReason reason) throws SQLException {
    ps.setObject(1, target);
    ps.setObject(2, Timestamps.toDb(at));
    ps.setString(3, reason.dbName());
    ps.setObject(4, target);
    ps.setObject(5, Timestamps.toDb(at));
  }

  private final Transactions tx;
  private final EdgeDao edges;
  private final StoreDialect dialect;

  LineageHistoryDao(Transactions tx, EdgeDao edges, StoreDialect dialect) {
    this.tx = tx;
    this.edges = edges;
    this.dialect = dialect;
  }

  /** One page (1-based) of the edges that match and that {@code view} sees, oldest first. */
  public Page<LineageEdge> list(EdgeFilter filter, LineageView view, int page, int pageSize) {
    List<String> where = new ArrayList<>();
    List<Object> params = new ArrayList<>();
    params.add(Timestamps.toDb(view.time()));
    if (!filter.fromEntities().isEmpty()) {
      where.add("e.from_entity IN (" + Sql.placeholders(filter.fromEntities().size()) + ")");
      params.addAll(filter.fromEntities());
    }
    if (!filter.toEntities().isEmpty()) {
      where.add("e.to_entity IN (" + Sql.placeholders(filter.toEntities().size()) + ")");
      params.addAll(filter.toEntities());
    }
    return tx.read(
        c -> {
          List<String> conditions = new ArrayList<>(where);
          conditions.add(TimeSql.edgeVisible(view, TimeSql.History.probe(c, view.time())));
          String from =
              " FROM lineage_edges e"
                  + TimeSql.AS_OF_JOIN
                  + " WHERE "
                  + String.join(" AND ", conditions);
          long count;
          try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*)" + from)) {
            bindAll(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              count = rs.getLong(1);
            }
          }
          List<LineageEdge> results = new ArrayList<>();
          if (count > (long) (page - 1) * pageSize) {
            try (PreparedStatement ps =
                c.prepareStatement(
                    "SELECT " + COLUMNS + from + " ORDER BY e.created_at, e.id LIMIT ? OFFSET ?")) {
              bindAll(ps, params);
              ps.setInt(params.size() + 1, pageSize);
              ps.setLong(params.size() + 2, (long) (page - 1) * pageSize);
              try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                  results.add(EdgeDao.map(rs));
                }
              }
            }
          }
          return new Page<>(results, count, page, pageSize);
        });
  }

  /** The edges of this direction leaving any of these entities that {@code view} sees. */
  public List<LineageEdge> leaving(
      Collection<UUID> entities, Direction direction, LineageView view) {
    return tx.read(
        c -> {
          List<LineageEdge> result = new ArrayList<>();
          TimeSql.History history = TimeSql.History.probe(c, view.time());
          for (List<UUID> chunk : Sql.chunks(entities)) {
            String sql =
                "SELECT "
                    + COLUMNS
                    + " FROM lineage_edges e"
                    + TimeSql.AS_OF_JOIN
                    + " WHERE e.direction = ? AND e.from_entity IN ("
                    + Sql.placeholders(chunk.size())
                    + ") AND "
                    + TimeSql.edgeVisible(view, history);
            try (PreparedStatement ps = c.prepareStatement(sql)) {
              ps.setObject(1, Timestamps.toDb(view.time()));
              ps.setString(2, direction.name());
              for (int i = 0; i < chunk.size(); i++) {
                ps.setObject(i + 3, chunk.get(i));
              }
              try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                  result.add(EdgeDao.map(rs));
                }
              }
            }
          }
          return result;
        });
  }

  /**
   * When and why each of these edges is retired now, for those that are: the first replacement of
   * its target after its last execution, else its retirement on request. Manual edges never are.
   */
  public Map<UUID, Retirement> retirements(Collection<UUID> edgeIds) {
    return tx.read(
        c -> {
          Map<UUID, Retirement> result = new HashMap<>();
          for (List<UUID> chunk : Sql.chunks(new LinkedHashSet<>(edgeIds))) {
            String in = Sql.placeholders(chunk.size());
            String replaced =
                "SELECT e.id, rp.replaced_at, rp.reason FROM lineage_edges e"
                    + " JOIN lineage_replacements rp ON rp.target_entity IN ("
                    + TimeSql.TARGET
                    + ", (SELECT xr.table_id FROM resources xr WHERE xr.id = "
                    + TimeSql.TARGET
                    + ")) AND rp.replaced_at > e.last_seen"
                    + " WHERE NOT e.is_manual AND e.id IN ("
                    + in
                    + ") ORDER BY rp.replaced_at DESC";
            try (PreparedStatement ps = c.prepareStatement(replaced)) {
              bindAll(ps, new ArrayList<>(chunk));
              try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                  // descending: the earliest replacement is put last and stays
                  result.put(
                      rs.getObject(1, UUID.class),
                      new Retirement(
                          Sql.instant(rs, "replaced_at"),
                          RetirementReason.byName(rs.getString("reason")).orElseThrow()));
                }
              }
            }
            String requested =
                "SELECT e.id, e.retired_at, e.retired_reason FROM lineage_edges e"
                    + " WHERE NOT e.is_manual AND e.retired_at IS NOT NULL"
                    + " AND e.last_seen <= e.retired_seen AND e.id IN ("
                    + in
                    + ")";
            try (PreparedStatement ps = c.prepareStatement(requested)) {
              bindAll(ps, new ArrayList<>(chunk));
              try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                  result.putIfAbsent(
                      rs.getObject(1, UUID.class),
                      new Retirement(
                          Sql.instant(rs, "retired_at"),
                          RetirementReason.byName(rs.getString("retired_reason")).orElseThrow()));
                }
              }
            }
          }
          return result;
        });
  }

  /**
   * A statement replaced the whole contents of {@code target} (a table or view) at {@code at}:
   * writes {@code keptEdges} (the lineage the statement writes, seen at {@code at}) and retires, as
   * of {@code at}, every derived edge into the target or its columns last seen before then. A
   * request ({@link RetirementReason#LINEAGE_FROM_QUERY}) also clears tombstones of the kept edges;
   * a statement from the log respects them. Idempotent: a replay changes nothing.
   */
  public void replaceUpstream(
      UUID target, Collection<DerivedEdge> keptEdges, Instant at, RetirementReason reason) {
    replaceUpstream(List.of(target), keptEdges, at, reason);
  }

  /** {@link #replaceUpstream(UUID, Collection, Instant, RetirementReason)} of several targets. */
  public void replaceUpstream(
      Collection<UUID> targets,
      Collection<DerivedEdge> keptEdges,
      Instant at,
      RetirementReason reason) {
    if (reason == RetirementReason.UNSEEN) {
      throw new IllegalArgumentException("unseen edges are retired by retireUnseen");
    }
    List<UUID> sorted = new ArrayList<>(new TreeSet<>(targets));
    tx.inTransaction(
        c -> {
          replaceUpstream(c, sorted, keptEdges, at, reason);
          return null;
        });
  }

  void replaceUpstream(
      Connection c,
      List<UUID> targets,
      Collection<DerivedEdge> keptEdges,
      Instant at,
      RetirementReason reason)
      throws SQLException {
    // Concurrent replaces of one target run one after the other.
    for (List<UUID> chunk : Sql.chunks(targets)) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT id FROM resources WHERE id IN ("
                  + Sql.placeholders(chunk.size())
                  + ") ORDER BY id FOR UPDATE")) {
        bindAll(ps, new ArrayList<>(chunk));
        ps.executeQuery().close();
      }
    }
    if (reason.requested()) {
      // Requests replace in the order they take the lock: each one's time is after the last
      // replacement, so two at the same instant cannot both stay.
      Optional<Instant> latest = latestReplacement(c, targets);
      if (latest.isPresent() && !at.isAfter(latest.get())) {
        Instant after = latest.get().plus(1, ChronoUnit.MICROS);
        keptEdges =
            keptEdges.stream()
                .map(e -> new DerivedEdge(e.source(), e.target(), after, e.fingerprint(), e.kind()))
                .toList();
        at = after;
      }
    }
    try (PreparedStatement ps = c.prepareStatement(INSERT_REPLACEMENT)) {
      for (UUID target : targets) {
        bindReplacement(ps, target, at, reason);
        ps.addBatch();
      }
      ps.executeBatch();
    }
    if (keptEdges.isEmpty()) {
      return;
    }
    if (reason.requested()) {
      edges.writeRequested(c, keptEdges);
    } else {
      edges.upsertDerived(c, keptEdges); // a statement from the log respects tombstones
    }
  }

  private static Optional<Instant> latestReplacement(Connection c, List<UUID> targets)
      throws SQLException {
    Instant latest = null;
    for (List<UUID> chunk : Sql.chunks(targets)) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT MAX(replaced_at) AS latest FROM lineage_replacements WHERE target_entity IN ("
                  + Sql.placeholders(chunk.size())
                  + ")")) {
        bindAll(ps, new ArrayList<>(chunk));
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          Instant t = Sql.instant(rs, "latest");
          if (t != null && (latest == null || t.isAfter(latest))) {
            latest = t;
          }
        }
      }
    }
    return Optional.ofNullable(latest);
  }

  /**
   * Retires the derived edges not seen for longer than {@code period} before the newest activity on
   * their target's table (the latest last_seen of any derived edge into the table or its columns).
   * They are retired as of that newest activity, with reason {@code unseen}; an edge already
   * retired is left as it is. Running it again changes nothing.
   *
   * @return how many relationships (each stored as two rows) were retired
   */
  public int retireUnseen(Duration period) {
    if (period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException("the retire-after period must be positive");
    }
    return tx.inTransaction(
        c -> {
          Map<UUID, Instant> activity = new LinkedHashMap<>();
          try (PreparedStatement ps =
                  c.prepareStatement(
                      "SELECT COALESCE(r.table_id, e.to_entity) AS target_table,"
                          + " MAX(e.last_seen) AS newest FROM lineage_edges e"
                          + " LEFT JOIN resources r ON r.id = e.to_entity"
                          + " WHERE e.direction = 'DOWNSTREAM' AND NOT e.is_manual"
                          + " GROUP BY COALESCE(r.table_id, e.to_entity)");
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              activity.put(rs.getObject(1, UUID.class), Sql.instant(rs, "newest"));
            }
          }
          String retire =
              "UPDATE lineage_edges SET retired_at = ?, retired_reason = ?, retired_seen = last_seen"
                  + " WHERE NOT is_manual AND last_seen < ?"
                  + " AND (retired_at IS NULL OR last_seen > retired_seen)"
                  + " AND ((direction = 'DOWNSTREAM' AND (to_entity = ? OR to_entity IN"
                  + " (SELECT id FROM resources WHERE table_id = ?)))"
                  + " OR (direction = 'UPSTREAM' AND (from_entity = ? OR from_entity IN"
                  + " (SELECT id FROM resources WHERE table_id = ?))))";
          int rows = 0;
          try (PreparedStatement ps = c.prepareStatement(retire)) {
            for (Map.Entry<UUID, Instant> e : activity.entrySet()) {
              Instant newest = e.getValue();
              Instant cutoff = newest.minus(period);
              ps.setObject(1, Timestamps.toDb(newest));
              ps.setString(2, RetirementReason.UNSEEN.dbName());
              ps.setObject(3, Timestamps.toDb(cutoff));
              for (int i = 4; i <= 7; i++) {
                ps.setObject(i, e.getKey());
              }
              rows += ps.executeUpdate();
            }
          }
          return rows / 2;
        });
  }

  private static void bindAll(PreparedStatement ps, List<Object> params) throws SQLException {
    for (int i = 0; i < params.size(); i++) {
      ps.setObject(i + 1, params.get(i));
    }
  }
}
