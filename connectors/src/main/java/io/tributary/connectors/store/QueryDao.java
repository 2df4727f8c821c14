package io.tributary.connectors.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Queries seen, their daily execution counts, and dead letters. */
public final class QueryDao {

  private final Transactions tx;
  private final StoreDialect dialect;

  QueryDao(Transactions tx, StoreDialect dialect) {
    this.tx = tx;
    this.dialect = dialect;
  }

  /** Writes each query shape (creating it), widening first/last seen. */
  public void recordSeen(Collection<QuerySeen> queries) {
    batch(
        queries,
        Comparator.comparing(QuerySeen::fingerprint),
        dialect.upsertQuerySeenSql(),
        QuerySeen::bind);
  }

  /** {@link #recordSeen(Collection)} inside a caller's transaction. */
  void recordSeen(Connection c, Collection<QuerySeen> queries) throws SQLException {
    List<QuerySeen> sorted = new ArrayList<>(queries);
    sorted.sort(Comparator.comparing(QuerySeen::fingerprint));
    try (PreparedStatement ps = c.prepareStatement(dialect.upsertQuerySeenSql())) {
      for (QuerySeen q : sorted) {
        QuerySeen.bind(ps, q);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /**
   * Writes daily execution counts; a count already stored for the same fingerprint, origin and day
   * is kept when it is larger.
   */
  public void recordExecutions(Collection<QueryExecutions> counts) {
    batch(
        counts,
        Comparator.comparing(QueryExecutions::fingerprint)
            .thenComparing(QueryExecutions::origin)
            .thenComparing(QueryExecutions::dayStart),
        dialect.upsertQueryExecutionsSql(),
        QueryExecutions::bind);
  }

  /** Sorted, so concurrent writers lock rows in the same order. */
  private <T> void batch(Collection<T> rows, Comparator<T> order, String sql, Binder<T> binder) {
    if (rows.isEmpty()) {
      return;
    }
    List<T> sorted = new ArrayList<>(rows);
    sorted.sort(order);
    tx.inTransaction(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (T row : sorted) {
              binder.bind(ps, row);
              ps.addBatch();
            }
            return ps.executeBatch().length;
          }
        });
  }

  @FunctionalInterface
  private interface Binder<T> {
    void bind(PreparedStatement ps, T row) throws SQLException;
  }

  public Optional<QuerySeen> seen(String fingerprint) {
    return tx.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT fingerprint, sample_sql, dialect, first_seen, last_seen"
                      + " FROM queries_seen WHERE fingerprint = ?")) {
            ps.setString(1, fingerprint);
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                return Optional.empty();
              }
              return Optional.of(
                  new QuerySeen(
                      rs.getString("fingerprint"),
                      rs.getString("sample_sql"),
                      rs.getString("dialect"),
                      Sql.instant(rs, "first_seen"),
                      Sql.instant(rs, "last_seen")));
            }
          }
        });
  }

  /** How often a query shape ran, over all origins and days; 0 when never counted. */
  public long executions(String fingerprint) {
    return tx.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT COALESCE(SUM(executions), 0) FROM query_executions"
                      + " WHERE fingerprint = ?")) {
            ps.setString(1, fingerprint);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return rs.getLong(1);
            }
          }
        });
  }

  public void addDeadLetters(Collection<DeadLetter> letters) {
    if (letters.isEmpty()) {
      return;
    }
    tx.inTransaction(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(DeadLetter.INSERT_SQL)) {
            for (DeadLetter d : letters) {
              DeadLetter.bind(ps, d);
              ps.addBatch();
            }
            return ps.executeBatch().length;
          }
        });
  }

  /** The most recent dead letters, newest first. */
  public List<DeadLetter> deadLetters(int limit) {
    return deadLetterPage(1, limit).results();
  }

  /** One page (1-based) of the dead letters, newest first. */
  public Page<DeadLetter> deadLetterPage(int page, int pageSize) {
    return tx.read(
        c -> {
          long count;
          try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM dead_letters");
              ResultSet rs = ps.executeQuery()) {
            rs.next();
            count = rs.getLong(1);
          }
          List<DeadLetter> result = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT id, query_id, fingerprint, statement, dialect, reason, message,"
                      + " occurred_at FROM dead_letters ORDER BY occurred_at DESC, id"
                      + " LIMIT ? OFFSET ?")) {
            ps.setInt(1, pageSize);
            ps.setLong(2, (long) (page - 1) * pageSize);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                result.add(
                    new DeadLetter(
                        rs.getObject("id", UUID.class),
                        Sql.string(rs, "query_id"),
                        Sql.string(rs, "fingerprint"),
                        rs.getString("statement"),
                        Sql.string(rs, "dialect"),
                        DeadLetterReason.valueOf(rs.getString("reason")),
                        rs.getString("message"),
                        Sql.instant(rs, "occurred_at")));
              }
            }
          }
          return new Page<>(result, count, page, pageSize);
        });
  }
}
