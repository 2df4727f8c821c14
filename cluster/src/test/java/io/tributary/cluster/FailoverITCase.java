package io.tributary.cluster;

import static io.tributary.cluster.Await.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.cli.TributaryCommand;
import io.tributary.cli.flink.FlinkRestClient;
import io.tributary.jobs.StreamingJob;
import io.tributary.jobs.pipeline.PipelineMetrics;
import io.tributary.jobs.workload.WorkloadGenerator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The streaming job survives losing a worker: on a real cluster of one JobManager and two
 * TaskManagers (separate JVMs started by {@code bin/flink-cluster}), the TaskManager that runs the
 * analysis is killed with SIGKILL while the query log grows. The job must restart from its last
 * checkpoint on the other TaskManager, and once the log is drained the store must hold exactly the
 * workload's truth: no edge lost, none twice, one dead letter per broken statement. Its helpers on
 * the REST API serve {@link KafkaFailoverITCase} too.
 */
class FailoverITCase {
  private static final int ROWS = 6_000;
  private static final int FILES = 15;
  private static final int PARALLELISM = 2;
  private static final Duration CHECKPOINT_INTERVAL = Duration.ofSeconds(3);
  private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(3);

  @TempDir Path temp;

  @Test
  void theStreamingJobRecoversFromALostTaskManagerWithoutLosingOrDuplicatingLineage()
      throws Exception {
    MavenBuild build = MavenBuild.ofRepository();
    Path jobJar = build.root().resolve(build.shadedJar("jobs"));
    assertThat(jobJar)
        .as("the job jar (built by `mvn package` before this module's tests)")
        .isRegularFile();
    Path log = temp.resolve("workload.jsonl");
    WorkloadGenerator.Written workload = new WorkloadGenerator(ROWS, 42L, 500).write(log);
    WorkloadTruth truth = WorkloadTruth.of(log);
    assertThat(truth.deadLetterFingerprints()).isNotEmpty();
    assertThat(workload.brokenRows()).isPositive();
    Path queryLogs = temp.resolve("query-logs");
    GrowingQueryLog queries = new GrowingQueryLog(log, FILES, queryLogs, temp.resolve("staging"));

    // Under target/, so that the cluster's logs outlive a failed run; removed after a good one.
    Path clusterDir =
        Path.of("target", "failover", "run-" + System.currentTimeMillis()).toAbsolutePath();
    try (LineageStoreDatabase store = LineageStoreDatabase.create();
        FlinkClusterScript cluster =
            FlinkClusterScript.start(
                clusterDir,
                2,
                PARALLELISM,
                // A fresh view through the REST API: job details and metrics within half a second.
                List.of("web.refresh-interval: 500", "metrics.fetcher.update-interval: 500"))) {
      FlinkRestClient rest = new FlinkRestClient(cluster.rest(), Duration.ofSeconds(30));
      Path catalog =
          Files.writeString(temp.resolve("catalog.json"), WorkloadGenerator.catalogJson());
      assertThat(
              TributaryCommand.run("catalog", "import", "--store", store.url(), catalog.toString()))
          .isZero();
      queries.feedNext();
      String jobId = submit(cluster, jobJar, queryLogs, store);
      String analysis = vertexId(rest, jobId, "analy");

      String source = vertexId(rest, jobId, "source");
      while (queries.fed() < 3) {
        Thread.sleep(1_000);
        queries.feedNext();
      }
      // Mid-stream, with rows to replay: a file read after the last completed checkpoint and not
      // covered by the next one when the TaskManager dies.
      long checkpointBeforeKill = 0;
      for (int attempt = 0; checkpointBeforeKill == 0; attempt++) {
        assertThat(attempt).as("attempts to kill between two checkpoints").isLessThan(6);
        long checkpoint = awaitCheckpointAfter(rest, jobId, latestCompletedCheckpoint(rest, jobId));
        // The next checkpoint is triggered one interval after this one was; stay well before.
        long nextTrigger =
            checkpoints(rest, jobId)
                    .path("latest")
                    .path("completed")
                    .path("trigger_timestamp")
                    .asLong()
                + CHECKPOINT_INTERVAL.toMillis();
        queries.feedNext();
        long fed = queries.rowsFed();
        assertThat(await(Duration.ofSeconds(30), () -> statementsIn(rest, jobId, source) >= fed))
            .as("the job reads what was fed")
            .isTrue();
        if (System.currentTimeMillis() < nextTrigger - 1_000
            && latestCompletedCheckpoint(rest, jobId) == checkpoint) {
          checkpointBeforeKill = checkpoint;
        }
      }
      long rowsReadBeforeKill = queries.rowsFed();
      String victim = taskManagersOf(rest, jobId, analysis).get(0);
      String survivor = victim.equals("taskmanager-1") ? "taskmanager-2" : "taskmanager-1";
      long killedAt = System.currentTimeMillis();
      cluster.killHard(victim);

      // Recovery: every task running again, on the survivor, from the checkpoint before the kill.
      JsonNode restored = awaitRecovery(rest, jobId, killedAt, survivor);
      assertThat(restored.path("id").asLong()).isEqualTo(checkpointBeforeKill);
      assertThat(restored.path("is_savepoint").asBoolean()).isFalse();
      long failedAt = firstFailureAfter(rest, jobId, killedAt);
      long runningAt = lastTaskRunningSince(rest, jobId);
      System.out.printf(
          Locale.ROOT,
          "failover: killed %s (running the analysis) after file %d of %d; failure noticed after %d"
              + " ms, checkpoint %d restored after %d ms, all tasks running on %s after %d ms%n",
          victim,
          queries.fed(),
          FILES,
          failedAt - killedAt,
          restored.path("id").asLong(),
          restored.path("restore_timestamp").asLong() - killedAt,
          survivor,
          runningAt - killedAt);

      while (queries.feedNext()) {
        Thread.sleep(500);
      }
      Set<String> expected = WorkloadGenerator.expectedEdges();
      long drainStart = System.currentTimeMillis();
      // Drained: every file read (the source's count stood still for 2 s), the truth in the store.
      long[] lastRead = {-1, 0};
      boolean drainedInTime =
          await(
              DRAIN_TIMEOUT,
              () ->
                  readsStandStill(rest, jobId, source, lastRead)
                      && store.edges().equals(expected)
                      && store.deadLetterFingerprints().containsAll(truth.deadLetterFingerprints())
                      && store.executions() == truth.succeeded());
      System.out.printf(
          Locale.ROOT,
          "failover: store %s the truth %d ms after the last file%n",
          drainedInTime ? "reached" : "did not reach",
          System.currentTimeMillis() - drainStart);
      // One more checkpoint: nothing may arrive late, or twice.
      long drained = latestCompletedCheckpoint(rest, jobId);
      assertThat(
              await(Duration.ofSeconds(30), () -> latestCompletedCheckpoint(rest, jobId) > drained))
          .as("a checkpoint after the drain")
          .isTrue();

      Set<String> stored = store.edges();
      assertThat(difference(expected, stored)).as("edges lost").isEmpty();
      assertThat(difference(stored, expected)).as("edges not in the truth").isEmpty();
      assertThat(store.edgeAnomalies()).as("duplicate or one-sided edges").isZero();
      // One dead letter per broken statement (analyzed once per fingerprint), none twice.
      assertThat(store.deadLetterFingerprints())
          .containsExactlyInAnyOrderElementsOf(truth.deadLetterFingerprints());
      assertThat(store.deadLetters()).isEqualTo(truth.deadLetterFingerprints().size());
      // The restored source read again what the checkpoint did not cover: rows were replayed.
      // The REST API's metrics lag the tasks: wait until they show at least the rows left to read.
      long leftToRead = ROWS - rowsReadBeforeKill;
      await(Duration.ofSeconds(30), () -> statementsIn(rest, jobId, source) >= leftToRead);
      long readAfterRestore = statementsIn(rest, jobId, source);
      long replayed = rowsReadBeforeKill - (ROWS - readAfterRestore);
      long executions = store.executions();
      System.out.printf(
          Locale.ROOT,
          "failover: %d rows read twice; executions counted %d for %d successful statements%n",
          replayed,
          executions,
          truth.succeeded());
      assertThat(replayed).isPositive();
      // Every successful statement counted into the queries table exactly once, though rows were
      // replayed: hourly counts live in checkpointed state and are written whole.
      assertThat(executions).isEqualTo(truth.succeeded());

      assertMetricsReadable(rest, jobId, analysis);
      rest.cancelJob(jobId);
    }
    try (Stream<Path> files = Files.walk(clusterDir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }

  /** Submits the streaming job with {@code tributary submit}; returns the job id it prints. */
  private static String submit(
      FlinkClusterScript cluster, Path jobJar, Path queryLogs, LineageStoreDatabase store)
      throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream stdout = System.out;
    int exit;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      exit =
          TributaryCommand.run(
              "submit",
              "--flink",
              cluster.rest().toString(),
              "--jar",
              jobJar.toString(),
              "--class",
              StreamingJob.class.getName(),
              "--wait",
              "2m",
              "--",
              "--source",
              "files",
              "--path",
              queryLogs.toString(),
              "--monitor-interval",
              "500ms",
              "--dialect",
              "postgresql",
              "--store",
              store.url(),
              "--parallelism",
              Integer.toString(PARALLELISM),
              "--checkpoint-interval",
              CHECKPOINT_INTERVAL.toMillis() + "ms",
              "--stats-interval",
              "1s",
              "--restart-attempts",
              "10",
              "--restart-delay",
              "1s");
    } finally {
      System.setOut(stdout);
    }
    assertThat(exit).as(cluster.log("jobmanager").toString()).isZero();
    return out.toString(StandardCharsets.UTF_8).strip();
  }

  /**
   * Waits until every task of the job runs again on the survivor after a restore that happened
   * after the kill (a first restart may still try the dead TaskManager); returns that restore.
   */
  static JsonNode awaitRecovery(FlinkRestClient rest, String jobId, long killedAt, String survivor)
      throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode restored =
          rest.get("/jobs/" + jobId + "/checkpoints").path("latest").path("restored");
      if (restored.path("restore_timestamp").asLong() > killedAt
          && allRunningOn(rest, jobId, survivor)) {
        return restored;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the job did not recover within 2 minutes");
  }

  static boolean allRunningOn(FlinkRestClient rest, String jobId, String taskManager)
      throws Exception {
    JsonNode job = rest.job(jobId);
    if (!job.path("state").asText().equals("RUNNING")) {
      return false;
    }
    for (JsonNode vertex : job.path("vertices")) {
      JsonNode subtasks = rest.get("/jobs/" + jobId + "/vertices/" + vertex.path("id").asText());
      for (JsonNode subtask : subtasks.path("subtasks")) {
        if (!subtask.path("status").asText().equals("RUNNING")
            || !subtask.path("taskmanager-id").asText().equals(taskManager)) {
          return false;
        }
      }
    }
    return true;
  }

  /** When the last of the job's tasks switched to RUNNING. */
  static long lastTaskRunningSince(FlinkRestClient rest, String jobId) throws Exception {
    long last = 0;
    for (JsonNode vertex : rest.job(jobId).path("vertices")) {
      JsonNode times =
          rest.get("/jobs/" + jobId + "/vertices/" + vertex.path("id").asText() + "/subtasktimes");
      for (JsonNode subtask : times.path("subtasks")) {
        last = Math.max(last, subtask.path("timestamps").path("RUNNING").asLong());
      }
    }
    return last;
  }

  /**
   * The analysis' custom metrics, as the dashboard reads them: per subtask under the vertex, with a
   * value each (counters restart with the restarted tasks, so a value may be zero).
   */
  private static void assertMetricsReadable(FlinkRestClient rest, String jobId, String vertex)
      throws Exception {
    String path = "/jobs/" + jobId + "/vertices/" + vertex + "/metrics";
    Set<String> names = new TreeSet<>();
    rest.get(path).forEach(metric -> names.add(metric.path("id").asText()));
    for (String metric :
        List.of(
            PipelineMetrics.ANALYZED,
            PipelineMetrics.FAILED,
            PipelineMetrics.STATEMENTS_SKIPPED,
            PipelineMetrics.EDGES_EMITTED,
            PipelineMetrics.ANALYSIS_LATENCY + "_p99")) {
      for (int subtask = 0; subtask < PARALLELISM; subtask++) {
        String prefix = subtask + ".";
        String id =
            names.stream()
                .filter(name -> name.startsWith(prefix) && name.endsWith("." + metric))
                .findFirst()
                .orElseThrow(
                    () -> new AssertionError("no " + prefix + "*." + metric + " in " + names));
        String value = rest.get(path + "?get=" + id).path(0).path("value").asText();
        assertThat(Double.parseDouble(value)).as(id).isNotNegative();
      }
    }
  }

  /** Waits for a checkpoint completed after {@code previous}; returns its id. */
  static long awaitCheckpointAfter(FlinkRestClient rest, String jobId, long previous)
      throws Exception {
    assertThat(
            await(Duration.ofSeconds(60), () -> latestCompletedCheckpoint(rest, jobId) > previous))
        .as("a checkpoint after " + previous)
        .isTrue();
    return latestCompletedCheckpoint(rest, jobId);
  }

  /** The statements the job's source operator counted, over all its subtasks. */
  static long statementsIn(FlinkRestClient rest, String jobId, String vertex) throws Exception {
    String path = "/jobs/" + jobId + "/vertices/" + vertex + "/subtasks/metrics";
    String metric = null;
    for (JsonNode available : rest.get(path)) {
      if (available.path("id").asText().endsWith(".statementsIn")) {
        metric = available.path("id").asText();
      }
    }
    if (metric == null) {
      return 0; // not reported yet
    }
    return (long) rest.get(path + "?agg=sum&get=" + metric).path(0).path("sum").asDouble();
  }

  /** Whether the source's count of statements read has not changed for 2 seconds. */
  static boolean readsStandStill(
      FlinkRestClient rest, String jobId, String source, long[] lastReadAndSince) throws Exception {
    long read = statementsIn(rest, jobId, source);
    long now = System.currentTimeMillis();
    if (read != lastReadAndSince[0]) {
      lastReadAndSince[0] = read;
      lastReadAndSince[1] = now;
      return false;
    }
    return now - lastReadAndSince[1] >= 2_000;
  }

  /** When the job failed first after the kill (the exception history is newest first). */
  static long firstFailureAfter(FlinkRestClient rest, String jobId, long killedAt)
      throws Exception {
    long first = Long.MAX_VALUE;
    for (JsonNode entry :
        rest.get("/jobs/" + jobId + "/exceptions").path("exceptionHistory").path("entries")) {
      long at = entry.path("timestamp").asLong();
      if (at >= killedAt) {
        first = Math.min(first, at);
      }
    }
    return first;
  }

  static JsonNode checkpoints(FlinkRestClient rest, String jobId) throws Exception {
    return rest.get("/jobs/" + jobId + "/checkpoints");
  }

  static long latestCompletedCheckpoint(FlinkRestClient rest, String jobId) throws Exception {
    return checkpoints(rest, jobId).path("latest").path("completed").path("id").asLong(0);
  }

  static String vertexId(FlinkRestClient rest, String jobId, String nameContains) throws Exception {
    for (JsonNode vertex : rest.job(jobId).path("vertices")) {
      if (vertex.path("name").asText().toLowerCase(Locale.ROOT).contains(nameContains)) {
        return vertex.path("id").asText();
      }
    }
    throw new AssertionError("no vertex named like " + nameContains + " in " + rest.job(jobId));
  }

  static List<String> taskManagersOf(FlinkRestClient rest, String jobId, String vertex)
      throws Exception {
    List<String> ids = new ArrayList<>();
    for (JsonNode tm :
        rest.get("/jobs/" + jobId + "/vertices/" + vertex + "/taskmanagers").path("taskmanagers")) {
      if (tm.path("status").asText().equals("RUNNING")) {
        ids.add(tm.path("taskmanager-id").asText());
      }
    }
    return ids;
  }

  static Set<String> difference(Set<String> a, Set<String> b) {
    Set<String> d = new TreeSet<>(a);
    d.removeAll(b);
    return d;
  }
}
