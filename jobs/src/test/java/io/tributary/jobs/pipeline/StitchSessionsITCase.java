package io.tributary.jobs.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connectors.sink.DeadLetter;
import io.tributary.connectors.source.ExecutionStatus;
import io.tributary.connectors.source.QueryRecord;
import io.tributary.sql.session.TemporaryTableRule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.apache.flink.util.OutputTag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class StitchSessionsITCase {

  @RegisterExtension
  static final MiniClusterExtension MINI_CLUSTER =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .build());

  private static final OutputTag<DeadLetter> DEAD =
      new OutputTag<>(
          "dead", org.apache.flink.api.common.typeinfo.TypeInformation.of(DeadLetter.class));

  private static QueryRecord record(String session, String id, long start, String sql) {
    return new QueryRecord(
        id,
        sql,
        start,
        "etl",
        null,
        "public",
        session,
        "postgresql",
        ExecutionStatus.SUCCESS,
        "history");
  }

  @Test
  void sessionsAreOrderedAndStitchedAndOtherStatementsGoOn() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    List<QueryRecord> records =
        List.of(
            // the insert arrives before the statement creating the table it reads
            record("s1", "q2", 2_000, "INSERT INTO final SELECT a FROM tmp"),
            record("s1", "q1", 1_000, "CREATE TEMP TABLE tmp AS SELECT a FROM src"),
            record("s1", "q4", 2_500, "INSERT INTO other SELECT b FROM src"),
            record("s1", "q3", 3_000, "DROP TABLE tmp"),
            record("s2", "q5", 1_500, "INSERT INTO final2 SELECT a FROM x__dbt_tmp"));
    SingleOutputStreamOperator<QueryRecord> stitched =
        env.fromData(records)
            .assignTimestampsAndWatermarks(
                WatermarkStrategy.<QueryRecord>forBoundedOutOfOrderness(Duration.ofSeconds(10))
                    .withTimestampAssigner((r, t) -> r.startTimeMillis()))
            .keyBy(StitchSessions::key, Types.TUPLE(Types.STRING, Types.STRING))
            .process(
                new StitchSessions(
                    PipelineOptions.defaults("postgresql"),
                    CatalogFactory.none(),
                    DEAD,
                    TemporaryTableRule.DBT,
                    Duration.ofHours(1)));
    DataStream<String> out =
        stitched
            .map(r -> "goes on: " + r.queryId())
            .union(
                stitched
                    .getSideOutput(StitchSessions.SESSION_EDGES)
                    .map(
                        e ->
                            "edge: "
                                + e.from().table()
                                + "."
                                + e.from().column()
                                + " -> "
                                + e.to().table()
                                + "."
                                + e.to().column()
                                + " @"
                                + e.firstSeenMillis()))
            .union(stitched.getSideOutput(DEAD).map(d -> "dead: " + d.queryId()));
    List<String> seen = new ArrayList<>();
    JobExecutionResult result;
    try (CloseableIterator<String> it = out.collectAsync()) {
      JobClient client = env.executeAsync("stitch sessions");
      it.forEachRemaining(seen::add);
      result = client.getJobExecutionResult().get();
    }
    assertThat(seen)
        .containsExactlyInAnyOrder(
            "goes on: q4", "edge: src.null -> final.null @2000", "edge: src.a -> final.a @2000");
    assertThat((Long) result.getAccumulatorResult(PipelineMetrics.UNRESOLVED_TEMPORARY_TABLES))
        .isEqualTo(1L);
  }
}
