package io.tributary.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.api.service.OpenLineageService;
import io.tributary.connectors.store.StoreCatalog;
import io.tributary.sql.model.TableName;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/v1/lineage}: OpenLineage run events from Spark, Airflow, dbt and Flink (written
 * from the OpenLineage spec, under {@code openlineage/} in the test resources) land in the same
 * graph as query-log lineage; bad events are a 400 that writes nothing. Each test uses its own
 * tables, so the order they run in does not matter.
 */
abstract class OpenLineageApiITCase extends ApiITCaseBase {

  private static final String PATH = "/api/v1/lineage";

  @Test
  void sparkJobWritesTableAndColumnEdgesAndRegistersSchemaColumns() {
    Response r = post(PATH, event("spark-job.json"));

    assertThat(r.status()).as(r.text()).isEqualTo(201);
    assertThat(r.json().path("event_type").asText()).isEqualTo("COMPLETE");
    assertThat(r.json().path("lineage_written").asBoolean()).isTrue();
    // order_totals and its 3 schema columns, and orders.status (the catalog knows the rest)
    assertThat(r.json().path("resources_registered").asInt()).isEqualTo(5);
    assertThat(r.json().path("table_edges").asInt()).isEqualTo(1);
    assertThat(r.json().path("column_edges").asInt()).isEqualTo(2);

    UUID totals = table("production", "public", "order_totals");
    assertThat(upstream(totals)).containsExactly(tableId("orders"));
    assertThat(upstream(column(totals, "customer_id")))
        .containsExactly(columnId("orders", "customer_id"));
    // a sum of amount: a column edge; status only filters rows (INDIRECT): none
    assertThat(upstream(column(totals, "total_amount")))
        .containsExactly(columnId("orders", "amount"));
    assertThat(upstream(column(totals, "loaded_at"))).isEmpty();
    assertThat(upstream(columnId("orders", "status"))).isEmpty();
    JsonNode loadedAt = get("/resources/" + column(totals, "loaded_at")).json();
    assertThat(loadedAt.path("title").asText()).isEqualTo("loaded_at");
    assertThat(loadedAt.path("native_type").asText()).isEqualTo("timestamp");
    // the catalog's own type is kept: a reported type never overwrites it
    assertThat(get("/resources/" + columnId("orders", "amount")).json().path("type").asText())
        .isEqualTo("numeric");

    // The job and run are the edge's provenance.
    JsonNode edge = edgeInto(totals, tableId("orders"));
    JsonNode why = get("/lineage/edges/" + edge.path("id").asText() + "/queries").json();
    assertThat(why.at("/edge/query_fingerprint").asText())
        .isEqualTo(
            OpenLineageService.jobFingerprint(
                "spark-etl", "order_totals.execute_insert_into_hadoop_fs_relation_command"));
    assertThat(why.at("/queries/0/dialect").asText()).isEqualTo("openlineage");
    assertThat(why.at("/queries/0/sample_sql").asText())
        .contains("spark-etl/order_totals.execute_insert_into_hadoop_fs_relation_command")
        .contains("0195541c-7a1e-7b52-9d6a-2f1f3c0c8a01");
    assertThat(why.at("/queries/0/first_seen").asText()).startsWith("2026-03-02T04:15:30");

    // The same event again writes the same edges: nothing new.
    long relationships = relationships();
    Response again = post(PATH, event("spark-job.json"));
    assertThat(again.status()).isEqualTo(201);
    assertThat(again.json().path("resources_registered").asInt()).isZero();
    assertThat(relationships()).isEqualTo(relationships);
  }

  @Test
  void airflowTaskLandsOnTheEdgesOfQueryLogLineageWithoutDuplicates() {
    String sql = tree(event("airflow-task.json")).at("/job/facets/sql/query").asText();
    Response fromQuery =
        post("/lineage/lineage_from_query", json("sql", sql, "dialect", "postgresql"));
    assertThat(fromQuery.status()).as(fromQuery.text()).isEqualTo(200);
    UUID target = tableId("customer_orders");
    Set<UUID> tableUpstream = upstream(target);
    Set<UUID> customerIdUpstream = upstream(columnId("customer_orders", "customer_id"));
    Set<UUID> orderIdUpstream = upstream(columnId("customer_orders", "order_id"));
    assertThat(tableUpstream).containsExactlyInAnyOrder(tableId("customers"), tableId("orders"));
    long relationships = relationships();
    long resources = resourceCount();

    Response r = post(PATH, event("airflow-task.json"));

    assertThat(r.status()).as(r.text()).isEqualTo(201);
    assertThat(r.json().path("event_type").asText()).isEqualTo("START");
    assertThat(r.json().path("table_edges").asInt()).isEqualTo(2);
    assertThat(r.json().path("column_edges").asInt()).isEqualTo(2);
    assertThat(r.json().path("resources_registered").asInt()).isZero();
    assertThat(relationships()).isEqualTo(relationships);
    assertThat(resourceCount()).isEqualTo(resources);
    assertThat(upstream(target)).isEqualTo(tableUpstream);
    assertThat(upstream(columnId("customer_orders", "customer_id")))
        .isEqualTo(customerIdUpstream)
        .containsExactly(columnId("customers", "customer_id"));
    assertThat(upstream(columnId("customer_orders", "order_id")))
        .isEqualTo(orderIdUpstream)
        .containsExactly(columnId("orders", "order_id"));
  }

  @Test
  void dbtModelRegistersBothDatasetsAndTheirColumnFlows() {
    Response r = post(PATH, event("dbt-model.json"));

    assertThat(r.status()).as(r.text()).isEqualTo(201);
    assertThat(r.json().path("resources_registered").asInt()).isEqualTo(9);
    assertThat(r.json().path("table_edges").asInt()).isEqualTo(1);
    assertThat(r.json().path("column_edges").asInt()).isEqualTo(3);
    UUID payments = table("raw", "billing", "payments");
    UUID staged = table("analytics", "staging", "stg_payments");
    assertThat(upstream(staged)).containsExactly(payments);
    assertThat(upstream(column(staged, "payment_id"))).containsExactly(column(payments, "id"));
    assertThat(upstream(column(staged, "amount_usd"))).containsExactly(column(payments, "amount"));
    assertThat(upstream(column(staged, "order_id"))).containsExactly(column(payments, "order_id"));
    assertThat(get("/resources/" + column(payments, "created")).status()).isEqualTo(200);
    JsonNode staging = get("/resources/" + staged).json();
    assertThat(staging.path("database_name").asText()).isEqualTo("analytics");
    assertThat(staging.path("schema_name").asText()).isEqualTo("staging");
  }

  @Test
  void flinkJobWithoutColumnLineageWritesTableEdges() {
    Response r = post(PATH, event("flink-job.json"));

    assertThat(r.status()).as(r.text()).isEqualTo(201);
    assertThat(r.json().path("event_type").asText()).isEqualTo("RUNNING");
    assertThat(r.json().path("table_edges").asInt()).isEqualTo(2);
    assertThat(r.json().path("column_edges").asInt()).isZero();
    UUID topic =
        store
            .catalog()
            .resolve(TableName.of("payment_events"))
            .map(StoreCatalog.StoredTable::id)
            .orElseThrow();
    UUID enriched = table(null, "lake", "payments_enriched");
    assertThat(upstream(enriched)).containsExactlyInAnyOrder(topic, tableId("customers"));
    assertThat(get("/resources/" + column(enriched, "customer_name")).status()).isEqualTo(200);
    assertThat(get("/resources/" + column(topic, "amount")).status()).isEqualTo(200);
  }

  @Test
  void abortAndFailAreAcceptedAndWriteNothing() {
    for (String type : new String[] {"ABORT", "FAIL"}) {
      String body =
          edit(
              "spark-job.json",
              e -> {
                e.put("eventType", type);
                ((ObjectNode) e.at("/outputs/0")).put("name", "production.public.failed_" + type);
              });
      long relationships = relationships();
      long resources = resourceCount();
      Response r = post(PATH, body);
      assertThat(r.status()).as(r.text()).isEqualTo(201);
      assertThat(r.json().path("lineage_written").asBoolean()).isFalse();
      assertThat(r.json().path("table_edges").asInt()).isZero();
      assertThat(relationships()).isEqualTo(relationships);
      assertThat(resourceCount()).isEqualTo(resources);
    }
  }

  @Test
  void invalidEventsAre400NamingWhatIsWrongAndWriteNothing() {
    String base = "production.public.never_written";
    Consumer<ObjectNode> fresh = e -> ((ObjectNode) e.at("/outputs/0")).put("name", base);
    assertInvalid(edit("dbt-model.json", e -> e.remove("eventTime")), "eventTime is required");
    // what the spec's core schema requires of every event
    assertInvalid(edit("dbt-model.json", e -> e.remove("producer")), "producer is required");
    assertInvalid(
        edit("dbt-model.json", e -> e.put("schemaURL", "OpenLineage.json")),
        "schemaURL must be an absolute URI");
    assertInvalid(
        edit("dbt-model.json", e -> e.put("producer", "https://x/ y")), "producer must be a URI");
    assertInvalid(
        edit("dbt-model.json", e -> e.put("eventTime", "yesterday")), "eventTime must be");
    assertInvalid(edit("dbt-model.json", e -> e.put("run", "x")), "run must be an object");
    assertInvalid(edit("dbt-model.json", e -> e.remove("run")), "run is required");
    assertInvalid(
        edit("dbt-model.json", e -> ((ObjectNode) e.get("run")).put("runId", "r-1")),
        "run.runId must be a UUID");
    assertInvalid(edit("dbt-model.json", e -> e.remove("job")), "job is required");
    assertInvalid(
        edit("dbt-model.json", e -> ((ObjectNode) e.get("job")).put("name", 7)),
        "job.name must be a string");
    assertInvalid(edit("dbt-model.json", e -> e.put("eventType", "DONE")), "eventType must be");
    assertInvalid(edit("dbt-model.json", e -> e.putObject("inputs")), "inputs must be an array");
    assertInvalid(
        edit("dbt-model.json", e -> e.withArray("inputs").add(3)), "inputs[1] must be an object");
    assertInvalid(
        edit("dbt-model.json", e -> ((ObjectNode) e.at("/inputs/0")).remove("name")),
        "inputs[0].name is required");
    // The first output is valid; the broken second one keeps it from being written.
    assertInvalid(
        edit(
            "dbt-model.json",
            e -> {
              fresh.accept(e);
              ObjectNode second = e.withArray("outputs").addObject();
              second.put("namespace", "snowflake://acme-eu1").put("name", "analytics.x.y");
              second
                  .putObject("facets")
                  .putObject("columnLineage")
                  .putObject("fields")
                  .putObject("c")
                  .putArray("inputFields")
                  .addObject()
                  .put("namespace", "snowflake://acme-eu1")
                  .put("name", "raw.billing.payments")
                  .put("field", 5);
            }),
        "outputs[1].facets.columnLineage.fields.c.inputFields[0].field must be a string");
    assertInvalid(
        edit(
            "dbt-model.json",
            e -> ((ObjectNode) e.at("/outputs/0/facets/schema")).put("fields", "payment_id")),
        "outputs[0].facets.schema.fields must be an array");
    assertInvalid(
        edit("dbt-model.json", e -> ((ObjectNode) e.at("/outputs/0")).put("name", "a..b")),
        "empty part");
    assertInvalid("[1, 2]", "JSON object");
    assertInvalid("{\"eventTime\": ", "not valid JSON");
    assertThat(
            store
                .catalog()
                .resolve(TableName.of("production", "public", "never_written"))
                .map(StoreCatalog.StoredTable::id))
        .isEmpty();
  }

  @Test
  void noTokenIs401() {
    Response r =
        send(
            HttpRequest.newBuilder(URI.create(base + PATH))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(event("flink-job.json"))));
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.json().path("status").asInt()).isEqualTo(401);
  }

  @Test
  void theOpenApiDocumentDescribesTheEndpoint() {
    JsonNode op = get("/openapi.json").json().at("/paths/~1api~1v1~1lineage/post");
    assertThat(op.isObject()).isTrue();
    assertThat(op.at("/responses/201").isObject()).isTrue();
    assertThat(op.at("/responses/200").isMissingNode()).isTrue();
    assertThat(op.at("/responses/400").isObject()).isTrue();
  }

  private void assertInvalid(String body, String message) {
    long relationships = relationships();
    long resources = resourceCount();
    Response r = post(PATH, body);
    assertThat(r.status()).as(r.text()).isEqualTo(400);
    assertThat(r.contentType()).startsWith("application/json");
    assertThat(r.json().path("message").asText()).contains(message);
    assertThat(r.text()).doesNotContain("Exception");
    assertThat(relationships()).isEqualTo(relationships);
    assertThat(resourceCount()).isEqualTo(resources);
  }

  /** The ids data flows from into {@code entity}, read through {@code GET /lineage/manual}. */
  private Set<UUID> upstream(UUID entity) {
    JsonNode page = get("/lineage/manual?to_entity__in=" + entity).json();
    assertThat(page.path("total_pages").asInt()).isLessThanOrEqualTo(1);
    Set<UUID> from = new HashSet<>();
    for (JsonNode e : page.path("results")) {
      if (e.path("direction").asText().equals("DOWNSTREAM")) {
        from.add(UUID.fromString(e.path("from_entity").asText()));
      }
    }
    return from;
  }

  private JsonNode edgeInto(UUID target, UUID source) {
    for (JsonNode e : get("/lineage/manual?to_entity__in=" + target).json().path("results")) {
      if (e.path("from_entity").asText().equals(source.toString())) {
        return e;
      }
    }
    throw new AssertionError("no edge " + source + " -> " + target);
  }

  private long relationships() {
    return get("/store/stats").json().at("/edges/relationships").asLong();
  }

  private long resourceCount() {
    JsonNode resources = get("/store/stats").json().path("resources");
    long n = 0;
    for (var it = resources.fields(); it.hasNext(); ) {
      var f = it.next();
      if (!f.getKey().equals("discovered")) {
        n += f.getValue().asLong();
      }
    }
    return n;
  }

  private UUID table(String database, String schema, String name) {
    return store
        .catalog()
        .resolve(TableName.of(database, schema, name))
        .map(StoreCatalog.StoredTable::id)
        .orElseThrow();
  }

  private UUID column(UUID table, String column) {
    return store.resources().columns(table).stream()
        .filter(c -> c.title().equals(column))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no column " + column + " in " + table))
        .id();
  }

  private static String event(String name) {
    try (InputStream in = OpenLineageApiITCase.class.getResourceAsStream("/openlineage/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static JsonNode tree(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String edit(String name, Consumer<ObjectNode> change) {
    ObjectNode event = (ObjectNode) tree(event(name));
    change.accept(event);
    return event.toString();
  }
}
