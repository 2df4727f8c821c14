package io.tributary.connectors.source.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connectors.source.QueryRecord;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Reads a query-history table on the local PostgreSQL, in its own schema. */
class JdbcQueryHistorySourceITCase {

  @RegisterExtension
  static final MiniClusterExtension MINI_CLUSTER =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .build());

  static final String SCHEMA =
      "tributary_jobs_src_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  static final String URL =
      "jdbc:postgresql://127.0.0.1:5432/test?user=postgres&currentSchema=" + SCHEMA;
  static final Instant T0 = Instant.parse("2024-05-01T00:00:00Z");

  @BeforeAll
  static void createHistory() throws SQLException {
    try (Connection c = DriverManager.getConnection(URL);
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + SCHEMA);
      s.execute(
          "CREATE TABLE "
              + SCHEMA
              + ".query_history (query_id text, query_text text, start_time timestamptz,"
              + " user_name text, database_name text, schema_name text, session_id text,"
              + " execution_status text)");
    }
    // 12 rows, one every 15 minutes from T0; every 4th failed.
    for (int i = 0; i < 12; i++) {
      insert(
          "q" + i,
          "SELECT " + i,
          T0.plus(Duration.ofMinutes(15L * i)),
          i % 4 == 3 ? "failed" : "success");
    }
  }

  @AfterAll
  static void dropHistory() throws SQLException {
    try (Connection c = DriverManager.getConnection(URL);
        Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
    }
  }

  static void insert(String id, String sql, Instant start, String status) throws SQLException {
    try (Connection c = DriverManager.getConnection(URL);
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO query_history VALUES (?, ?, ?, 'etl', 'analytics', 'public', 's1', ?)")) {
      ps.setString(1, id);
      ps.setString(2, sql);
      ps.setTimestamp(3, Timestamp.from(start));
      ps.setString(4, status);
      ps.executeUpdate();
    }
  }

  @Test
  void backfillReadsExactlyTheRangeInManyParallelSlices() throws Exception {
    JdbcQueryHistorySource.Builder builder =
        JdbcQueryHistorySource.builder()
            .url(URL)
            .preset(QueryHistoryPreset.POSTGRESQL)
            .slice(Duration.ofMinutes(1)); // 90 splits: readers finish and start often
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    // [00:30, 02:00): rows 2..7 (00:30, 00:45, ..., 01:45)
    List<QueryRecord> records =
        new ArrayList<>(
            env.fromSource(
                    builder.buildBounded(
                        T0.plus(Duration.ofMinutes(30)), T0.plus(Duration.ofHours(2))),
                    WatermarkStrategy.noWatermarks(),
                    "history")
                .executeAndCollect(100));
    records.sort(Comparator.comparing(QueryRecord::startTimeMillis));

    assertThat(records)
        .extracting(QueryRecord::queryId)
        .containsExactly("q2", "q3", "q4", "q5", "q6", "q7");
    assertThat(records)
        .extracting(QueryRecord::succeeded)
        .containsExactly(true, false, true, true, true, false);
    QueryRecord first = records.get(0);
    assertThat(first.sql()).isEqualTo("SELECT 2");
    assertThat(first.dialectName()).contains("postgresql");
    assertThat(first.database()).contains("analytics");
    assertThat(first.schema()).contains("public");
    assertThat(first.user()).contains("etl");
    // The origin names the history without the URL's properties, the same on every read.
    assertThat(records).extracting(QueryRecord::origin).containsOnly(builder.origin());
    assertThat(builder.origin()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/test#query_history");
  }

  @Test
  void anOriginNeverCarriesCredentials() {
    JdbcQueryHistorySource.Builder builder =
        JdbcQueryHistorySource.builder().preset(QueryHistoryPreset.SNOWFLAKE);
    assertThat(
            builder
                .url("jdbc:snowflake://etl:s3cret@acme.snowflakecomputing.com/?password=s3cret")
                .origin())
        .isEqualTo(
            "jdbc:snowflake://acme.snowflakecomputing.com/#SNOWFLAKE.ACCOUNT_USAGE.QUERY_HISTORY");
    assertThat(builder.url("jdbc:h2:mem:history;PASSWORD=s3cret").origin())
        .isEqualTo("jdbc:h2:mem:history#SNOWFLAKE.ACCOUNT_USAGE.QUERY_HISTORY");
    assertThat(builder.origin("warehouse-eu").origin()).isEqualTo("warehouse-eu");
  }

  @Test
  void streamingPicksUpRowsInsertedWhileItRuns() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(1);
    Instant start = Instant.now();
    var source =
        JdbcQueryHistorySource.builder()
            .url(URL)
            .preset(QueryHistoryPreset.POSTGRESQL)
            .window(Duration.ofMillis(500))
            .lateness(Duration.ofMillis(500))
            .pollInterval(Duration.ofMillis(200))
            .buildContinuous(start);
    try (CloseableIterator<QueryRecord> it =
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "history").executeAndCollect()) {
      insert("live1", "INSERT INTO a SELECT * FROM b", Instant.now(), "success");
      QueryRecord got = CompletableFuture.supplyAsync(it::next).get(30, TimeUnit.SECONDS);
      long seen = System.currentTimeMillis();
      assertThat(got.queryId()).isEqualTo("live1");
      insert("live2", "INSERT INTO c SELECT * FROM d", Instant.now(), "success");
      QueryRecord second = CompletableFuture.supplyAsync(it::next).get(30, TimeUnit.SECONDS);
      assertThat(second.queryId()).isEqualTo("live2");
      assertThat(System.currentTimeMillis() - seen).isLessThan(10_000);
    }
  }
}
