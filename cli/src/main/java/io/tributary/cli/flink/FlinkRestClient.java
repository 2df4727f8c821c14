package io.tributary.cli.flink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A client of the Flink cluster's REST API (the one the dashboard uses): upload and run a job jar,
 * read job details and metrics, cancel a job.
 */
public final class FlinkRestClient {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI base;
  private final Duration timeout;
  private final HttpClient http;

  /**
   * @param base the REST address, e.g. {@code http://127.0.0.1:8081}
   * @param timeout how long one request may take (a jar run includes running the job's main)
   */
  public FlinkRestClient(URI base, Duration timeout) {
    String text = base.toString();
    this.base = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  }

  public URI base() {
    return base;
  }

  /** Uploads a job jar ({@code POST /jars/upload}) and returns its id for {@link #runJar}. */
  public String uploadJar(Path jar) throws IOException {
    String boundary = "tributary-" + UUID.randomUUID();
    String head =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"jarfile\"; filename=\""
            + jar.getFileName()
            + "\"\r\nContent-Type: application/java-archive\r\n\r\n";
    BodyPublisher body =
        BodyPublishers.concat(
            BodyPublishers.ofString(head, StandardCharsets.UTF_8),
            BodyPublishers.ofFile(jar),
            BodyPublishers.ofString("\r\n--" + boundary + "--\r\n", StandardCharsets.UTF_8));
    JsonNode answer =
        send(
            request("/jars/upload")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(body));
    // "filename" is the stored file's path; its last part is the jar id.
    String stored = answer.path("filename").asText("");
    if (stored.isEmpty()) {
      throw new FlinkRestException(0, "the upload answer has no file name: " + answer);
    }
    return Path.of(stored).getFileName().toString();
  }

  /** Runs an uploaded jar's entry class ({@code POST /jars/<id>/run}); returns the job id. */
  public String runJar(String jarId, JarRun run) throws IOException {
    ObjectNode body = JSON.createObjectNode();
    body.put("entryClass", run.entryClass());
    body.putArray("programArgsList")
        .addAll(
            run.programArgs().stream().map(JSON::valueToTree).map(JsonNode.class::cast).toList());
    run.parallelism().ifPresent(p -> body.put("parallelism", p));
    run.savepointPath().ifPresent(p -> body.put("savepointPath", p));
    JsonNode answer =
        send(
            request("/jars/" + jarId + "/run")
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)));
    return answer.path("jobid").asText();
  }

  /** Removes an uploaded jar from the cluster ({@code DELETE /jars/<id>}). */
  public void deleteJar(String jarId) throws IOException {
    send(request("/jars/" + jarId).DELETE());
  }

  /** Cancels a job ({@code PATCH /jobs/<id>?mode=cancel}). */
  public void cancelJob(String jobId) throws IOException {
    send(request("/jobs/" + jobId + "?mode=cancel").method("PATCH", BodyPublishers.noBody()));
  }

  /**
   * Stops a job with a savepoint ({@code POST /jobs/<id>/stop}), waits for it and returns the
   * savepoint's location, which {@link JarRun#savepointPath} resumes from.
   */
  public String stopWithSavepoint(String jobId, String targetDirectory, Duration timeout)
      throws IOException, InterruptedException {
    ObjectNode body = JSON.createObjectNode();
    body.put("targetDirectory", targetDirectory);
    body.put("drain", false);
    String trigger =
        send(request("/jobs/" + jobId + "/stop")
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)))
            .path("request-id")
            .asText();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode answer = get("/jobs/" + jobId + "/savepoints/" + trigger);
      if (answer.path("status").path("id").asText().equals("COMPLETED")) {
        JsonNode operation = answer.path("operation");
        if (operation.has("failure-cause")) {
          throw new FlinkRestException(
              0,
              "the savepoint of job "
                  + jobId
                  + " failed: "
                  + operation.path("failure-cause").path("class").asText());
        }
        return operation.path("location").asText();
      }
      Thread.sleep(500);
    }
    throw new FlinkRestException(0, "no savepoint of job " + jobId + " after " + timeout);
  }

  /** The job's details ({@code GET /jobs/<id>}): state, vertices with their states, timestamps. */
  public JsonNode job(String jobId) throws IOException {
    return get("/jobs/" + jobId);
  }

  /**
   * The job's accumulators by name ({@code GET /jobs/<id>/accumulators}, "user-task-accumulators"),
   * each value as the cluster renders it; kept after the job ended.
   */
  public Map<String, String> accumulators(String jobId) throws IOException {
    Map<String, String> values = new LinkedHashMap<>();
    for (JsonNode accumulator :
        get("/jobs/" + jobId + "/accumulators").path("user-task-accumulators")) {
      values.put(accumulator.path("name").asText(), accumulator.path("value").asText());
    }
    return values;
  }

  /** Any GET of the REST API, e.g. {@code /overview} or {@code /jobs/<id>/vertices/<v>/metrics}. */
  public JsonNode get(String path) throws IOException {
    return send(request(path).GET());
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout);
  }

  private JsonNode send(HttpRequest.Builder request) throws IOException {
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for " + base, e);
    } catch (ConnectException e) {
      throw new ConnectException(
          "no Flink REST API at " + base + " (is the cluster running? is the address right?)");
    }
    JsonNode body = response.body().isBlank() ? JSON.nullNode() : parse(response.body());
    if (response.statusCode() >= 400) {
      throw new FlinkRestException(response.statusCode(), errorMessage(response, body));
    }
    return body;
  }

  private static JsonNode parse(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      return JSON.getNodeFactory().textNode(text);
    }
  }

  /** Flink answers {"errors": [...]}; a failed main's error is a stack trace: keep its causes. */
  private static String errorMessage(HttpResponse<String> response, JsonNode body) {
    String where = response.request().method() + " " + response.request().uri().getPath();
    JsonNode errors = body.path("errors");
    if (!errors.isArray() || errors.isEmpty()) {
      return where + ": HTTP " + response.statusCode();
    }
    List<String> lines = new ArrayList<>();
    for (JsonNode error : errors) {
      error
          .asText()
          .lines()
          .filter(line -> !line.isBlank() && !line.startsWith("\tat ") && !line.startsWith("\t..."))
          .forEach(lines::add);
    }
    return where
        + ": HTTP "
        + response.statusCode()
        + ": "
        + String.join(System.lineSeparator(), lines.subList(0, Math.min(lines.size(), 12)));
  }
}
