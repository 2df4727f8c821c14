package io.tributary.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.connectors.store.TestDatabase;
import io.tributary.jobs.pipeline.PipelineMetrics;
import io.tributary.jobs.workload.WorkloadGenerator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A local backfill with the dashboard: the dashboard refreshes every second, and once the backfill
 * ended it still shows the finished job with its accumulators.
 */
class LocalRunnerDashboardITCase {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();

  @TempDir Path temp;

  @Test
  void theDashboardOutlivesTheBackfillWithTheFinishedJobAndItsAccumulators() throws Exception {
    Path log = temp.resolve("log.jsonl");
    new WorkloadGenerator(500, 3L, 100).write(log);
    int port = freePort();
    try (TestDatabase db = TestDatabase.h2()) {
      JobSettings settings =
          JobArguments.parse(
              new String[] {
                "--source",
                "files",
                "--path",
                log.toString(),
                "--dialect",
                "postgresql",
                "--store",
                db.jdbcUrl(),
                "--parallelism",
                "2"
              },
              false);
      LocalRunner runner =
          new LocalRunner(
              true,
              port,
              new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
              Duration.ofMillis(500));
      try {
        JobSummary summary = runner.backfill(settings);
        assertThat(summary.statements()).isEqualTo(500);

        URI base = URI.create("http://127.0.0.1:" + port);
        assertThat(get(base, "/config").path("refresh-interval").asLong()).isEqualTo(1_000);
        JsonNode jobs = get(base, "/jobs/overview").path("jobs");
        assertThat(jobs).hasSize(1);
        assertThat(jobs.get(0).path("name").asText()).isEqualTo(BackfillJob.NAME);
        assertThat(jobs.get(0).path("state").asText()).isEqualTo("FINISHED");
        String jobId = jobs.get(0).path("jid").asText();
        String statementsIn = null;
        for (JsonNode accumulator :
            get(base, "/jobs/" + jobId + "/accumulators").path("user-task-accumulators")) {
          if (accumulator.path("name").asText().equals(PipelineMetrics.STATEMENTS_IN)) {
            statementsIn = accumulator.path("value").asText();
          }
        }
        assertThat(statementsIn).isEqualTo("500");
      } finally {
        runner.stopDashboard();
      }
    }
  }

  private JsonNode get(URI base, String path) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
