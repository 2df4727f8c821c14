package io.tributary.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.cli.flink.FlinkRestClient;
import io.tributary.cli.flink.JarRun;
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

  @Parameters(paramLabel = "JOB_ARGS", description = "Arguments of the job's main, after `--`.")
  List<String> jobArgs = new ArrayList<>();

  @Override
  public Integer call() throws IOException, InterruptedException {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalArgumentException(
          "no job jar at " + jar + " (build it with: mvn -B -DskipTests package)");
    }
    PrintWriter err = spec.commandLine().getErr();
    FlinkRestClient client = new FlinkRestClient(flink, Duration.ofMinutes(2));
    String jarId = client.uploadJar(jar);
    err.printf("uploaded %s to %s as %s%n", jar.getFileName(), client.base(), jarId);
    JarRun run =
        new JarRun(
            entryClass, jobArgs, Optional.ofNullable(parallelism), Optional.ofNullable(savepoint));
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
    Optional<JobSummary> summary = Optional.empty();
    if (!wait.isZero()) {
      summary = await(client, jobId, err);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println(jobId);
    summary.ifPresent(s -> out.println(s.format()));
    out.flush();
    return 0;
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
