package io.tributary.connectors.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Queries seen and dead letters. */
public final class QueryDao {

  private final Transactions tx;
  private final StoreDialect dialect;

  QueryDao(Transactions tx, StoreDialect dialect) {
    this.tx = tx;
    this.dialect = dialect;
  }

  /** Adds the executions of each query to its row (creating it), widening first/last seen. */
  public void recordSeen(Collection<QuerySeen> queries) {
    if (queries.isEmpty()) {
      return;
    }
    List<QuerySeen> sorted = new ArrayList<>(queries);
    sorted.sort((a, b) -> a.fingerprint().compareTo(b.fingerprint()));
    tx.inTransaction(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(dialect.upsertQuerySeenSql())) {
            for (QuerySeen q : sorted) {
              QuerySeen.bind(ps, q);
              ps.addBatch();
            }
            return ps.executeBatch().length;
          }
        });
  }

  public Optional<QuerySeen> seen(String fingerprint) {
    return tx.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT fingerprint, sample_sql, dialect, executions, first_seen, last_seen"
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
                      rs.getLong("executions"),
                      Sql.instant(rs, "first_seen"),
                      Sql.instant(rs, "last_seen")));
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
    return tx.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT id, query_id, fingerprint, statement, dialect, reason, message,"
                      + " occurred_at FROM dead_letters ORDER BY occurred_at DESC, id LIMIT ?")) {
            ps.setInt(1, limit);
            List<DeadLetter> result = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                result.add(
                    new DeadLetter(
                        rs.getObject("id", UUID.class),
                        Sql.string(rs, "query_id"),
                        Sql.string(rs, "fingerprint"),
                        rs.getString("statement"),
                        Sql.string(rs, "dialect"),
                        rs.getString("reason"),
                        rs.getString("message"),
                        Sql.instant(rs, "occurred_at")));
              }
            }
            return result;
          }
        });
  }
}
