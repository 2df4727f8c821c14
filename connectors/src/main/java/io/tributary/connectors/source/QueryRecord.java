package io.tributary.connectors.source;

import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;

/**
 * One statement a warehouse executed, as every query-history source delivers it.
 *
 * <p>The text fields other than {@code sql} are {@code null} when the source does not know them
 * (records travel through Flink's record serializer, which does not handle {@link Optional}); read
 * them through the {@code Optional} accessors ({@link #database()}, {@link #schema()}...).
 *
 * @param queryId the warehouse's id of the execution (or a source-made one: file and line)
 * @param sql the statement text as executed
 * @param startTimeMillis when it started, epoch milliseconds
 * @param userName who ran it
 * @param databaseName the session's default database
 * @param schemaName the session's default schema
 * @param sessionId the warehouse session
 * @param dialect the SQL dialect name, when the history says it; else the job's default
 * @param status whether the statement succeeded
 * @param origin where the record was read from, the same on every run: the log file's URI, the
 *     history table; executions are counted per origin, so a rerun over the same origin counts
 *     nothing twice ({@code null} until the source sets it)
 */
public record QueryRecord(
    String queryId,
    String sql,
    long startTimeMillis,
    String userName,
    String databaseName,
    String schemaName,
    String sessionId,
    String dialect,
    ExecutionStatus status,
    String origin)
    implements Serializable {

  public QueryRecord {
    Objects.requireNonNull(sql, "sql");
    Objects.requireNonNull(status, "status");
    userName = blankToNull(userName);
    databaseName = blankToNull(databaseName);
    schemaName = blankToNull(schemaName);
    sessionId = blankToNull(sessionId);
    dialect = blankToNull(dialect);
  }

  /** A successful statement with only text, id and time; the other fields unknown. */
  public static QueryRecord of(String queryId, String sql, long startTimeMillis) {
    return new QueryRecord(
        queryId, sql, startTimeMillis, null, null, null, null, null, ExecutionStatus.SUCCESS, null);
  }

  public Optional<String> database() {
    return Optional.ofNullable(databaseName);
  }

  public Optional<String> schema() {
    return Optional.ofNullable(schemaName);
  }

  public Optional<String> user() {
    return Optional.ofNullable(userName);
  }

  public Optional<String> session() {
    return Optional.ofNullable(sessionId);
  }

  public Optional<String> dialectName() {
    return Optional.ofNullable(dialect);
  }

  public Optional<String> id() {
    return Optional.ofNullable(queryId);
  }

  /** Whether the statement ran successfully and should be analyzed. */
  public boolean succeeded() {
    return status != ExecutionStatus.FAILED;
  }

  public QueryRecord withStatus(ExecutionStatus newStatus) {
    return new QueryRecord(
        queryId,
        sql,
        startTimeMillis,
        userName,
        databaseName,
        schemaName,
        sessionId,
        dialect,
        newStatus,
        origin);
  }

  public QueryRecord withStartTime(long newStartTimeMillis) {
    return new QueryRecord(
        queryId,
        sql,
        newStartTimeMillis,
        userName,
        databaseName,
        schemaName,
        sessionId,
        dialect,
        status,
        origin);
  }

  public QueryRecord withOrigin(String newOrigin) {
    return new QueryRecord(
        queryId,
        sql,
        startTimeMillis,
        userName,
        databaseName,
        schemaName,
        sessionId,
        dialect,
        status,
        newOrigin);
  }

  /** The origin, or the empty string when the source did not set one. */
  public String originOrEmpty() {
    return origin == null ? "" : origin;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
