package io.tributary.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.connectors.source.kafka.KafkaBroker;
import io.tributary.connectors.store.LineageStore;
import io.tributary.connectors.store.TestDatabase;
import io.tributary.jobs.pipeline.PipelineOptions;
import io.tributary.jobs.pipeline.StorePipelineStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The jobs on a query log published to a real Kafka broker (KRaft, in this JVM): a backfill of a
 * time range and its replays, a backfill of everything up to the latest offsets, and a stream that
 * survives a bad record, commits its offsets, shows its lag and, run again from scratch, counts
 * nothing twice. Each test writes into a fresh H2 store.
 */
class KafkaJobsITCase {

  @RegisterExtension
  static final MiniClusterExtension MINI_CLUSTER =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .build());

  static final String INSERT_SQL = "INSERT INTO marts.t (a, b) SELECT s.x, s.y + %d FROM raw.s s";
  static final Set<String> INSERT_EDGES =
      Set.of(
          "analytics.raw.s>analytics.marts.t",
          "analytics.raw.s.x>analytics.marts.t.a",
          "analytics.raw.s.y>analytics.marts.t.b");
  static final String DAY_TWO_SQL = "INSERT INTO marts.u (c) SELECT r.z FROM raw.r r";
  static final Set<String> DAY_TWO_EDGES =
      Set.of("analytics.raw.r>analytics.marts.u", "analytics.raw.r.z>analytics.marts.u.c");

  static KafkaBroker kafka;

  TestDatabase database;
  LineageStore store;
  String topic;

  @BeforeAll
  static void startKafka() throws Exception {
    kafka = KafkaBroker.start();
  }

  @AfterAll
  static void stopKafka() throws Exception {
    kafka.close();
  }

  @BeforeEach
  void openStore() throws Exception {
    database = TestDatabase.h2();
    store = LineageStore.open(database.jdbcUrl(), 2);
    topic = "queries-" + UUID.randomUUID().toString().substring(0, 8);
    kafka.createTopic(topic, 2);
  }

  @AfterEach
  void closeStore() {
    store.close();
    database.close();
  }

  @Test
  void backfillReadsATimeRangeAndReplaysChangeNothing() throws Exception {
    Instant day1 = Instant.parse("2024-05-01T00:00:00Z");
    Instant day2 = Instant.parse("2024-05-02T00:00:00Z");
    for (int i = 0; i < 10; i++) {
      Instant start = day1.plus(Duration.ofHours(i));
      kafka.send(
          topic, i % 2, statement("q" + i, INSERT_SQL.formatted(i), start), start.plusSeconds(1));
    }
    // Started on day 1, published on day 2: read, within the default lateness.
    Instant lastMoment = day2.minusMillis(500);
    kafka.send(
        topic, 0, statement("late", INSERT_SQL.formatted(99), lastMoment), day2.plusSeconds(2));
    kafka.send(
        topic,
        0,
        "{\"query_id\": \"failed\", \"sql\": \"INSERT INTO marts.never SELECT z FROM raw.nope\","
            + " \"start_time\": \"2024-05-01T05:00:00Z\", \"execution_status\": \"FAILED\"}",
        day1.plus(Duration.ofHours(5)));
    RecordMetadata notJson =
        kafka.send(topic, 1, "{\"sql\": \"SELECT", day1.plus(Duration.ofHours(12)));
    RecordMetadata noSql =
        kafka.send(topic, 1, "{\"query_id\": \"no-sql\"}", day1.plus(Duration.ofHours(13)));
    for (int i = 0; i < 3; i++) {
      Instant start = day2.plus(Duration.ofHours(10 + i));
      kafka.send(topic, i % 2, statement("d2-" + i, DAY_TWO_SQL, start), start.plusSeconds(1));
    }
    RecordMetadata dayTwoGarbage =
        kafka.send(topic, 0, "day two garbage", day2.plus(Duration.ofHours(14)));

    JobSummary first = backfill(day1, day2, "g-range");
    assertThat(first.statements()).isEqualTo(12);
    assertThat(first.failedUpstream()).isEqualTo(1);
    assertThat(StoreContents.edgeNames(store)).containsExactlyInAnyOrderElementsOf(INSERT_EDGES);
    assertThat(executionsPerDay()).isEqualTo(Map.of("2024-05-01", 11L));
    assertThat(deadLetterIds()).containsExactlyInAnyOrder(position(notJson), position(noSql));
    assertThat(
            StoreContents.count(
                store,
                "SELECT COUNT(*) FROM dead_letters WHERE reason = 'UNREADABLE_RECORD' AND message"
                    + " LIKE 'Kafka record at topic "
                    + topic
                    + ", partition 1, offset "
                    + notJson.offset()
                    + ": not valid JSON%'"))
        .isEqualTo(1);

    long edgeRows = StoreContents.count(store, "SELECT COUNT(*) FROM lineage_edges");
    backfill(day1, day2, "g-range");
    assertThat(StoreContents.count(store, "SELECT COUNT(*) FROM lineage_edges"))
        .isEqualTo(edgeRows);
    assertThat(executionsPerDay()).isEqualTo(Map.of("2024-05-01", 11L));
    assertThat(deadLetterIds()).hasSize(2);

    // No range: from the group's committed offsets (none: the earliest) to the latest at start.
    JobSummary everything = backfill(null, null, "g-all");
    assertThat(everything.statements()).isEqualTo(15);
    Set<String> all = new HashSet<>(INSERT_EDGES);
    all.addAll(DAY_TWO_EDGES);
    assertThat(StoreContents.edgeNames(store)).containsExactlyInAnyOrderElementsOf(all);
    assertThat(executionsPerDay()).isEqualTo(Map.of("2024-05-01", 11L, "2024-05-02", 3L));
    assertThat(deadLetterIds())
        .containsExactlyInAnyOrder(position(notJson), position(noSql), position(dayTwoGarbage));
  }

  @Test
  void streamFollowsTheTopicPastABadRecordAndARerunCountsNothingTwice() throws Exception {
    // Default checkpoints (every 10 s): an edge must not wait for one.
    JobClient job = stream("g-stream", JobFlags.CHECKPOINT_INTERVAL.defaultValue());
    List<Double> latencies = new ArrayList<>();
    try {
      // A first statement sees the job running and its partitions assigned.
      kafka.send(topic, 0, statement("warm-up", DAY_TWO_SQL, Instant.now()), null);
      awaitEdges(DAY_TWO_EDGES, Duration.ofSeconds(60));
      // Each statement is new, so each is analyzed: the time from its record being acknowledged
      // by the broker to its edge being in the store.
      for (int i = 0; i < LATENCY_SAMPLES; i++) {
        String table = "lat_" + i;
        long sent = System.nanoTime();
        kafka.send(
            topic,
            i % 2,
            statement(
                "lat" + i,
                "INSERT INTO marts." + table + " (c) SELECT r.z FROM raw.r r",
                Instant.now()),
            null);
        awaitCount(
            "SELECT COUNT(*) FROM resources WHERE title = '" + table + "'",
            1,
            Duration.ofSeconds(30),
            Duration.ofMillis(10));
        awaitEdges(
            Set.of("analytics.raw.r.z>analytics.marts." + table + ".c"), Duration.ofSeconds(30));
        latencies.add((System.nanoTime() - sent) / 1e6);
      }
      System.out.println(
          "produce -> edge in store, ms: median " + median(latencies) + " of " + latencies);

      RecordMetadata bad = kafka.send(topic, 1, "not json at all", null);
      kafka.send(topic, 1, statement("after-bad", INSERT_SQL.formatted(1), Instant.now()), null);
      awaitEdges(INSERT_EDGES, Duration.ofSeconds(30));
      awaitCount(
          "SELECT COUNT(*) FROM dead_letters WHERE query_id = '" + position(bad) + "'",
          1,
          Duration.ofSeconds(30),
          Duration.ofMillis(200));
      for (int i = 0; i < 4; i++) {
        kafka.send(
            topic, i % 2, statement("again" + i, INSERT_SQL.formatted(i + 2), Instant.now()), null);
      }
      // the warm-up, the samples, after-bad and again0..3
      long executions = LATENCY_SAMPLES + 6;
      awaitCount(
          "SELECT SUM(executions) FROM query_executions",
          executions,
          Duration.ofSeconds(30),
          Duration.ofMillis(200));
      // Offsets are committed to the group on checkpoints, so its lag is visible to Kafka tools.
      awaitCommitted("g-stream", 1, bad.offset() + 1 + 1, Duration.ofSeconds(30));
      assertThat(sourceMetricNames(job)).anyMatch(name -> name.endsWith("pendingRecords"));
    } finally {
      job.cancel().get();
    }
    Map<String, Long> counts = executionsPerDay();
    long edgeRows = StoreContents.count(store, "SELECT COUNT(*) FROM lineage_edges");
    assertThat(counts.values()).containsExactly((long) LATENCY_SAMPLES + 6);

    // A new job without checkpoint reads the day again from its start: the same counts.
    JobClient rerun = stream("g-rerun", Duration.ofSeconds(1));
    try {
      awaitCommitted("g-rerun", 1, kafka.endOffset(topic, 1), Duration.ofSeconds(60));
      awaitCommitted("g-rerun", 0, kafka.endOffset(topic, 0), Duration.ofSeconds(60));
      Thread.sleep(3_000); // a stats interval and a sink flush after the last record
    } finally {
      rerun.cancel().get();
    }
    assertThat(executionsPerDay()).isEqualTo(counts);
    assertThat(StoreContents.count(store, "SELECT COUNT(*) FROM lineage_edges"))
        .isEqualTo(edgeRows);
    assertThat(StoreContents.count(store, "SELECT COUNT(*) FROM dead_letters")).isEqualTo(1);
    assertThat(median(latencies)).as("median of %s", latencies).isLessThan(2_000);
    assertThat(latencies).allMatch(ms -> ms < 2_000, "every edge within 2 s");
  }

  private static final int LATENCY_SAMPLES = 21;

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }

  private JobSummary backfill(Instant from, Instant to, String group) throws Exception {
    var options = PipelineOptions.defaults("postgresql").withRange(from, to);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    BackfillJob.define(env, settings(source(group), options, Duration.ofSeconds(10)), storeOut());
    return JobSummary.of(env.execute("kafka backfill").getAllAccumulatorResults(), 1);
  }

  private JobClient stream(String group, Duration checkpoints) throws Exception {
    var options =
        PipelineOptions.defaults("postgresql")
            .withStateTtl(Duration.ofHours(1))
            .withStatsFlushInterval(Duration.ofSeconds(1));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    StreamingJob.define(env, settings(source(group), options, checkpoints), storeOut());
    return env.executeAsync("kafka streaming");
  }

  private QuerySourceSpec.Kafka source(String group) {
    return new QuerySourceSpec.Kafka(
        kafka.bootstrapServers(), List.of(topic), null, group, Map.of(), null);
  }

  private JobSettings settings(
      QuerySourceSpec source, PipelineOptions options, Duration checkpoints) {
    return JobSettings.builder(source, options, database.jdbcUrl())
        .parallelism(1)
        .checkpointInterval(checkpoints)
        .restartAttempts(1)
        .restartDelay(Duration.ofSeconds(1))
        .build();
  }

  private StorePipelineStore storeOut() {
    return new StorePipelineStore(database.jdbcUrl());
  }

  private String position(RecordMetadata m) {
    return m.topic() + "-" + m.partition() + "@" + m.offset();
  }

  private static String statement(String id, String sql, Instant start) {
    return "{\"query_id\": \""
        + id
        + "\", \"sql\": \""
        + sql
        + "\", \"start_time\": \""
        + start
        + "\", \"database_name\": \"analytics\", \"schema_name\": \"public\"}";
  }

  /** Day (UTC) → executions counted under this test's topic. */
  private Map<String, Long> executionsPerDay() throws SQLException {
    Map<String, Long> days = new TreeMap<>();
    try (Connection c = store.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT day_start, SUM(executions) FROM query_executions WHERE origin = 'kafka://"
                    + topic
                    + "' GROUP BY day_start")) {
      while (rs.next()) {
        days.put(
            rs.getObject(1, java.time.OffsetDateTime.class).toInstant().toString().substring(0, 10),
            rs.getLong(2));
      }
    }
    assertThat(
            StoreContents.count(
                store,
                "SELECT COUNT(*) FROM query_executions WHERE origin <> 'kafka://" + topic + "'"))
        .isZero();
    return days;
  }

  private Set<String> deadLetterIds() throws SQLException {
    Set<String> ids = new HashSet<>();
    try (Connection c = store.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT query_id FROM dead_letters")) {
      while (rs.next()) {
        ids.add(rs.getString(1));
      }
    }
    return ids;
  }

  /** The metric names of the job's source vertex, as the dashboard lists them. */
  private List<String> sourceMetricNames(JobClient job) throws Exception {
    var config = MINI_CLUSTER.getClientConfiguration();
    String base = "http://" + config.get(RestOptions.ADDRESS) + ":" + config.get(RestOptions.PORT);
    HttpClient http = HttpClient.newHttpClient();
    ObjectMapper json = new ObjectMapper();
    JsonNode vertices =
        json.readTree(get(http, base + "/jobs/" + job.getJobID() + "")).get("vertices");
    String vertex = null;
    for (JsonNode v : vertices) {
      if (v.get("name").asText().startsWith("Source: Kafka")) {
        vertex = v.get("id").asText();
      }
    }
    assertThat(vertex).as("the Kafka source vertex").isNotNull();
    List<String> names = new ArrayList<>();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (names.stream().noneMatch(n -> n.endsWith("pendingRecords"))
        && System.nanoTime() < deadline) {
      names.clear();
      for (JsonNode m :
          json.readTree(
              get(http, base + "/jobs/" + job.getJobID() + "/vertices/" + vertex + "/metrics"))) {
        names.add(m.get("id").asText());
      }
      Thread.sleep(500);
    }
    return names;
  }

  private static String get(HttpClient http, String url) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
        .body();
  }

  private void awaitCommitted(String group, int partition, long offset, Duration timeout)
      throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (kafka.committedOffset(group, topic, partition) < offset) {
      if (System.nanoTime() > deadline) {
        assertThat(kafka.committedOffset(group, topic, partition)).isGreaterThanOrEqualTo(offset);
      }
      Thread.sleep(200);
    }
  }

  private void awaitEdges(Set<String> edges, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!StoreContents.edgeNames(store).containsAll(edges)) {
      if (System.nanoTime() > deadline) {
        assertThat(StoreContents.edgeNames(store)).containsAll(edges);
      }
      Thread.sleep(10);
    }
  }

  private void awaitCount(String sql, long expected, Duration timeout, Duration poll)
      throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (StoreContents.count(store, sql) < expected) {
      if (System.nanoTime() > deadline) {
        assertThat(StoreContents.count(store, sql)).isEqualTo(expected);
      }
      Thread.sleep(poll.toMillis());
    }
  }
}
