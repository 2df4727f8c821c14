package io.tributary.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.cli.flink.FlinkRestClient;
import io.tributary.cli.flink.FlinkRestException;
import io.tributary.cli.flink.JarRun;
import io.tributary.cli.flink.NewestCheckpoint;
import io.tributary.jobs.JobSummary;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tributary submit}: runs a job of the shaded job jar on a Flink session cluster through its
 * REST API (upload, then run with arguments), as the dashboard's "Submit New Job" does.
 */
@Command(
    name = "submit",
    mixinStandardHelpOptions = true,
    description = {
      "Submits a Tributary job to a Flink session cluster through its REST API and prints the job"
          + " id.",
      "Job arguments follow `--`, e.g.: tributary submit -- --source files --path /logs --store"
          + " jdbc:postgresql://db/lineage"
    })
final class SubmitCommand implements Callable<Integer> {
  private static final Set<String> ENDED = Set.of("FAILED", "CANCELED", "CANCELLING", "FAILING");

  @Spec CommandSpec spec;

  @Option(
      names = "--flink",
      paramLabel = "URL",
      defaultValue = "${env:TRIBUTARY_FLINK_URL:-http://127.0.0.1:8081}",
      description =
          "The cluster's REST address (env TRIBUTARY_FLINK_URL; default ${DEFAULT-VALUE}).")
  URI flink;

  @Option(
      names = "--jar",
      paramLabel = "FILE",
      defaultValue = "${env:TRIBUTARY_JOBS_JAR:-jobs/target/tributary-jobs.jar}",
      description = "The shaded job jar (env TRIBUTARY_JOBS_JAR; default ${DEFAULT-VALUE}).")
  Path jar;

  @Option(
      names = {"-c", "--class"},
      paramLabel = "CLASS",
      defaultValue = "io.tributary.jobs.StreamingJob",
      description =
          "The job's entry class (default ${DEFAULT-VALUE}; or io.tributary.jobs.BackfillJob).")
  String entryClass;

  @Option(
      names = {"-p", "--parallelism"},
      description = "The job's default parallelism (default: the cluster's).")
  Integer parallelism;

  @Option(
      names = {"-s", "--from-savepoint"},
      paramLabel = "PATH",
      description = "Start from this savepoint or retained checkpoint.")
  String savepoint;

  @Option(
      names = "--wait",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      defaultValue = "2m",
      description =
          "Wait until every task of a streaming job runs, or until a batch job (a backfill)"
              + " finished, then print its summary; at most this long. 0s returns right after"
              + " submission (default ${DEFAULT-VALUE}).")
  Duration wait;

  @Option(
      names = "--taskmanagers",
      paramLabel = "N",
      defaultValue = "1",
      description =
          "Submit once the cluster lists at least N TaskManagers, so that the job spreads over all"
              + " of them (waits at most --wait, or 2 minutes; default ${DEFAULT-VALUE}). With"
              + " N > 1 or --keep-running it also waits for a REST API that does not answer yet.")
  int taskManagers;

  @Option(
      names = "--resume-newest",
      paramLabel = "DIR",
      description =
          "Start from the newest retained checkpoint under DIR (the cluster's"
              + " execution.checkpointing.dir, at the same path here as on the cluster), or from"
              + " the start when it holds none.")
  Path checkpoints;

  @Option(
      names = "--keep-running",
      description =
          "Stay and keep the job up: when the cluster no longer knows it (a restarted"
              + " JobManager) or it failed for good, submit it again from the newest retained"
              + " checkpoint under --resume-newest. Ends when the job is canceled or stopped.")
  boolean keepRunning;

  @Parameters(paramLabel = "JOB_ARGS", description = "Arguments of the job's main, after `--`.")
  List<String> jobArgs = new ArrayList<>();

  @Override
  public Integer call() throws IOException, InterruptedException {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalArgumentException(
          "no job jar at " + jar + " (build it with: mvn -B -DskipTests package)");
    }
    if (checkpoints != null && savepoint != null) {
      throw new IllegalArgumentException("give --from-savepoint or --resume-newest, not both");
    }
    if (keepRunning && checkpoints == null) {
      throw new IllegalArgumentException(
          "--keep-running needs --resume-newest DIR, the checkpoints to resume from");
    }
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter out = spec.commandLine().getOut();
    FlinkRestClient client = new FlinkRestClient(flink, Duration.ofMinutes(2));
    Optional<String> start = Optional.ofNullable(savepoint);
    while (true) {
      awaitTaskManagers(client, err);
      if (checkpoints != null) {
        start = NewestCheckpoint.under(checkpoints).map(Path::toString);
        err.println(
            start
                .map(p -> "starting from the newest retained checkpoint " + p)
                .orElse(
                    "no retained checkpoint under " + checkpoints + ": starting from the start"));
      }
      String jobId = submit(client, start, err);
      Optional<JobSummary> summary = Optional.empty();
      if (!wait.isZero()) {
        summary = await(client, jobId, err);
      }
      out.println(jobId);
      summary.ifPresent(s -> out.println(s.format()));
      out.flush();
      if (!keepRunning || !lost(client, jobId, err)) {
        return 0;
      }
    }
  }

  private String submit(FlinkRestClient client, Optional<String> start, PrintWriter err)
      throws IOException {
    String jarId = client.uploadJar(jar);
    err.printf("uploaded %s to %s as %s%n", jar.getFileName(), client.base(), jarId);
    JarRun run = new JarRun(entryClass, jobArgs, Optional.ofNullable(parallelism), start);
    String jobId;
    try {
      jobId = client.runJar(jarId, run);
    } catch (IOException | RuntimeException e) {
      deleteQuietly(client, jarId, e);
      throw e;
    }
    err.printf(
        "submitted %s as job %s (dashboard: %s/#/job/running/%s)%n",
        entryClass, jobId, client.base(), jobId);
    err.flush();
    return jobId;
  }

  /** Waits until the cluster answers and lists {@code --taskmanagers} TaskManagers. */
  private void awaitTaskManagers(FlinkRestClient client, PrintWriter err)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + (wait.isZero() ? Duration.ofMinutes(2) : wait).toNanos();
    int listed = -1;
    while (true) {
      try {
        listed = client.get("/overview").path("taskmanagers").asInt();
        if (listed >= taskManagers) {
          return;
        }
      } catch (IOException notUpYet) {
        // Waiting for a cluster that is still starting is asked for with --keep-running or
        // --taskmanagers; a plain submit to a wrong address fails at once.
        if (!waitsForStartingCluster() || System.nanoTime() > deadline) {
          throw notUpYet;
        }
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "the cluster lists "
                + listed
                + " TaskManagers, not "
                + taskManagers
                + ", after "
                + wait.toSeconds()
                + " s");
      }
      Thread.sleep(1_000);
    }
  }

  private boolean waitsForStartingCluster() {
    return keepRunning || taskManagers > 1;
  }

  /**
   * Watches a running job until it ends: true when it is lost (the cluster no longer knows it, as
   * after a JobManager restart, or it failed for good), false when it was canceled or stopped.
   */
  private static boolean lost(FlinkRestClient client, String jobId, PrintWriter err)
      throws InterruptedException {
    while (true) {
      Thread.sleep(2_000);
      String state;
      try {
        state = client.job(jobId).path("state").asText();
      } catch (FlinkRestException e) {
        if (e.status() != 404) {
          continue;
        }
        state = "unknown to the cluster";
      } catch (IOException down) {
        continue; // the JobManager is away; see what it knows once it is back
      }
      switch (state) {
        case "FINISHED", "CANCELED" -> {
          err.printf("job %s is %s%n", jobId, state);
          err.flush();
          return false;
        }
        case "FAILED", "unknown to the cluster" -> {
          err.printf("job %s is %s: submitting it again%n", jobId, state);
          err.flush();
          return true;
        }
        default -> {
          // running, restarting, or suspended while the JobManager changes
        }
      }
    }
  }

  /** A jar whose job did not start is of no use on the cluster. */
  private static void deleteQuietly(FlinkRestClient client, String jarId, Exception cause) {
    try {
      client.deleteJar(jarId);
    } catch (IOException | RuntimeException e) {
      cause.addSuppressed(e);
    }
  }

  /**
   * A streaming job is up once all its tasks run; a batch job is waited for to its end, and its
   * summary read from the accumulators the cluster keeps.
   */
  private Optional<JobSummary> await(FlinkRestClient client, String jobId, PrintWriter err)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + wait.toNanos();
    while (true) {
      JsonNode job = client.job(jobId);
      String state = job.path("state").asText();
      boolean batch = job.path("job-type").asText().equals("BATCH");
      if (state.equals("FINISHED")) {
        err.printf("job %s is %s%n", jobId, state);
        return Optional.of(
            JobSummary.of(
                numbers(client.accumulators(jobId)), job.path("duration").asLong() / 1000.0));
      }
      if (!batch && state.equals("RUNNING") && allTasksRunning(job)) {
        err.printf("job %s is %s%n", jobId, state);
        return Optional.empty();
      }
      if (ENDED.contains(state)) {
        JsonNode exceptions = client.get("/jobs/" + jobId + "/exceptions");
        throw new IllegalStateException(
            "job "
                + jobId
                + " is "
                + state
                + ": "
                + exceptions
                    .path("exceptionHistory")
                    .path("entries")
                    .path(0)
                    .path("exceptionName")
                    .asText("(no exception recorded)"));
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "job " + jobId + " is still " + state + " after " + wait.toSeconds() + " s");
      }
      Thread.sleep(500);
    }
  }

  /** The accumulators' values that are numbers, as {@link JobSummary} reads them. */
  private static Map<String, Object> numbers(Map<String, String> accumulators) {
    Map<String, Object> numbers = new HashMap<>();
    accumulators.forEach(
        (name, value) -> {
          try {
            numbers.put(name, Long.parseLong(value));
          } catch (NumberFormatException notACount) {
            // not one of the job's counters
          }
        });
    return numbers;
  }

  private static boolean allTasksRunning(JsonNode job) {
    for (JsonNode vertex : job.path("vertices")) {
      String status = vertex.path("status").asText();
      if (!status.equals("RUNNING") && !status.equals("FINISHED")) {
        return false;
      }
    }
    return true;
  }
}
