package io.tributary.connectors.store;

import io.tributary.connectors.store.ResourceUsage.QueryUsage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Usage of resources: which queries read and write them (the fingerprints their edges carry), how
 * often those ran (the daily execution counts), and by how many users.
 */
public final class UsageDao {

  private final Transactions tx;

  UsageDao(Transactions tx) {
    this.tx = tx;
  }

  /** Records who ran which query on which day; a record already there is left alone. */
  public void recordUsers(Collection<QueryUser> users) {
    if (users.isEmpty()) {
      return;
    }
    List<QueryUser> sorted = new ArrayList<>(users);
    sorted.sort(
        Comparator.comparing(QueryUser::fingerprint)
            .thenComparing(QueryUser::user)
            .thenComparing(QueryUser::dayStart));
    tx.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO query_users (fingerprint, user_name, day_start)"
                      + " SELECT ?, ?, CAST(? AS TIMESTAMP WITH TIME ZONE) WHERE NOT EXISTS"
                      + " (SELECT 1 FROM query_users WHERE fingerprint = ? AND user_name = ?"
                      + " AND day_start = ?)")) {
            for (QueryUser u : sorted) {
              String user = QuerySeen.cut(u.user(), QueryUser.MAX_USER_CHARS);
              ps.setString(1, u.fingerprint());
              ps.setString(2, user);
              ps.setObject(3, Timestamps.toDb(u.dayStart()));
              ps.setString(4, u.fingerprint());
              ps.setString(5, user);
              ps.setObject(6, Timestamps.toDb(u.dayStart()));
              ps.addBatch();
            }
            return ps.executeBatch().length;
          }
        });
  }

  /** The usage of a resource (with its columns, for a table); {@code top} queries at most. */
  public ResourceUsage usage(UUID resourceId, int top) {
    return tx.read(
        c -> {
          Map<String, QueryRole> roles = new LinkedHashMap<>();
          Optional<Instant> lastRead = roles(c, resourceId, "from_entity", roles, true);
          Optional<Instant> lastWritten = roles(c, resourceId, "to_entity", roles, false);
          Map<String, Long> executions = new HashMap<>();
          Map<String, QuerySeen> seen = new HashMap<>();
          long users = 0;
          List<String> fingerprints = new ArrayList<>(roles.keySet());
          for (List<String> chunk : Sql.chunks(fingerprints)) {
            String in = Sql.placeholders(chunk.size());
            try (PreparedStatement ps =
                c.prepareStatement(
                    "SELECT fingerprint, SUM(executions) FROM query_executions"
                        + " WHERE fingerprint IN ("
                        + in
                        + ") GROUP BY fingerprint")) {
              bind(ps, chunk);
              try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                  executions.put(rs.getString(1), rs.getLong(2));
                }
              }
            }
            try (PreparedStatement ps =
                c.prepareStatement(
                    "SELECT fingerprint, sample_sql, dialect, first_seen, last_seen"
                        + " FROM queries_seen WHERE fingerprint IN ("
                        + in
                        + ")")) {
              bind(ps, chunk);
              try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                  seen.put(
                      rs.getString("fingerprint"),
                      new QuerySeen(
                          rs.getString("fingerprint"),
                          rs.getString("sample_sql"),
                          rs.getString("dialect"),
                          Sql.instant(rs, "first_seen"),
                          Sql.instant(rs, "last_seen")));
                }
              }
            }
          }
          if (!fingerprints.isEmpty()) {
            users = distinctUsers(c, fingerprints);
          }
          long total = 0;
          List<QueryUsage> queries = new ArrayList<>();
          for (Map.Entry<String, QueryRole> e : roles.entrySet()) {
            long n = executions.getOrDefault(e.getKey(), 0L);
            total += n;
            QuerySeen q = seen.get(e.getKey());
            if (q != null) {
              queries.add(new QueryUsage(q, n, e.getValue().reads, e.getValue().writes));
            }
          }
          queries.sort(
              Comparator.comparingLong(QueryUsage::executions)
                  .reversed()
                  .thenComparing(q -> q.query().fingerprint()));
          return new ResourceUsage(
              resourceId,
              total,
              users,
              lastRead,
              lastWritten,
              queries.subList(0, Math.min(Math.max(0, top), queries.size())));
        });
  }

  private static final class QueryRole {
    boolean reads;
    boolean writes;
  }

  /**
   * The fingerprints of derived edges with the resource (or one of its columns) at {@code end},
   * marked as reading or writing; returns the latest execution among those edges.
   */
  private static Optional<Instant> roles(
      Connection c, UUID resource, String end, Map<String, QueryRole> roles, boolean reads)
      throws SQLException {
    Instant latest = null;
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT query_fingerprint, MAX(last_seen) AS last_seen FROM lineage_edges"
                + " WHERE direction = 'DOWNSTREAM' AND NOT is_manual AND ("
                + end
                + " = ? OR "
                + end
                + " IN (SELECT id FROM resources WHERE table_id = ?))"
                + " GROUP BY query_fingerprint")) {
      ps.setObject(1, resource);
      ps.setObject(2, resource);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Instant last = Sql.instant(rs, "last_seen");
          if (latest == null || last.isAfter(latest)) {
            latest = last;
          }
          String fingerprint = rs.getString("query_fingerprint");
          if (fingerprint != null) {
            QueryRole role = roles.computeIfAbsent(fingerprint, f -> new QueryRole());
            if (reads) {
              role.reads = true;
            } else {
              role.writes = true;
            }
          }
        }
      }
    }
    return Optional.ofNullable(latest);
  }

  private static long distinctUsers(Connection c, List<String> fingerprints) throws SQLException {
    // Counted in one statement so a user behind several queries counts once.
    StringBuilder in = new StringBuilder();
    List<List<String>> chunks = Sql.chunks(fingerprints);
    List<String> conditions = new ArrayList<>();
    for (List<String> chunk : chunks) {
      conditions.add("fingerprint IN (" + Sql.placeholders(chunk.size()) + ")");
    }
    in.append(String.join(" OR ", conditions));
    try (PreparedStatement ps =
        c.prepareStatement("SELECT COUNT(DISTINCT user_name) FROM query_users WHERE " + in)) {
      bind(ps, fingerprints);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static void bind(PreparedStatement ps, List<String> values) throws SQLException {
    for (int i = 0; i < values.size(); i++) {
      ps.setString(i + 1, values.get(i));
    }
  }
}
