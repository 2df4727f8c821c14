package io.tributary.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.cli.TributaryCommand;
import io.tributary.cli.flink.FlinkRestClient;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/flink-cluster} starts a real session cluster (separate JVMs, loopback only) that takes
 * a jar through the REST API, and stops it without leaving a process behind.
 */
class FlinkClusterScriptITCase {

  @TempDir Path temp;

  @Test
  void startsASessionClusterThatRunsASubmittedJarAndStopsIt() throws Exception {
    FlinkClusterScript cluster =
        FlinkClusterScript.start(
            temp.resolve("cluster"),
            2,
            2,
            List.of("heartbeat.timeout: 20000", "parallelism.default: 2"));
    List<ProcessHandle> processes = new ArrayList<>();
    try {
      for (String name : List.of("jobmanager", "taskmanager-1", "taskmanager-2")) {
        processes.add(cluster.process(name).orElseThrow());
      }
      FlinkClusterScript.Result status = cluster.status();
      assertThat(status.exitCode()).as(status.output()).isZero();
      assertThat(status.output()).contains("taskmanager-2: running");

      FlinkRestClient rest = new FlinkRestClient(cluster.rest(), Duration.ofSeconds(30));
      JsonNode overview = rest.get("/overview");
      assertThat(overview.path("taskmanagers").asInt()).isEqualTo(2);
      assertThat(overview.path("slots-total").asInt()).isEqualTo(4);
      assertThat(overview.path("flink-version").asText())
          .isEqualTo(MavenBuild.ofRepository().property("flink.version"));
      List<String> ids = new ArrayList<>();
      rest.get("/taskmanagers").path("taskmanagers").forEach(tm -> ids.add(tm.path("id").asText()));
      assertThat(ids).containsExactlyInAnyOrder("taskmanager-1", "taskmanager-2");
      List<String> bound = new ArrayList<>();
      Map<String, String> config = new HashMap<>();
      for (JsonNode entry : rest.get("/jobmanager/config")) {
        config.put(entry.path("key").asText(), entry.path("value").asText());
        if (entry.path("key").asText().endsWith("bind-address")
            || entry.path("key").asText().endsWith("bind-host")) {
          bound.add(entry.path("value").asText());
        }
      }
      assertThat(bound).isNotEmpty().containsOnly("127.0.0.1");
      // FLINK_PROPERTIES replace the script's defaults (Flink refuses a key given twice).
      assertThat(config).containsEntry("heartbeat.timeout", "20000");
      assertThat(config).containsEntry("parallelism.default", "2");
      // The dashboard (flink-runtime-web on the classpath).
      String dashboard =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(cluster.rest().resolve("/")).build(),
                  BodyHandlers.ofString())
              .body();
      assertThat(dashboard).contains("<html").containsIgnoringCase("flink");

      // Jar submission (flink-clients on the classpath) through `tributary submit`.
      Path jar = jarOf(temp.resolve("counting.jar"), CountingJob.class);
      int exit =
          TributaryCommand.run(
              "submit",
              "--flink",
              cluster.rest().toString(),
              "--jar",
              jar.toString(),
              "--class",
              CountingJob.class.getName(),
              "--parallelism",
              "2",
              "--wait",
              "2m",
              "--",
              "100000");
      assertThat(exit).isZero();
      JsonNode job = rest.get("/jobs/overview").path("jobs").get(0);
      assertThat(job.path("name").asText()).isEqualTo("counting to 100000");
      assertThat(awaitFinished(rest, job.path("jid").asText())).isEqualTo("FINISHED");
      long doubled = 0;
      for (JsonNode vertex : rest.job(job.path("jid").asText()).path("vertices")) {
        if (vertex.path("name").asText().contains("double")) {
          doubled += vertex.path("metrics").path("read-records").asLong();
        }
      }
      assertThat(doubled).isEqualTo(100_000);

      // A second cluster from the same folder is refused while the first runs.
      FlinkClusterScript.Result again = cluster.command(Duration.ofSeconds(30), "start");
      assertThat(again.exitCode()).isEqualTo(1);
      assertThat(again.output()).contains("already running");
    } finally {
      cluster.close();
    }
    assertThat(processes).noneMatch(ProcessHandle::isAlive);
    FlinkClusterScript.Result status = cluster.status();
    assertThat(status.exitCode()).isEqualTo(3);
    assertThat(status.output()).contains("not reachable");
  }

  private static String awaitFinished(FlinkRestClient rest, String jobId) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    String state;
    do {
      state = rest.job(jobId).path("state").asText();
      if (!state.equals("RUNNING") && !state.equals("CREATED") && !state.equals("INITIALIZING")) {
        return state;
      }
      Thread.sleep(200);
    } while (System.nanoTime() < deadline);
    return state;
  }

  /** A job jar of the given classes with their nested and synthetic classes. */
  static Path jarOf(Path jar, Class<?> main) throws IOException, URISyntaxException {
    Path classes = Path.of(main.getProtectionDomain().getCodeSource().getLocation().toURI());
    String packageDir = main.getPackageName().replace('.', '/');
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream jarOut = new JarOutputStream(out);
        Stream<Path> files = Files.list(classes.resolve(packageDir))) {
      for (Path file :
          files.filter(f -> f.getFileName().toString().startsWith(main.getSimpleName())).toList()) {
        jarOut.putNextEntry(new JarEntry(packageDir + "/" + file.getFileName()));
        Files.copy(file, jarOut);
        jarOut.closeEntry();
      }
    }
    return jar;
  }
}
