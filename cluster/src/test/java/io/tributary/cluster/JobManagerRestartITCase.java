package io.tributary.cluster;

import static io.tributary.cluster.Await.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.cli.TributaryCommand;
import io.tributary.cli.flink.FlinkRestClient;
import io.tributary.jobs.StreamingJob;
import io.tributary.jobs.workload.WorkloadGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stream comes back by itself after its JobManager crashed: {@code tributary submit
 * --keep-running --resume-newest DIR} (the Compose set's submit service) sees the restarted
 * JobManager no longer knows the job and submits it again from the newest retained checkpoint; the
 * store ends with exactly the workload's truth.
 */
class JobManagerRestartITCase {
  private static final int ROWS = 3_000;
  private static final int FILES = 6;

  @TempDir Path temp;

  @Test
  void theStreamResumesFromItsNewestRetainedCheckpointAfterAJobManagerCrash() throws Exception {
    MavenBuild build = MavenBuild.ofRepository();
    Path jobJar = build.root().resolve(build.shadedJar("jobs"));
    Path log = temp.resolve("workload.jsonl");
    new WorkloadGenerator(ROWS, 5L, 300).write(log);
    WorkloadTruth truth = WorkloadTruth.of(log);
    Set<String> expected = WorkloadGenerator.expectedEdges();
    Path catalog = Files.writeString(temp.resolve("catalog.json"), WorkloadGenerator.catalogJson());
    Path queryLogs = temp.resolve("query-logs");
    GrowingQueryLog queries = new GrowingQueryLog(log, FILES, queryLogs, temp.resolve("staging"));

    Path clusterDir =
        Path.of("target", "jobmanager-restart", "run-" + System.currentTimeMillis())
            .toAbsolutePath();
    Path checkpoints = clusterDir.resolve("checkpoints");
    Thread supervisor = null;
    try (LineageStoreDatabase store = LineageStoreDatabase.create();
        FlinkClusterScript cluster =
            FlinkClusterScript.start(
                clusterDir,
                2,
                2,
                List.of(
                    "web.refresh-interval: 500",
                    "metrics.fetcher.update-interval: 500",
                    "execution.checkpointing.externalized-checkpoint-retention:"
                        + " RETAIN_ON_CANCELLATION"))) {
      FlinkRestClient rest = new FlinkRestClient(cluster.rest(), Duration.ofSeconds(30));
      assertThat(
              TributaryCommand.run("catalog", "import", "--store", store.url(), catalog.toString()))
          .isZero();
      queries.feedNext();
      queries.feedNext();
      List<Integer> exits = new ArrayList<>();
      supervisor =
          new Thread(
              () ->
                  exits.add(
                      TributaryCommand.run(
                          "submit",
                          "--flink",
                          cluster.rest().toString(),
                          "--jar",
                          jobJar.toString(),
                          "--class",
                          StreamingJob.class.getName(),
                          "--taskmanagers",
                          "2",
                          "--resume-newest",
                          checkpoints.toString(),
                          "--keep-running",
                          "--wait",
                          "5m",
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
                          "2",
                          "--checkpoint-interval",
                          "2s",
                          "--stats-interval",
                          "1s")),
              "tributary-submit-keep-running");
      supervisor.setDaemon(true);
      supervisor.start();

      String first = awaitRunningJob(rest, null);
      // A checkpoint that covers what was fed so far, then more rows it does not cover.
      assertThat(await(Duration.ofMinutes(3), () -> completedCheckpoints(rest, first) >= 2))
          .as("checkpoints of the first run")
          .isTrue();
      queries.feedNext();
      Thread.sleep(1_000);
      cluster.killHard("jobmanager");
      queries.feedNext();
      FlinkClusterScript.Result restarted =
          cluster.command(Duration.ofMinutes(6), "restart-jobmanager");
      assertThat(restarted.exitCode()).as(restarted.output()).isZero();

      String second = awaitRunningJob(rest, first);
      JsonNode restored =
          rest.get("/jobs/" + second + "/checkpoints").path("latest").path("restored");
      assertThat(restored.path("external_path").asText())
          .as("the resubmitted stream's restored checkpoint")
          .contains(first)
          .contains("chk-");
      while (queries.feedNext()) {
        Thread.sleep(200);
      }
      boolean exact =
          await(
              Duration.ofMinutes(4),
              () ->
                  store.edges().equals(expected)
                      && store.executions() == truth.succeeded()
                      && Set.copyOf(store.deadLetterFingerprints())
                          .equals(truth.deadLetterFingerprints()));
      assertThat(exact).as("the resumed stream reached the truth").isTrue();
      assertThat(store.edges()).containsExactlyInAnyOrderElementsOf(expected);
      assertThat(store.edgeAnomalies()).isZero();
      assertThat(store.deadLetterFingerprints())
          .containsExactlyInAnyOrderElementsOf(truth.deadLetterFingerprints());
      assertThat(store.executions()).isEqualTo(truth.succeeded());

      rest.cancelJob(second);
      supervisor.join(Duration.ofSeconds(30).toMillis());
      assertThat(exits).as("the submit step ends once the stream is canceled").containsExactly(0);
    } finally {
      if (supervisor != null && supervisor.isAlive()) {
        supervisor.interrupt();
      }
    }
    try (Stream<Path> files = Files.walk(clusterDir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }

  /** The id of a job with every task running, other than {@code previous}. */
  private static String awaitRunningJob(FlinkRestClient rest, String previous) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
    while (System.nanoTime() < deadline) {
      try {
        for (JsonNode job : rest.get("/jobs/overview").path("jobs")) {
          String id = job.path("jid").asText();
          if (!id.equals(previous)
              && job.path("state").asText().equals("RUNNING")
              && job.path("tasks").path("running").asInt()
                  == job.path("tasks").path("total").asInt()) {
            return id;
          }
        }
      } catch (java.io.IOException jobManagerAway) {
        // restarting
      }
      Thread.sleep(500);
    }
    throw new AssertionError("no running stream other than " + previous + " within 5 minutes");
  }

  private static long completedCheckpoints(FlinkRestClient rest, String jobId) throws Exception {
    return rest.get("/jobs/" + jobId + "/checkpoints").path("counts").path("completed").asLong();
  }
}
