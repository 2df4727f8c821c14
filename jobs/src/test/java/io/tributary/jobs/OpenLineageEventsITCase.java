package io.tributary.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.tributary.connectors.store.LineageStore;
import io.tributary.connectors.store.TestDatabase;
import io.tributary.jobs.openlineage.OpenLineageOptions;
import io.tributary.jobs.pipeline.PipelineOptions;
import io.tributary.jobs.pipeline.StorePipelineStore;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backfill that emits OpenLineage run events to a JSON Lines file: each event validates against
 * the OpenLineage spec's JSON schema ({@code openlineage/OpenLineage.json}, the spec's core schema,
 * test-only) and says what the statement does; a replay sends the same runs; an endpoint that
 * refuses connections changes nothing for the job.
 */
class OpenLineageEventsITCase {

  @RegisterExtension
  static final MiniClusterExtension MINI_CLUSTER =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .build());

  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  TestDatabase database;
  LineageStore store;

  @BeforeEach
  void openStore() {
    database = TestDatabase.h2();
    store = LineageStore.open(database.jdbcUrl(), 2);
  }

  @AfterEach
  void closeStore() {
    store.close();
    database.close();
  }

  @Test
  void eachStatementThatWritesATableIsOneValidRunAndAReplaySendsTheSameRun() throws Exception {
    Path log = dir.resolve("queries.jsonl");
    Files.writeString(
        log,
        line(
                "q1",
                "INSERT INTO marts.t (a, b) SELECT s.x, s.y + 1 FROM raw.s s WHERE s.z > 0",
                1_714_557_600_000L)
            + line(
                "q2",
                "INSERT INTO marts.t (a, b) SELECT s.x, s.y + 2 FROM raw.s s WHERE s.z > 5",
                1_714_561_200_000L)
            + line("q3", "SELECT s.x FROM raw.s s", 1_714_561_200_000L)
            + line("q4", "INSERT INTO marts.broken SELEC FROM", 1_714_561_200_000L));
    Path events = dir.resolve("events.jsonl");
    OpenLineageOptions options =
        OpenLineageOptions.of(null, events.toString())
            .withDatasetNamespaces("postgres://warehouse:5432", Map.of());

    backfill(log, options);

    List<JsonNode> sent = read(events);
    assertThat(sent).hasSize(1);
    JsonNode event = sent.get(0);
    assertThat(schema().validate(event)).isEmpty();
    // The schema does reject what the spec does not allow.
    assertThat(schema().validate(JSON.readTree("{\"eventTime\": \"2024-05-01T10:00:00Z\"}")))
        .isNotEmpty();
    assertThat(event.get("eventType").asText()).isEqualTo("COMPLETE");
    assertThat(event.get("eventTime").asText()).startsWith("2024-05-01T10:00");
    // The job's namespace is the origin its executions are counted under.
    assertThat(event.at("/job/namespace").asText())
        .isEqualTo(storeString("SELECT DISTINCT origin FROM query_executions"))
        .endsWith("/queries.jsonl");
    assertThat(event.at("/job/name").asText())
        .isEqualTo(
            storeString("SELECT fingerprint FROM queries_seen WHERE sample_sql LIKE 'INSERT%'"));
    assertThat(event.at("/job/facets/sql/query").asText()).startsWith("INSERT INTO marts.t");
    assertThat(event.at("/inputs/0/namespace").asText()).isEqualTo("postgres://warehouse:5432");
    assertThat(event.at("/inputs/0/name").asText()).isEqualTo("analytics.raw.s");
    List<String> inputColumns = new ArrayList<>();
    event
        .at("/inputs/0/facets/schema/fields")
        .forEach(f -> inputColumns.add(f.get("name").asText()));
    assertThat(inputColumns).containsExactlyInAnyOrder("x", "y", "z");
    assertThat(event.at("/outputs/0/name").asText()).isEqualTo("analytics.marts.t");
    JsonNode lineage = event.at("/outputs/0/facets/columnLineage");
    assertThat(lineage.at("/fields/a/inputFields/0/name").asText()).isEqualTo("analytics.raw.s");
    assertThat(lineage.at("/fields/a/inputFields/0/field").asText()).isEqualTo("x");
    assertThat(lineage.at("/fields/a/inputFields/0/transformations/0/type").asText())
        .isEqualTo("DIRECT");
    assertThat(lineage.at("/fields/a/inputFields/0/transformations/0/subtype").asText())
        .isEqualTo("IDENTITY");
    assertThat(lineage.at("/fields/b/inputFields/0/field").asText()).isEqualTo("y");
    assertThat(lineage.at("/fields/b/inputFields/0/transformations/0/subtype").asText())
        .isEqualTo("TRANSFORMATION");
    assertThat(lineage.at("/dataset/0/field").asText()).isEqualTo("z");
    assertThat(lineage.at("/dataset/0/transformations/0/type").asText()).isEqualTo("INDIRECT");

    backfill(log, options);
    List<JsonNode> again = read(events);
    assertThat(again).hasSize(2);
    assertThat(again.get(1).at("/run/runId")).isEqualTo(event.at("/run/runId"));
  }

  @Test
  void anEndpointThatRefusesConnectionsDoesNotStopTheJob() throws Exception {
    Path log = dir.resolve("queries.jsonl");
    Files.writeString(
        log, line("q1", "INSERT INTO marts.t (a) SELECT s.x FROM raw.s s", 1_714_557_600_000L));
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Path events = dir.resolve("events.jsonl");
    backfill(
        log,
        OpenLineageOptions.of(URI.create("http://127.0.0.1:" + closedPort), events.toString()));

    assertThat(StoreContents.edgeNames(store)).contains("analytics.raw.s.x>analytics.marts.t.a");
    // The file transport still got its event.
    assertThat(read(events)).hasSize(1);
  }

  private void backfill(Path log, OpenLineageOptions openLineage) throws Exception {
    var source = new QuerySourceSpec.Files(List.of(log.toString()), null, null);
    var settings =
        JobSettings.builder(source, PipelineOptions.defaults("postgresql"), database.jdbcUrl())
            .parallelism(1)
            .restartAttempts(1)
            .restartDelay(Duration.ofSeconds(1))
            .openLineage(openLineage)
            .build();
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    BackfillJob.define(env, settings, new StorePipelineStore(database.jdbcUrl()));
    env.execute("openlineage backfill");
  }

  static JsonSchema schema() throws Exception {
    try (InputStream in =
        OpenLineageEventsITCase.class.getResourceAsStream("/openlineage/OpenLineage.json")) {
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
    }
  }

  private static List<JsonNode> read(Path events) throws Exception {
    List<JsonNode> nodes = new ArrayList<>();
    for (String line : Files.readAllLines(events)) {
      if (!line.isBlank()) {
        nodes.add(JSON.readTree(line));
      }
    }
    return nodes;
  }

  private String storeString(String sql) throws Exception {
    try (var c = store.dataSource().getConnection();
        var s = c.createStatement();
        var rs = s.executeQuery(sql)) {
      assertThat(rs.next()).isTrue();
      return rs.getString(1);
    }
  }

  private static String line(String id, String sql, long startMillis) {
    return "{\"query_id\": \""
        + id
        + "\", \"sql\": \""
        + sql
        + "\", \"start_time\": "
        + startMillis
        + ", \"database_name\": \"analytics\", \"schema_name\": \"public\"}\n";
  }
}
