package io.tributary.connectors.store;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A statement (or source record) that could not be analyzed, kept so it can be looked at and
 * replayed. The job's side outputs carry it to the store's sink; the store and the API read it
 * back.
 *
 * @param id the same on every replay when made with {@link #of}
 * @param queryId the id the query history gave the statement, if any
 * @param fingerprint the statement's fingerprint, when it was fingerprinted
 * @param statement the statement's text (or the unreadable record's)
 * @param dialect the dialect it was analyzed in, when known
 * @param reason why it failed
 * @param message what went wrong, with line and column when known
 * @param occurredAt when it was given up on
 */
public record DeadLetter(
    UUID id,
    Optional<String> queryId,
    Optional<String> fingerprint,
    String statement,
    Optional<String> dialect,
    DeadLetterReason reason,
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
    Objects.requireNonNull(queryId, "queryId");
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(statement, "statement");
    Objects.requireNonNull(dialect, "dialect");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(occurredAt, "occurredAt");
  }

  /**
   * A dead letter whose id is the same on every replay: one per distinct statement (fingerprint),
   * dialect and reason, whichever of its executions came first in a run; a statement without
   * fingerprint is keyed by its query id and text.
   *
   * @param queryId the history's id of the execution, or null
   * @param fingerprint the statement's fingerprint, or null when it was not fingerprinted
   * @param dialect the dialect's name, or null when unknown
   */
  public static DeadLetter of(
      String queryId,
      String fingerprint,
      String dialect,
      String statement,
      DeadLetterReason reason,
      String message,
      Instant occurredAt) {
    String key =
        fingerprint != null
            ? "dead-letter\u0000"
                + fingerprint
                + '\u0000'
                + Objects.toString(dialect, "")
                + '\u0000'
                + reason.name()
            : "dead-letter\u0000" + Objects.toString(queryId, "") + '\u0000' + statement;
    return new DeadLetter(
        UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)),
        Optional.ofNullable(queryId),
        Optional.ofNullable(fingerprint),
        statement,
        Optional.ofNullable(dialect),
        reason,
        message,
        occurredAt);
  }

  /** Sets the 8 parameters of {@link #INSERT_SQL}; long texts are cut to fit their columns. */
  public static void bind(PreparedStatement ps, DeadLetter d) throws SQLException {
    ps.setObject(1, d.id());
    Sql.setString(ps, 2, d.queryId().map(s -> QuerySeen.cut(s, 1024)));
    Sql.setString(ps, 3, d.fingerprint());
    ps.setString(4, QuerySeen.cut(d.statement(), QuerySeen.MAX_SAMPLE_CHARS));
    Sql.setString(ps, 5, d.dialect());
    ps.setString(6, d.reason().name());
    ps.setString(7, QuerySeen.cut(d.message(), 4000));
    ps.setObject(8, Timestamps.toDb(d.occurredAt()));
  }
}
