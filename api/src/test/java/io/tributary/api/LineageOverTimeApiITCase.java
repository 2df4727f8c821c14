package io.tributary.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.connectors.store.DerivedEdge;
import io.tributary.connectors.store.DiscoveredResources;
import io.tributary.connectors.store.QueryExecutions;
import io.tributary.connectors.store.QuerySeen;
import io.tributary.connectors.store.QueryUser;
import io.tributary.connectors.store.ResourceRow;
import io.tributary.sql.model.TableName;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Lineage over time through real HTTP: a PATCH retires what it does not write (kept, with when and
 * why) and older history cannot bring it back; {@code as_of}, {@code include_retired} and {@code
 * include_dropped} on the lists and the graph; {@code /resources/{id}/usage}.
 */
public abstract class LineageOverTimeApiITCase extends ApiITCaseBase {

  private static final Instant OLD = Instant.parse("2024-01-10T08:00:00Z");

  private static String unique(String name) {
    return name + "_" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** A table only seen in queries, with these columns. */
  private ResourceRow discovered(String name, String... columns) {
    TableName table = TableName.of("production", "public", name);
    return DiscoveredResources.register(store, table, columns).get(0);
  }

  /** The source of each DOWNSTREAM edge listed. */
  private List<String> sources(JsonNode page) {
    List<String> result = new ArrayList<>();
    page.get("results")
        .forEach(
            e -> {
              if (e.get("direction").asText().equals("DOWNSTREAM")) {
                result.add(e.get("from_entity").asText());
              }
            });
    return result;
  }

  private void assertError(Response r, int status) {
    assertThat(r.status()).as(r.text()).isEqualTo(status);
    assertThat(r.json().path("message").asText()).isNotBlank();
    assertThat(r.text()).doesNotContain("\tat ").doesNotContain("Exception");
  }

  @Test
  void aPatchRetiresWhatItDoesNotWriteAndOlderHistoryCannotBringItBack() {
    String name = unique("patched");
    ResourceRow target = discovered(name, "customer_id");
    UUID orders = tableId("orders");
    UUID customers = tableId("customers");
    // the backfill of last year's history wrote orders -> target
    DerivedEdge old = new DerivedEdge(orders, target.id(), OLD, Optional.of("f_old"));
    store.edges().upsertDerived(List.of(old));
    String list = "/lineage/manual?to_entity__in=" + target.id();
    assertThat(sources(get(list).json())).containsExactly(orders.toString());

    Response patched =
        patch(
            "/lineage/lineage_from_query",
            json(
                "sql", "INSERT INTO " + name + " (customer_id) SELECT customer_id FROM customers",
                "dialect", "postgresql",
                "default_database", "production",
                "default_schema", "public"));
    assertThat(patched.status()).as(patched.text()).isEqualTo(200);
    assertThat(sources(get(list).json())).containsExactly(customers.toString());

    // kept, with when and why
    JsonNode all = get(list + "&include_retired=true").json();
    assertThat(sources(all)).containsExactlyInAnyOrder(orders.toString(), customers.toString());
    for (JsonNode e : all.get("results")) {
      if (e.get("from_entity").asText().equals(orders.toString())) {
        assertThat(e.get("retired_reason").asText()).isEqualTo("lineage_from_query");
        assertThat(Instant.parse(e.get("retired_at").asText())).isAfter(OLD);
      } else {
        assertThat(e.get("retired_at").isNull()).isTrue();
      }
    }
    // as of a date before the PATCH: the old lineage
    assertThat(sources(get(list + "&as_of=2024-06-01").json())).containsExactly(orders.toString());
    assertThat(sources(get(list + "&as_of=2024-01-09").json())).isEmpty();
    assertThat(sources(get(list + "&as_of=2024-01-10T08:00:00Z").json()))
        .containsExactly(orders.toString());

    // the next backfill of older history does not bring it back...
    store.edges().upsertDerived(List.of(old));
    assertThat(sources(get(list).json())).containsExactly(customers.toString());
    // ...the graph leaves it out too, unless asked...
    String graph = "/lineage/graph?direction=upstream&depth=1&entity_id=" + target.id();
    assertThat(get(graph).json().get("edges")).hasSize(1);
    JsonNode withRetired = get(graph + "&include_retired=true").json();
    assertThat(withRetired.get("edges")).hasSize(2);
    assertThat(withRetired.get("nodes")).hasSize(3);
    // ...and a newer execution of a query that writes it does.
    Instant newer = Instant.now().plus(1, ChronoUnit.HOURS);
    store
        .edges()
        .upsertDerived(List.of(new DerivedEdge(orders, target.id(), newer, Optional.of("f_old"))));
    assertThat(sources(get(list).json()))
        .containsExactlyInAnyOrder(orders.toString(), customers.toString());
  }

  @Test
  void droppedResourcesLeaveListsAndTheGraphUnlessAsked() {
    String name = unique("dropped");
    ResourceRow table = discovered(name, "x");
    ResourceRow reader = discovered(unique("reader"), "x");
    store
        .edges()
        .upsertDerived(List.of(new DerivedEdge(table.id(), reader.id(), OLD, Optional.empty())));
    store.schemaHistory().drop(TableName.of("production", "public", name), OLD.plusSeconds(3600));

    String byTitle = "/resources?entity_type=table&title=" + name;
    assertThat(get(byTitle).json().get("count").asInt()).isZero();
    assertThat(get(byTitle + "&include_dropped=true").json().get("count").asInt()).isEqualTo(1);
    assertThat(get(byTitle + "&as_of=2024-01-10T08:30:00Z").json().get("count").asInt())
        .isEqualTo(1);
    // its columns go with it
    String columns = "/resources?entity_type=column&search=x&as_of=2024-01-10T08:30:00Z";
    assertThat(get(columns).json().toString()).contains(table.id().toString());
    assertThat(get("/resources?entity_type=column&search=x").json().toString())
        .doesNotContain(table.id().toString());

    String graph = "/lineage/graph?direction=upstream&depth=2&entity_id=" + reader.id();
    assertThat(get(graph).json().get("edges")).isEmpty();
    assertThat(get(graph + "&include_dropped=true").json().get("edges")).hasSize(1);
    assertThat(get(graph + "&as_of=2024-01-10T08:30:00Z").json().get("edges")).hasSize(1);
  }

  @Test
  void usageSaysHowOftenAndByWhomAResourceIsReadAndWritten() {
    ResourceRow source = discovered(unique("usage_src"), "x");
    ResourceRow table = discovered(unique("usage_t"), "x");
    ResourceRow sink = discovered(unique("usage_sink"), "x");
    String fill = unique("fill"), read = unique("read");
    Instant day = Instant.parse("2024-05-01T00:00:00Z");
    store
        .queries()
        .recordSeen(
            List.of(
                new QuerySeen(fill, "INSERT INTO t SELECT x FROM src", "postgresql", day, day),
                new QuerySeen(read, "INSERT INTO sink SELECT x FROM t", "postgresql", day, day)));
    store
        .queries()
        .recordExecutions(
            List.of(
                new QueryExecutions(fill, "log", day, 4, day, day),
                new QueryExecutions(read, "log", day, 9, day, day)));
    store
        .usage()
        .recordUsers(List.of(new QueryUser(fill, "etl", day), new QueryUser(read, "bi", day)));
    store
        .edges()
        .upsertDerived(
            List.of(
                new DerivedEdge(source.id(), table.id(), day, Optional.of(fill)),
                new DerivedEdge(table.id(), sink.id(), day.plusSeconds(60), Optional.of(read))));

    Response usage = get("/resources/" + table.id() + "/usage");
    assertThat(usage.status()).as(usage.text()).isEqualTo(200);
    JsonNode u = usage.json();
    assertThat(u.get("executions").asLong()).isEqualTo(13);
    assertThat(u.get("distinct_users").asLong()).isEqualTo(2);
    assertThat(u.get("last_read").asText()).isEqualTo("2024-05-01T00:01:00.000000Z");
    assertThat(u.get("last_written").asText()).isEqualTo("2024-05-01T00:00:00.000000Z");
    assertThat(u.get("top_queries")).hasSize(2);
    assertThat(u.at("/top_queries/0/fingerprint").asText()).isEqualTo(read);
    assertThat(u.at("/top_queries/0/reads").asBoolean()).isTrue();
    assertThat(u.at("/top_queries/0/writes").asBoolean()).isFalse();
    assertThat(u.at("/top_queries/1/executions").asLong()).isEqualTo(4);
    assertThat(get("/resources/" + table.id() + "/usage?top=1").json().get("top_queries"))
        .hasSize(1);

    assertError(get("/resources/" + UUID.randomUUID() + "/usage"), 404);
    assertError(get("/resources/" + table.id() + "/usage?top=0"), 400);
    assertError(get("/resources/not-an-id/usage"), 400);
  }

  @Test
  void theOpenApiDocumentDescribesTheTimeParametersAndUsage() {
    JsonNode paths = get("/openapi.json").json().get("paths");
    assertThat(paths.has("/resources/{resource_id}/usage")).isTrue();
    for (String path : List.of("/lineage/manual", "/lineage/graph", "/lineage/column_graph")) {
      List<String> names = new ArrayList<>();
      paths.get(path).get("get").get("parameters").forEach(p -> names.add(p.get("name").asText()));
      assertThat(names).as(path).contains("as_of", "include_retired", "include_dropped");
    }
  }

  @Test
  void badTimeParametersAreClearErrors() {
    assertError(get("/lineage/manual?as_of=yesterday"), 400);
    assertError(get("/resources?as_of=2024-13-01"), 400);
    assertError(get("/lineage/manual?include_retired=yes"), 400);
    assertError(get("/lineage/graph?entity_id=" + tableId("orders") + "&include_dropped=1"), 400);
    assertThat(get("/resources?as_of=2024-01-01T00:00:00").status()).isEqualTo(200);
  }
}
