package io.tributary.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.connectors.store.DeadLetter;
import io.tributary.connectors.store.DeadLetterReason;
import io.tributary.connectors.store.LineageStore;
import io.tributary.connectors.store.TestDatabase;
import io.tributary.jobs.pipeline.PipelineOptions;
import io.tributary.jobs.pipeline.StorePipelineStore;
import io.tributary.jobs.workload.WorkloadGenerator;
import io.tributary.jobs.workload.WorkloadMix;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backfill of a realistic generated log (30% distinct statements, 5% truncated, scripts,
 * temp-table sessions, three dialects) read by two readers stores exactly the generator's truth:
 * its edges, one dead letter per distinct truncated statement, and every execution counted once.
 */
class RealisticWorkloadBackfillITCase {

  @RegisterExtension
  static final MiniClusterExtension MINI_CLUSTER =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .build());

  @TempDir Path dir;

  @Test
  void storesExactlyTheTruthOfARealisticLog() throws Exception {
    WorkloadMix mix = new WorkloadMix(0.3, 0.05);
    Path log = dir.resolve("query-log.jsonl");
    WorkloadGenerator.Written written = new WorkloadGenerator(6_000, 11, 300, mix).write(log);
    // Large enough to be cut into ranges: both readers read part of it.
    assertThat(Files.size(log)).isGreaterThan(2L << 20);
    try (TestDatabase database = TestDatabase.h2();
        LineageStore store = LineageStore.open(database.jdbcUrl(), 2)) {
      StoreContents.importCatalog(store, WorkloadGenerator.catalogJson());
      JobSettings settings =
          JobSettings.builder(
                  new QuerySourceSpec.Files(List.of(log.toString()), null, null),
                  PipelineOptions.defaults("postgresql"),
                  database.jdbcUrl())
              .parallelism(2)
              .restartAttempts(0)
              .build();
      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
      BackfillJob.define(env, settings, new StorePipelineStore(database.jdbcUrl()));
      JobExecutionResult result = env.execute("realistic backfill test");
      JobSummary summary = JobSummary.of(result.getAllAccumulatorResults(), 1);

      assertThat(summary.statements()).isEqualTo(6_000);
      assertThat(StoreContents.edgeNames(store))
          .containsExactlyInAnyOrderElementsOf(WorkloadGenerator.expectedEdges(mix));
      List<DeadLetter> deadLetters = store.queries().deadLetters(10_000);
      Set<String> truncated = new HashSet<>();
      Set<String> brokenInLog = brokenStatements(log);
      for (DeadLetter d : deadLetters) {
        if (d.statement().length() == 4_000) {
          // cut at the history's column limit: the lexer says so before the parser runs
          assertThat(d.reason()).isEqualTo(DeadLetterReason.TRUNCATED);
          truncated.add(d.statement());
        } else {
          assertThat(brokenInLog).contains(d.statement());
        }
      }
      assertThat(truncated).hasSize((int) written.truncatedStatements());
      assertThat(deadLetters.size() - truncated.size()).isPositive();
      assertThat(StoreContents.count(store, BackfillITCase.EXECUTIONS))
          .isEqualTo(summary.statements() - summary.failedUpstream());
      assertThat(summary.distinctFingerprints())
          .isGreaterThan(written.adHocRows() + written.truncatedStatements());
    }
  }

  /** The texts of the log's statements that are neither truncated nor parseable by design. */
  private static Set<String> brokenStatements(Path log) throws Exception {
    ObjectMapper json = new ObjectMapper();
    Set<String> broken = new HashSet<>();
    for (String line : Files.readAllLines(log)) {
      JsonNode row = json.readTree(line);
      String sql = row.get("sql").asText();
      if (sql.startsWith("SELEC ")
          || sql.contains("SELECT FROM WHERE")
          || sql.contains("SET = ")
          || sql.contains("AND (amount >")) {
        broken.add(sql);
      }
    }
    return broken;
  }
}
