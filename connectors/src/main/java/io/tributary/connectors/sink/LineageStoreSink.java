package io.tributary.connectors.sink;

import io.tributary.connectors.store.DeadLetter;
import io.tributary.connectors.store.EdgeRow;
import io.tributary.connectors.store.LineageHistoryDao;
import io.tributary.connectors.store.QueryExecutions;
import io.tributary.connectors.store.QuerySeen;
import io.tributary.connectors.store.StoreDialect;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import org.apache.flink.connector.jdbc.JdbcConnectionOptions;
import org.apache.flink.connector.jdbc.JdbcExecutionOptions;
import org.apache.flink.connector.jdbc.core.datastream.sink.JdbcSink;

/**
 * Flink sinks into the lineage store, built on {@link JdbcSink} (at least once) with the store's
 * own upserts, so a replay writes nothing twice:
 *
 * <ul>
 *   <li>{@link #edges()}: the derived-edge upsert; it skips tombstoned relationships, only
 *       refreshes last_seen on manual edges and widens first/last seen on derived ones.
 *   <li>{@link #queriesSeen()}: one row per fingerprint; widens first/last seen.
 *   <li>{@link #queryExecutions()}: whole daily counts per fingerprint and origin; the store keeps
 *       the larger count, so a replayed count changes nothing.
 *   <li>{@link #replacements()}: a table's contents replaced at a time, recorded once.
 *   <li>{@link #deadLetters()}: inserts each dead letter once, under its id ({@link DeadLetter#of}
 *       makes it the same on every replay).
 * </ul>
 */
public final class LineageStoreSink {

  /**
   * Inserts a dead letter unless one with its id exists (the store's insert is plain; a replay must
   * not fail on the primary key). Portable to PostgreSQL and H2.
   */
  static final String INSERT_DEAD_LETTER_ONCE =
      """
      INSERT INTO dead_letters (id, query_id, fingerprint, statement, dialect, reason, message,
                                occurred_at)
      SELECT ?, ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM dead_letters WHERE id = ?)
      """;

  private final String url;
  private final String user;
  private final String password;
  private final StoreDialect dialect;
  private final JdbcExecutionOptions execution;

  private LineageStoreSink(Builder b) {
    this.url = b.url;
    this.user = b.user;
    this.password = b.password;
    this.dialect = StoreDialect.forUrl(b.url);
    this.execution =
        JdbcExecutionOptions.builder()
            .withBatchSize(b.batchSize)
            .withBatchIntervalMs(b.flushInterval.toMillis())
            .withMaxRetries(b.maxRetries)
            .build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Both rows of each edge; feed it {@link ResolvedEdge#rows}. */
  public CountingJdbcSink<EdgeRow> edges() {
    return counting(
        JdbcSink.<EdgeRow>builder()
            .withQueryStatement(dialect.upsertDerivedEdgeSql(), EdgeRow::bind)
            .withExecutionOptions(execution)
            .buildAtLeastOnce(connection()));
  }

  public CountingJdbcSink<QueryStats> queriesSeen() {
    return counting(
        JdbcSink.<QueryStats>builder()
            .withQueryStatement(dialect.upsertQuerySeenSql(), LineageStoreSink::bindQueryStats)
            .withExecutionOptions(execution)
            .buildAtLeastOnce(connection()));
  }

  public CountingJdbcSink<ExecutionCount> queryExecutions() {
    return counting(
        JdbcSink.<ExecutionCount>builder()
            .withQueryStatement(
                dialect.upsertQueryExecutionsSql(), LineageStoreSink::bindExecutionCount)
            .withExecutionOptions(execution)
            .buildAtLeastOnce(connection()));
  }

  public CountingJdbcSink<DeadLetter> deadLetters() {
    return counting(
        JdbcSink.<DeadLetter>builder()
            .withQueryStatement(INSERT_DEAD_LETTER_ONCE, LineageStoreSink::bindDeadLetter)
            .withExecutionOptions(execution)
            .buildAtLeastOnce(connection()));
  }

  /** Replacements of a table's contents, each recorded once (see {@link ContentReplacement}). */
  public CountingJdbcSink<ContentReplacement> replacements() {
    return counting(
        JdbcSink.<ContentReplacement>builder()
            .withQueryStatement(
                LineageHistoryDao.INSERT_REPLACEMENT, LineageStoreSink::bindReplacement)
            .withExecutionOptions(execution)
            .buildAtLeastOnce(connection()));
  }

  static void bindReplacement(PreparedStatement ps, ContentReplacement r) throws SQLException {
    LineageHistoryDao.bindReplacement(
        ps, r.target().uuid(), Instant.ofEpochMilli(r.replacedAtMillis()), r.reason());
  }

  private static <T> CountingJdbcSink<T> counting(JdbcSink<T> sink) {
    return new CountingJdbcSink<>(sink);
  }

  private JdbcConnectionOptions connection() {
    JdbcConnectionOptions.JdbcConnectionOptionsBuilder options =
        new JdbcConnectionOptions.JdbcConnectionOptionsBuilder()
            .withUrl(url)
            .withDriverName(dialect.driverClassName());
    if (user != null) {
      options.withUsername(user);
    }
    if (password != null) {
      options.withPassword(password);
    }
    return options.build();
  }

  static void bindQueryStats(PreparedStatement ps, QueryStats q) throws SQLException {
    QuerySeen.bind(
        ps,
        new QuerySeen(
            q.fingerprint(),
            q.sampleSql(),
            q.dialect(),
            Instant.ofEpochMilli(q.firstSeenMillis()),
            Instant.ofEpochMilli(q.lastSeenMillis())));
  }

  static void bindExecutionCount(PreparedStatement ps, ExecutionCount c) throws SQLException {
    QueryExecutions.bind(
        ps,
        new QueryExecutions(
            c.fingerprint(),
            c.origin(),
            Instant.ofEpochMilli(c.dayStartMillis()),
            c.executions(),
            Instant.ofEpochMilli(c.firstSeenMillis()),
            Instant.ofEpochMilli(c.lastSeenMillis())));
  }

  static void bindDeadLetter(PreparedStatement ps, DeadLetter letter) throws SQLException {
    DeadLetter.bind(ps, letter);
    ps.setObject(9, letter.id());
  }

  /** Builder; {@link #url(String)} is required. */
  public static final class Builder {
    private String url;
    private String user;
    private String password;
    private int batchSize = 1_000;
    private Duration flushInterval = Duration.ofSeconds(1);
    private int maxRetries = 3;

    private Builder() {}

    public Builder url(String value) {
      this.url = value;
      return this;
    }

    public Builder user(String value) {
      this.user = value;
      return this;
    }

    public Builder password(String value) {
      this.password = value;
      return this;
    }

    /** Rows per JDBC batch; default 1,000. */
    public Builder batchSize(int value) {
      this.batchSize = value;
      return this;
    }

    /** The longest a row waits before its batch is written; default 1 second. */
    public Builder flushInterval(Duration value) {
      this.flushInterval = value;
      return this;
    }

    public Builder maxRetries(int value) {
      this.maxRetries = value;
      return this;
    }

    public LineageStoreSink build() {
      if (url == null || url.isBlank()) {
        throw new IllegalStateException("the lineage store's JDBC URL is required");
      }
      return new LineageStoreSink(this);
    }
  }
}
