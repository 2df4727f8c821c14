package io.tributary.connectors.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connectors.store.DeadLetter;
import io.tributary.connectors.store.DeadLetterReason;
import io.tributary.connectors.store.LineageStore;
import io.tributary.connectors.store.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Metric;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The store's writers count their rows in the sink's {@code numRecordsSend} metric, the one the
 * dashboard shows for a writer (the JDBC connector leaves it at 0), in batch mode as in streaming.
 */
class CountingJdbcSinkITCase {

  private static final InMemoryReporter METRICS = InMemoryReporter.createWithRetainedMetrics();

  @RegisterExtension
  static final MiniClusterExtension MINI_CLUSTER =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setConfiguration(METRICS.addToConfiguration(new Configuration()))
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(1)
              .build());

  @Test
  void aBatchWriterCountsEveryRowItWrites() throws Exception {
    try (TestDatabase database = TestDatabase.h2();
        LineageStore store = LineageStore.open(database.jdbcUrl(), 2)) {
      List<DeadLetter> letters =
          List.of(
              DeadLetter.of(
                  "q1",
                  "f1",
                  "ansi",
                  "SELEC 1",
                  DeadLetterReason.PARSE_ERROR,
                  "bad",
                  Instant.ofEpochMilli(1)),
              DeadLetter.of(
                  "q2",
                  "f2",
                  "ansi",
                  "SELEC 2",
                  DeadLetterReason.PARSE_ERROR,
                  "bad",
                  Instant.ofEpochMilli(2)),
              DeadLetter.of(
                  "q3",
                  "f3",
                  "ansi",
                  "SELEC 3",
                  DeadLetterReason.PARSE_ERROR,
                  "bad",
                  Instant.ofEpochMilli(3)));
      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
      env.setRuntimeMode(RuntimeExecutionMode.BATCH);
      env.setParallelism(1);
      env.fromData(letters)
          .sinkTo(LineageStoreSink.builder().url(database.jdbcUrl()).build().deadLetters())
          .name("Write dead letters");

      JobExecutionResult result = env.execute("counting sink");

      assertThat(rows(store)).isEqualTo(3);
      Map<String, Metric> sent = METRICS.findMetrics(result.getJobID(), "Writer.0.numRecordsSend$");
      assertThat(sent).as("numRecordsSend of the writer").hasSize(1);
      assertThat(((Counter) sent.values().iterator().next()).getCount()).isEqualTo(3);
    }
  }

  private static long rows(LineageStore store) throws Exception {
    try (Connection c = store.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM dead_letters")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
