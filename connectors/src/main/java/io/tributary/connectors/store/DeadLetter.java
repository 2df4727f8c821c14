package io.tributary.connectors.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A statement that could not be analyzed, kept so it can be looked at and replayed.
 *
 * @param queryId the id the query history gave the statement, if any
 * @param reason the analyzer's error kind ({@code PARSE_ERROR}, {@code TIMEOUT}...)
 */
public record DeadLetter(
    UUID id,
    Optional<String> queryId,
    Optional<String> fingerprint,
    String statement,
    Optional<String> dialect,
    String reason,
    String message,
    Instant occurredAt) {

  /** Plain insert; the parameters are set by {@link #bind}. */
  public static final String INSERT_SQL =
      """
      INSERT INTO dead_letters (id, query_id, fingerprint, statement, dialect, reason, message,
                                occurred_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)
      """;

  public DeadLetter {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(statement, "statement");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(occurredAt, "occurredAt");
  }

  /** Sets the 8 parameters of {@link #INSERT_SQL}; long texts are cut to fit their columns. */
  public static void bind(PreparedStatement ps, DeadLetter d) throws SQLException {
    ps.setObject(1, d.id());
    Sql.setString(ps, 2, d.queryId().map(s -> QuerySeen.cut(s, 1024)));
    Sql.setString(ps, 3, d.fingerprint());
    ps.setString(4, QuerySeen.cut(d.statement(), QuerySeen.MAX_SAMPLE_CHARS));
    Sql.setString(ps, 5, d.dialect());
    ps.setString(6, QuerySeen.cut(d.reason(), 32));
    ps.setString(7, QuerySeen.cut(d.message(), 4000));
    ps.setObject(8, Timestamps.toDb(d.occurredAt()));
  }
}
