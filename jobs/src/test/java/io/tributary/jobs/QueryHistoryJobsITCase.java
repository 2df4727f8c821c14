package io.tributary.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connectors.source.jdbc.QueryHistoryPreset;
import io.tributary.connectors.source.pglog.ThrowawayPostgres;
import io.tributary.connectors.store.LineageStore;
import io.tributary.connectors.store.TestDatabase;
import io.tributary.jobs.pipeline.PipelineOptions;
import io.tributary.jobs.pipeline.StorePipelineStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jobs on each kind of history: a JDBC history table (backfill, and polling while rows are
 * inserted), a monitored directory, and the csvlog of a real PostgreSQL server. Each test writes
 * into a fresh H2 store.
 */
class QueryHistoryJobsITCase {

  @RegisterExtension
  static final MiniClusterExtension MINI_CLUSTER =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .build());

  static final String INSERT_SQL = "INSERT INTO marts.t (a, b) SELECT s.x, s.y + %d FROM raw.s s";
  static final Set<String> INSERT_EDGES =
      Set.of(
          "analytics.raw.s>analytics.marts.t",
          "analytics.raw.s.x>analytics.marts.t.a",
          "analytics.raw.s.y>analytics.marts.t.b");

  @TempDir Path dir;

  TestDatabase database;
  LineageStore store;

  @BeforeEach
  void openStore() {
    database = TestDatabase.h2();
    store = LineageStore.open(database.jdbcUrl(), 2);
  }

  @AfterEach
  void closeStore() {
    store.close();
    database.close();
  }

  JobSettings settings(QuerySourceSpec source, PipelineOptions options) {
    return JobSettings.builder(source, options, database.jdbcUrl())
        .parallelism(1)
        .checkpointInterval(Duration.ofSeconds(1))
        .restartAttempts(1)
        .restartDelay(Duration.ofSeconds(1))
        .build();
  }

  @Test
  void backfillFromAJdbcHistoryTableInTimeSlices() throws Exception {
    try (PostgresHistory history = new PostgresHistory()) {
      Instant t0 = Instant.parse("2024-05-01T00:00:00Z");
      for (int i = 0; i < 20; i++) {
        history.insert("q" + i, INSERT_SQL.formatted(i), t0.plusSeconds(600L * i), "success");
      }
      history.insert("bad", "INSERT INTO marts.never SELECT z FROM raw.nope", t0, "failed");
      history.insert(
          "late",
          "INSERT INTO marts.out_of_range SELECT z FROM raw.x",
          t0.plusSeconds(86_400),
          "success");
      var source =
          new QuerySourceSpec.Jdbc(
              history.url,
              null,
              null,
              QueryHistoryPreset.POSTGRESQL,
              null,
              null,
              Duration.ofMinutes(30),
              null,
              null,
              null);
      var options =
          PipelineOptions.defaults("postgresql").withRange(t0, t0.plus(Duration.ofHours(12)));
      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
      BackfillJob.define(
          env, settings(source, options), new StorePipelineStore(database.jdbcUrl()));
      JobExecutionResult result = env.execute("jdbc backfill");
      JobSummary summary = JobSummary.of(result.getAllAccumulatorResults(), 1);

      assertThat(summary.statements()).isEqualTo(21);
      assertThat(summary.failedUpstream()).isEqualTo(1);
      assertThat(summary.distinctFingerprints()).isEqualTo(1);
      assertThat(summary.duplicates()).isEqualTo(19);
      assertThat(StoreContents.edgeNames(store)).containsExactlyInAnyOrderElementsOf(INSERT_EDGES);
      assertThat(StoreContents.count(store, "SELECT SUM(executions) FROM query_executions"))
          .isEqualTo(20);
      // Each edge's first/last seen span all 20 executions (00:00 to 03:10), not just one.
      long edgeRows = StoreContents.count(store, "SELECT COUNT(*) FROM lineage_edges");
      assertThat(edgeRows).isEqualTo(2L * INSERT_EDGES.size());
      assertThat(
              StoreContents.count(
                  store,
                  "SELECT COUNT(*) FROM lineage_edges"
                      + " WHERE first_seen = TIMESTAMP WITH TIME ZONE '2024-05-01 00:00:00+00'"
                      + " AND last_seen = TIMESTAMP WITH TIME ZONE '2024-05-01 03:10:00+00'"))
          .isEqualTo(edgeRows);
    }
  }

  @Test
  void streamingFromAJdbcTableShowsRowsInsertedWhileItRuns() throws Exception {
    try (PostgresHistory history = new PostgresHistory()) {
      var source =
          new QuerySourceSpec.Jdbc(
              history.url,
              null,
              null,
              QueryHistoryPreset.POSTGRESQL,
              null,
              null,
              null,
              Duration.ofMillis(500),
              Duration.ofMillis(500),
              Duration.ofMillis(200));
      var options =
          PipelineOptions.defaults("postgresql")
              .withRange(Instant.now().minusSeconds(5), null)
              .withStateTtl(Duration.ofHours(1))
              .withStatsFlushInterval(Duration.ofSeconds(1));
      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
      StreamingJob.define(
          env, settings(source, options), new StorePipelineStore(database.jdbcUrl()));
      JobClient job = env.executeAsync("jdbc streaming");
      try {
        Thread.sleep(1_000);
        history.insert("live1", INSERT_SQL.formatted(1), Instant.now(), "success");
        long inserted = System.nanoTime();
        awaitEdges(INSERT_EDGES, Duration.ofSeconds(30));
        double seconds = (System.nanoTime() - inserted) / 1e9;
        assertThat(seconds).isLessThan(15);
        history.insert(
            "live2", "INSERT INTO marts.u (c) SELECT r.z FROM raw.r r", Instant.now(), "success");
        awaitEdges(Set.of("analytics.raw.r.z>analytics.marts.u.c"), Duration.ofSeconds(30));
      } finally {
        job.cancel().get();
      }
    }
  }

  @Test
  void streamingFromAMonitoredDirectoryPicksUpNewFiles() throws Exception {
    Path logs = Files.createDirectories(dir.resolve("logs"));
    var options =
        PipelineOptions.defaults("postgresql")
            .withStateTtl(Duration.ofHours(1))
            .withStatsFlushInterval(Duration.ofSeconds(1));
    JobClient job = streamDirectory(logs, options, "directory streaming");
    try {
      Files.writeString(logs.resolve("1.jsonl"), line("f1", INSERT_SQL.formatted(1)));
      awaitEdges(INSERT_EDGES, Duration.ofSeconds(30));
      Files.writeString(
          logs.resolve("2.jsonl"),
          line("f2", "INSERT INTO marts.u (c) SELECT r.z FROM raw.r r")
              + line("f3", "SELEC broken FROM"));
      awaitEdges(Set.of("analytics.raw.r.z>analytics.marts.u.c"), Duration.ofSeconds(30));
      awaitCount(
          "SELECT COUNT(*) FROM dead_letters WHERE query_id = 'f3'", 1, Duration.ofSeconds(30));
      awaitCount("SELECT COUNT(*) FROM queries_seen", 3, Duration.ofSeconds(30));
    } finally {
      job.cancel().get();
    }
  }

  @Test
  void streamingMovesAnEdgesLastSeenWhenItsStatementRunsAgainLater() throws Exception {
    Path logs = Files.createDirectories(dir.resolve("refresh-logs"));
    var options =
        PipelineOptions.defaults("postgresql")
            .withStateTtl(Duration.ofHours(1))
            .withStatsFlushInterval(Duration.ofMillis(500))
            .withEdgeRefreshInterval(Duration.ofMinutes(30));
    JobClient job = streamDirectory(logs, options, "edge refresh");
    long t0 = Instant.parse("2024-06-01T08:00:00Z").toEpochMilli();
    String lastSeenAt =
        "SELECT COUNT(*) FROM lineage_edges WHERE last_seen = TIMESTAMP WITH TIME ZONE '%s'";
    try {
      Files.writeString(logs.resolve("1.jsonl"), line("r1", INSERT_SQL.formatted(1), t0));
      awaitEdges(INSERT_EDGES, Duration.ofSeconds(30));
      long rows = StoreContents.count(store, "SELECT COUNT(*) FROM lineage_edges");
      assertThat(StoreContents.count(store, lastSeenAt.formatted("2024-06-01 08:00:00+00")))
          .isEqualTo(rows);
      // 10 minutes later: less than the refresh interval, the edges are not written again.
      Files.writeString(logs.resolve("2.jsonl"), line("r2", INSERT_SQL.formatted(2), t0 + 600_000));
      awaitCount(
          "SELECT COUNT(*) FROM queries_seen WHERE last_seen > first_seen",
          1,
          Duration.ofSeconds(30));
      assertThat(StoreContents.count(store, lastSeenAt.formatted("2024-06-01 08:00:00+00")))
          .isEqualTo(rows);
      // Two hours later: the statement is sent on again and every edge row moves.
      Files.writeString(
          logs.resolve("3.jsonl"), line("r3", INSERT_SQL.formatted(3), t0 + 7_200_000));
      awaitCount(lastSeenAt.formatted("2024-06-01 10:00:00+00"), rows, Duration.ofSeconds(30));
      assertThat(
              StoreContents.count(
                  store,
                  "SELECT COUNT(*) FROM lineage_edges"
                      + " WHERE first_seen = TIMESTAMP WITH TIME ZONE '2024-06-01 08:00:00+00'"))
          .isEqualTo(rows);
    } finally {
      job.cancel().get();
    }
  }

  @Test
  void streamingSeesACatalogImportedWhileItRuns() throws Exception {
    Path logs = Files.createDirectories(dir.resolve("logs"));
    var options =
        PipelineOptions.defaults("postgresql")
            .withStateTtl(Duration.ofHours(1))
            .withCatalogMaxAge(Duration.ofMillis(500));
    JobClient job = streamDirectory(logs, options, "catalog refresh");
    try {
      Files.writeString(
          logs.resolve("1.jsonl"), line("c1", "INSERT INTO marts.c SELECT * FROM raw.src"));
      awaitEdges(Set.of("analytics.raw.src>analytics.marts.c"), Duration.ofSeconds(30));
      assertThat(StoreContents.edgeNames(store)).noneMatch(e -> e.startsWith("analytics.raw.src."));

      StoreContents.importCatalog(
          store,
          "{\"tables\": [{\"database_name\": \"analytics\", \"schema_name\": \"raw\","
              + " \"title\": \"src\", \"columns\": [{\"title\": \"a\"}, {\"title\": \"b\"}]}]}");
      Thread.sleep(1_000);
      Files.writeString(
          logs.resolve("2.jsonl"), line("c2", "INSERT INTO marts.d SELECT * FROM raw.src"));
      awaitEdges(
          Set.of(
              "analytics.raw.src.a>analytics.marts.d.a", "analytics.raw.src.b>analytics.marts.d.b"),
          Duration.ofSeconds(30));
    } finally {
      job.cancel().get();
    }
  }

  @Test
  void backfillOfAPostgresCsvLog() throws Exception {
    Path bin = ThrowawayPostgres.binaries().orElse(null);
    Assumptions.assumeTrue(bin != null, "PostgreSQL server binaries are not installed");
    try (ThrowawayPostgres pg = ThrowawayPostgres.start(bin)) {
      try (Connection c = DriverManager.getConnection(pg.jdbcUrl());
          Statement s = c.createStatement()) {
        s.execute("CREATE TABLE orders (id int, amount numeric)");
        s.execute("INSERT INTO orders VALUES (1, 2), (2, 4)");
        try {
          s.execute("INSERT INTO totals SELECT id FROM orders");
        } catch (SQLException expected) {
          // totals does not exist yet: a failed statement, counted and not analyzed
        }
        s.execute(
            "CREATE TABLE totals AS\n  SELECT o.id, SUM(o.amount) AS total\n  FROM orders o\n  GROUP BY o.id");
      }
      Thread.sleep(500); // the logging collector writes asynchronously
      var source = new QuerySourceSpec.PostgresCsvLog(pg.logDirectory().toString(), null, null);
      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
      BackfillJob.define(
          env,
          settings(source, PipelineOptions.defaults("postgresql")),
          new StorePipelineStore(database.jdbcUrl()));
      JobSummary summary =
          JobSummary.of(env.execute("csvlog backfill").getAllAccumulatorResults(), 1);

      assertThat(summary.failedUpstream()).isEqualTo(1);
      assertThat(StoreContents.edgeNames(store))
          .containsExactlyInAnyOrder(
              "postgres.public.orders>postgres.public.totals",
              "postgres.public.orders.id>postgres.public.totals.id",
              "postgres.public.orders.amount>postgres.public.totals.total");
    }
  }

  /** Starts a stream over a monitored directory of JSON Lines logs. */
  private JobClient streamDirectory(Path logs, PipelineOptions options, String name)
      throws Exception {
    var source = new QuerySourceSpec.Files(List.of(logs.toString()), null, Duration.ofMillis(200));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    StreamingJob.define(env, settings(source, options), new StorePipelineStore(database.jdbcUrl()));
    return env.executeAsync(name);
  }

  private static String line(String id, String sql) {
    return line(id, sql, System.currentTimeMillis());
  }

  private static String line(String id, String sql, long startMillis) {
    return "{\"query_id\": \""
        + id
        + "\", \"sql\": \""
        + sql
        + "\", \"start_time\": "
        + startMillis
        + ", \"database_name\": \"analytics\", \"schema_name\": \"public\"}\n";
  }

  private void awaitEdges(Set<String> edges, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!StoreContents.edgeNames(store).containsAll(edges)) {
      if (System.nanoTime() > deadline) {
        assertThat(StoreContents.edgeNames(store)).containsAll(edges);
      }
      Thread.sleep(200);
    }
  }

  private void awaitCount(String sql, long expected, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (StoreContents.count(store, sql) < expected) {
      if (System.nanoTime() > deadline) {
        assertThat(StoreContents.count(store, sql)).isEqualTo(expected);
      }
      Thread.sleep(200);
    }
  }

  /** A query-history table in a schema of its own on the local PostgreSQL. */
  static final class PostgresHistory implements AutoCloseable {
    final String schema =
        "tributary_jobs_hist_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    final String url =
        "jdbc:postgresql://127.0.0.1:5432/test?user=postgres&currentSchema=" + schema;

    PostgresHistory() throws SQLException {
      try (Connection c = DriverManager.getConnection(url);
          Statement s = c.createStatement()) {
        s.execute("CREATE SCHEMA " + schema);
        s.execute(
            "CREATE TABLE "
                + schema
                + ".query_history (query_id text, query_text text, start_time timestamptz,"
                + " user_name text, database_name text, schema_name text, session_id text,"
                + " execution_status text)");
      }
    }

    void insert(String id, String sql, Instant start, String status) throws SQLException {
      try (Connection c = DriverManager.getConnection(url);
          PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO query_history VALUES (?, ?, ?, 'etl', 'analytics', 'public', 's', ?)")) {
        ps.setString(1, id);
        ps.setString(2, sql);
        ps.setTimestamp(3, Timestamp.from(start));
        ps.setString(4, status);
        ps.executeUpdate();
      }
    }

    @Override
    public void close() throws SQLException {
      try (Connection c = DriverManager.getConnection(url);
          Statement s = c.createStatement()) {
        s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      }
    }
  }
}
