package io.tributary.connectors.source.pglog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.connectors.source.QueryRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Runs SQL on a PostgreSQL of its own that logs csvlog, then reads that log as a history. */
class PostgresCsvLogITCase {

  @RegisterExtension
  static final MiniClusterExtension MINI_CLUSTER =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(1)
              .build());

  @Test
  void readsStatementsOfARealServerLogWithFailuresMarked() throws Exception {
    Path bin = ThrowawayPostgres.binaries().orElse(null);
    Assumptions.assumeTrue(bin != null, "PostgreSQL server binaries are not installed");
    List<QueryRecord> records;
    try (ThrowawayPostgres pg = ThrowawayPostgres.start(bin)) {
      try (Connection c = DriverManager.getConnection(pg.jdbcUrl());
          Statement s = c.createStatement()) {
        s.execute("CREATE TABLE orders (id int, amount numeric, note text)");
        s.execute(
            "INSERT INTO orders (id, amount, note)\n"
                + "SELECT g, g * 1.5, 'it''s, \"quoted\"'\n"
                + "FROM generate_series(1, 3) AS g");
        assertThatThrownBy(() -> s.execute("SELECT missing_column FROM orders"))
            .isInstanceOf(SQLException.class);
        s.execute(
            "CREATE TABLE order_totals AS SELECT id, SUM(amount) AS total FROM orders GROUP BY id");
      }
      Path log = pg.logDirectory().resolve("postgresql.csv");
      waitForLine(log, "order_totals");
      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
      records =
          env.fromSource(
                  PostgresCsvLogSource.builder().path(pg.logDirectory().toString()).build(),
                  WatermarkStrategy.noWatermarks(),
                  "csvlog")
              .executeAndCollect(1000);
    }
    List<String> texts = records.stream().map(QueryRecord::sql).toList();
    assertThat(texts)
        .contains(
            "CREATE TABLE orders (id int, amount numeric, note text)",
            "INSERT INTO orders (id, amount, note)\nSELECT g, g * 1.5, 'it''s, \"quoted\"'\n"
                + "FROM generate_series(1, 3) AS g",
            "SELECT missing_column FROM orders",
            "CREATE TABLE order_totals AS SELECT id, SUM(amount) AS total FROM orders GROUP BY id");
    QueryRecord failed = find(records, "SELECT missing_column FROM orders");
    assertThat(failed.succeeded()).isFalse();
    QueryRecord insert = find(records, "INSERT INTO orders");
    assertThat(insert.succeeded()).isTrue();
    assertThat(insert.dialectName()).contains("postgresql");
    assertThat(insert.database()).contains("postgres");
    assertThat(insert.schema()).contains("public");
    assertThat(insert.user()).contains("postgres");
    assertThat(insert.startTimeMillis()).isGreaterThan(System.currentTimeMillis() - 600_000);
    assertThat(insert.queryId()).matches("[0-9a-f.]+:\\d+");
  }

  private static QueryRecord find(List<QueryRecord> records, String prefix) {
    return records.stream().filter(r -> r.sql().startsWith(prefix)).findFirst().orElseThrow();
  }

  private static void waitForLine(Path log, String text) throws Exception {
    for (int i = 0; i < 100; i++) {
      if (Files.exists(log)) {
        try (Stream<String> lines = Files.lines(log)) {
          if (lines.anyMatch(l -> l.contains(text))) {
            return;
          }
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the server did not log " + text + " to " + log);
  }
}
