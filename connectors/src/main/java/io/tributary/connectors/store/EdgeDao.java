package io.tributary.connectors.store;

import io.tributary.sql.model.LineageKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Lineage edges. Every relationship is stored as two rows kept in step: {@code DOWNSTREAM
 * source→target} and {@code UPSTREAM target→source}. Manual edges are never downgraded or removed
 * by derived writes; deleting a derived edge leaves a tombstone that derived writes respect.
 */
public final class EdgeDao {

  private static final String COLUMNS =
      "id, created_at, updated_at, from_entity, to_entity, direction, is_manual, provenance,"
          + " first_seen, last_seen, query_fingerprint, kind";

  private static final String SELECT = "SELECT " + COLUMNS + " FROM lineage_edges";

  private static final String DELETE_RELATIONSHIP =
      """
      DELETE FROM lineage_edges
      WHERE (from_entity = ? AND to_entity = ? AND direction = 'DOWNSTREAM')
         OR (from_entity = ? AND to_entity = ? AND direction = 'UPSTREAM')
      """;

  private static final String DELETE_TOMBSTONE =
      "DELETE FROM lineage_tombstones WHERE source_entity = ? AND target_entity = ?";

  private static final String INSERT_TOMBSTONE =
      "INSERT INTO lineage_tombstones (source_entity, target_entity, deleted_at) VALUES (?, ?, ?)";

  private final Transactions tx;
  private final StoreDialect dialect;

  EdgeDao(Transactions tx, StoreDialect dialect) {
    this.tx = tx;
    this.dialect = dialect;
  }

  public Optional<LineageEdge> find(UUID id) {
    return tx.read(c -> find(c, id));
  }

  private static Optional<LineageEdge> find(Connection c, UUID id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE id = ?")) {
      ps.setObject(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(map(rs)) : Optional.empty();
      }
    }
  }

  /** One page (1-based) of the edges that match, oldest first. */
  public Page<LineageEdge> list(EdgeFilter filter, int page, int pageSize) {
    List<String> where = new ArrayList<>();
    List<UUID> params = new ArrayList<>();
    if (!filter.fromEntities().isEmpty()) {
      where.add("from_entity IN (" + Sql.placeholders(filter.fromEntities().size()) + ")");
      params.addAll(filter.fromEntities());
    }
    if (!filter.toEntities().isEmpty()) {
      where.add("to_entity IN (" + Sql.placeholders(filter.toEntities().size()) + ")");
      params.addAll(filter.toEntities());
    }
    String condition = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
    return tx.read(
        c -> {
          long count;
          try (PreparedStatement ps =
              c.prepareStatement("SELECT COUNT(*) FROM lineage_edges" + condition)) {
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
                    SELECT + condition + " ORDER BY created_at, id LIMIT ? OFFSET ?")) {
              bindAll(ps, params);
              ps.setInt(params.size() + 1, pageSize);
              ps.setLong(params.size() + 2, (long) (page - 1) * pageSize);
              try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                  results.add(map(rs));
                }
              }
            }
          }
          return new Page<>(results, count, page, pageSize);
        });
  }

  /**
   * Creates (or makes manual) the edge and its opposite direction, and clears a tombstone of the
   * relationship. Returns the edge in the direction asked for.
   */
  public LineageEdge createManual(UUID from, UUID to, Direction direction) {
    UUID source = direction == Direction.DOWNSTREAM ? from : to;
    UUID target = direction == Direction.DOWNSTREAM ? to : from;
    UUID id = StoreIds.edgeId(from, to, direction);
    return tx.inTransaction(
        c -> {
          var now = Timestamps.toDb(Timestamps.now());
          try (PreparedStatement ps = c.prepareStatement(dialect.upsertManualEdgeSql())) {
            for (Direction d : List.of(Direction.DOWNSTREAM, Direction.UPSTREAM)) {
              UUID f = d == Direction.DOWNSTREAM ? source : target;
              UUID t = d == Direction.DOWNSTREAM ? target : source;
              ps.setObject(1, StoreIds.edgeId(f, t, d));
              ps.setObject(2, now);
              ps.setObject(3, now);
              ps.setObject(4, f);
              ps.setObject(5, t);
              ps.setString(6, d.name());
              ps.setObject(7, now);
              ps.setObject(8, now);
              ps.executeUpdate();
            }
          }
          clearTombstones(c, List.of(new Flow(source, target)));
          return find(c, id).orElseThrow();
        });
  }

  /**
   * Deletes the edge and its opposite direction. A derived edge leaves a tombstone so that derived
   * writes do not bring it back. Returns what was deleted.
   */
  public Optional<LineageEdge> delete(UUID id) {
    return tx.inTransaction(
        c -> {
          Optional<LineageEdge> edge = find(c, id);
          if (edge.isEmpty()) {
            return edge;
          }
          UUID source = edge.get().source();
          UUID target = edge.get().target();
          try (PreparedStatement ps = c.prepareStatement(DELETE_RELATIONSHIP)) {
            ps.setObject(1, source);
            ps.setObject(2, target);
            ps.setObject(3, target);
            ps.setObject(4, source);
            ps.executeUpdate();
          }
          if (!edge.get().manual()) {
            clearTombstones(c, List.of(new Flow(source, target)));
            try (PreparedStatement ps = c.prepareStatement(INSERT_TOMBSTONE)) {
              ps.setObject(1, source);
              ps.setObject(2, target);
              ps.setObject(3, Timestamps.toDb(Timestamps.now()));
              ps.executeUpdate();
            }
          }
          return edge;
        });
  }

  /**
   * Writes derived relationships (both directions each) in one transaction: idempotent, never
   * touching more than {@code last_seen} of a manual edge, skipping tombstoned relationships.
   */
  public void upsertDerived(Collection<DerivedEdge> edges) {
    if (edges.isEmpty()) {
      return;
    }
    tx.inTransaction(c -> upsertDerived(c, edges));
  }

  /**
   * Writes the lineage of an explicit request in one transaction: first removes the non-manual
   * upstream edges of {@code replaceUpstreamOf} (both stored directions), then clears tombstones of
   * the written relationships (the request asks for them again), then upserts them.
   */
  public void writeFromQuery(Collection<DerivedEdge> edges, Collection<UUID> replaceUpstreamOf) {
    tx.inTransaction(
        c -> {
          deleteDerivedUpstream(c, replaceUpstreamOf);
          return writeRequested(c, edges);
        });
  }

  private static void deleteDerivedUpstream(Connection c, Collection<UUID> entities)
      throws SQLException {
    for (List<UUID> chunk : Sql.chunks(entities)) {
      String in = Sql.placeholders(chunk.size());
      String sql =
          "DELETE FROM lineage_edges WHERE is_manual = FALSE AND ("
              + "(direction = 'UPSTREAM' AND from_entity IN ("
              + in
              + ")) OR (direction = 'DOWNSTREAM' AND to_entity IN ("
              + in
              + ")))";
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        for (int i = 0; i < chunk.size(); i++) {
          ps.setObject(i + 1, chunk.get(i));
          ps.setObject(chunk.size() + i + 1, chunk.get(i));
        }
        ps.executeUpdate();
      }
    }
  }

  /** Clears the tombstones of the written relationships (asked for again), then upserts them. */
  int writeRequested(Connection c, Collection<DerivedEdge> edges) throws SQLException {
    List<Flow> pairs = new ArrayList<>();
    for (DerivedEdge e : edges) {
      pairs.add(new Flow(e.source(), e.target()));
    }
    clearTombstones(c, pairs);
    return upsertDerived(c, edges);
  }

  int upsertDerived(Connection c, Collection<DerivedEdge> edges) throws SQLException {
    Set<EdgeRow> rows = new LinkedHashSet<>();
    edges.forEach(e -> rows.addAll(e.rows()));
    List<EdgeRow> sorted = new ArrayList<>(rows);
    sorted.sort(EdgeRow.LOCK_ORDER);
    try (PreparedStatement ps = c.prepareStatement(dialect.upsertDerivedEdgeSql())) {
      for (EdgeRow row : sorted) {
        EdgeRow.bind(ps, row);
        ps.addBatch();
      }
      ps.executeBatch();
    }
    return sorted.size();
  }

  /** The edges of this direction leaving any of these entities (for graph walks). */
  public List<LineageEdge> leaving(Collection<UUID> entities, Direction direction) {
    return tx.read(
        c -> {
          List<LineageEdge> result = new ArrayList<>();
          for (List<UUID> chunk : Sql.chunks(entities)) {
            String sql =
                SELECT
                    + " WHERE direction = ? AND from_entity IN ("
                    + Sql.placeholders(chunk.size())
                    + ")";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
              ps.setString(1, direction.name());
              for (int i = 0; i < chunk.size(); i++) {
                ps.setObject(i + 2, chunk.get(i));
              }
              try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                  result.add(map(rs));
                }
              }
            }
          }
          return result;
        });
  }

  /** Whether a user deleted the derived relationship source→target. */
  public boolean tombstoned(UUID source, UUID target) {
    return tx.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT 1 FROM lineage_tombstones WHERE source_entity = ? AND target_entity = ?")) {
            ps.setObject(1, source);
            ps.setObject(2, target);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next();
            }
          }
        });
  }

  private static void clearTombstones(Connection c, List<Flow> pairs) throws SQLException {
    if (pairs.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement(DELETE_TOMBSTONE)) {
      for (Flow pair : pairs) {
        ps.setObject(1, pair.source());
        ps.setObject(2, pair.target());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** A relationship by the way data flows, the key of a tombstone. */
  private record Flow(UUID source, UUID target) {}

  private static void bindAll(PreparedStatement ps, List<UUID> params) throws SQLException {
    for (int i = 0; i < params.size(); i++) {
      ps.setObject(i + 1, params.get(i));
    }
  }

  static LineageEdge map(ResultSet rs) throws SQLException {
    return new LineageEdge(
        rs.getObject("id", UUID.class),
        Sql.instant(rs, "created_at"),
        Sql.instant(rs, "updated_at"),
        rs.getObject("from_entity", UUID.class),
        rs.getObject("to_entity", UUID.class),
        Direction.valueOf(rs.getString("direction")),
        rs.getBoolean("is_manual"),
        Provenance.ofDbName(rs.getString("provenance")),
        Sql.instant(rs, "first_seen"),
        Sql.instant(rs, "last_seen"),
        Sql.string(rs, "query_fingerprint"),
        Sql.string(rs, "kind").map(k -> LineageKind.valueOf(k.toUpperCase(Locale.ROOT))));
  }
}
