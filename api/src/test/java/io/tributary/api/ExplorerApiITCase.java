package io.tributary.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.connectors.store.DeadLetter;
import io.tributary.connectors.store.DeadLetterReason;
import io.tributary.connectors.store.DerivedEdge;
import io.tributary.connectors.store.Direction;
import io.tributary.connectors.store.QueryExecutions;
import io.tributary.connectors.store.QuerySeen;
import io.tributary.connectors.store.StoreIds;
import io.tributary.sql.model.LineageKind;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the lineage explorer asks for: a table's column-level graph, why an edge exists, the store's
 * counts and its dead letters; and the page itself, which needs no token while its data does. Each
 * database gets its own store, so the counts are exact.
 */
public abstract class ExplorerApiITCase extends ApiITCaseBase {

  private static final Instant T1 = Instant.parse("2025-03-01T10:00:00Z");
  private static final Instant T2 = Instant.parse("2025-03-04T10:00:00Z");
  private static final String FINGERPRINT = "f".repeat(64);
  private static final String SQL =
      "INSERT INTO customer_orders SELECT customer_id, COALESCE(order_id, 0) FROM orders";

  private UUID orders;
  private UUID customerOrders;

  @BeforeAll
  void fill() {
    orders = tableId("orders");
    customerOrders = tableId("customer_orders");
    store
        .edges()
        .upsertDerived(
            List.of(
                new DerivedEdge(orders, customerOrders, T1, Optional.of(FINGERPRINT)),
                new DerivedEdge(
                    columnId("orders", "customer_id"),
                    columnId("customer_orders", "customer_id"),
                    T1,
                    Optional.of(FINGERPRINT),
                    LineageKind.DIRECT),
                new DerivedEdge(
                    columnId("orders", "order_id"),
                    columnId("customer_orders", "order_id"),
                    T2,
                    Optional.of(FINGERPRINT),
                    LineageKind.DERIVED)));
    store.edges().createManual(tableId("customers"), customerOrders, Direction.DOWNSTREAM);
    store.queries().recordSeen(List.of(new QuerySeen(FINGERPRINT, SQL, "snowflake", T1, T2)));
    store
        .queries()
        .recordExecutions(
            List.of(
                new QueryExecutions(FINGERPRINT, "file:/a.jsonl", T1, 4, T1, T1),
                new QueryExecutions(FINGERPRINT, "file:/a.jsonl", T2, 3, T2, T2)));
    List<DeadLetter> letters = new ArrayList<>();
    for (int i = 0; i < 55; i++) {
      letters.add(
          new DeadLetter(
              UUID.randomUUID(),
              Optional.of("q" + i),
              Optional.empty(),
              "SELEC " + i,
              Optional.of("snowflake"),
              i % 5 == 0 ? DeadLetterReason.TIMEOUT : DeadLetterReason.PARSE_ERROR,
              "message " + i,
              T1.plusSeconds(i)));
    }
    store.queries().addDeadLetters(letters);
  }

  @Test
  void aTablesColumnGraphStartsFromEveryColumn() {
    JsonNode g =
        get("/lineage/column_graph?table_id=" + orders + "&direction=downstream&depth=1").json();
    assertThat(g.get("table_id").asText()).isEqualTo(orders.toString());
    List<String> atZero = new ArrayList<>();
    List<String> reached = new ArrayList<>();
    g.get("nodes")
        .forEach(
            n ->
                (n.get("depth").asInt() == 0 ? atZero : reached)
                    .add(n.get("table_title").asText() + "." + n.get("title").asText()));
    assertThat(atZero).containsExactly("orders.order_id", "orders.customer_id", "orders.amount");
    assertThat(reached)
        .containsExactlyInAnyOrder("customer_orders.customer_id", "customer_orders.order_id");
    assertThat(g.get("edges")).hasSize(2);
    g.get("edges").forEach(e -> assertThat(e.get("direction").asText()).isEqualTo("DOWNSTREAM"));
    Map<String, String> kindInto = new HashMap<>();
    g.get("edges").forEach(e -> kindInto.put(e.get("to_entity").asText(), e.get("kind").asText()));
    assertThat(kindInto)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                columnId("customer_orders", "customer_id").toString(), "direct",
                columnId("customer_orders", "order_id").toString(), "derived"));
    assertThat(g.get("truncated").asBoolean()).isFalse();

    JsonNode up =
        get("/lineage/column_graph?table_id=" + customerOrders + "&direction=upstream").json();
    assertThat(up.get("nodes")).hasSize(4);
    assertThat(up.get("depth").asInt()).isEqualTo(3);

    assertThat(get("/lineage/column_graph?table_id=" + columnId("orders", "amount")).status())
        .isEqualTo(400);
    assertThat(get("/lineage/column_graph").status()).isEqualTo(400);
    assertThat(get("/lineage/column_graph?table_id=" + orders + "&depth=1000").status())
        .isEqualTo(400);
    assertThat(get("/lineage/column_graph?table_id=" + UUID.randomUUID()).status()).isEqualTo(404);
  }

  @Test
  void anEdgeShowsTheQueriesBehindIt() {
    UUID from = columnId("orders", "order_id");
    UUID to = columnId("customer_orders", "order_id");
    for (UUID id :
        List.of(
            StoreIds.edgeId(from, to, Direction.DOWNSTREAM),
            StoreIds.edgeId(to, from, Direction.UPSTREAM))) {
      Response r = get("/lineage/edges/" + id + "/queries");
      assertThat(r.status()).isEqualTo(200);
      JsonNode p = r.json();
      assertThat(p.at("/edge/id").asText()).isEqualTo(id.toString());
      assertThat(p.at("/edge/provenance").asText()).isEqualTo("query");
      assertThat(p.at("/edge/is_manual").asBoolean()).isFalse();
      assertThat(p.at("/edge/first_seen").asText()).isEqualTo("2025-03-04T10:00:00.000000Z");
      assertThat(p.at("/edge/query_fingerprint").asText()).isEqualTo(FINGERPRINT);
      assertThat(p.at("/edge/kind").asText()).isEqualTo("derived");
      assertThat(p.at("/source/title").asText()).isEqualTo("order_id");
      assertThat(p.at("/source/table_title").asText()).isEqualTo("orders");
      assertThat(p.at("/target/table_title").asText()).isEqualTo("customer_orders");
      assertThat(p.get("queries")).hasSize(1);
      JsonNode q = p.at("/queries/0");
      assertThat(q.get("fingerprint").asText()).isEqualTo(FINGERPRINT);
      assertThat(q.get("sample_sql").asText()).isEqualTo(SQL);
      assertThat(q.get("dialect").asText()).isEqualTo("snowflake");
      assertThat(q.get("first_seen").asText()).isEqualTo("2025-03-01T10:00:00.000000Z");
      assertThat(q.get("last_seen").asText()).isEqualTo("2025-03-04T10:00:00.000000Z");
      assertThat(q.get("executions").asLong()).isEqualTo(7);
    }

    JsonNode manual =
        get("/lineage/edges/"
                + StoreIds.edgeId(tableId("customers"), customerOrders, Direction.DOWNSTREAM)
                + "/queries")
            .json();
    assertThat(manual.at("/edge/provenance").asText()).isEqualTo("manual");
    assertThat(manual.at("/edge/is_manual").asBoolean()).isTrue();
    assertThat(manual.at("/edge/query_fingerprint").isNull()).isTrue();
    assertThat(manual.get("edge").has("kind")).isFalse();
    assertThat(manual.get("queries")).isEmpty();

    assertThat(get("/lineage/edges/" + UUID.randomUUID() + "/queries").status()).isEqualTo(404);
    Response bad = get("/lineage/edges/not-an-id/queries");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("message").asText()).contains("lineage_id is not a valid id");
  }

  @Test
  void theStoresCountsAndItsDeadLettersPageByPage() {
    JsonNode s = get("/store/stats").json();
    assertThat(s.at("/resources/table").asLong()).isEqualTo(3);
    assertThat(s.at("/resources/view").asLong()).isZero();
    assertThat(s.at("/resources/column").asLong()).isEqualTo(7);
    assertThat(s.at("/resources/discovered").asLong()).isZero();
    assertThat(s.at("/edges/relationships").asLong()).isEqualTo(4);
    assertThat(s.at("/edges/manual").asLong()).isEqualTo(1);
    assertThat(s.at("/edges/tombstones").asLong()).isZero();
    assertThat(s.at("/queries/seen").asLong()).isEqualTo(1);
    assertThat(s.at("/queries/executions").asLong()).isEqualTo(7);
    assertThat(s.at("/dead_letters/total").asLong()).isEqualTo(55);
    assertThat(s.at("/dead_letters/by_reason/PARSE_ERROR").asLong()).isEqualTo(44);
    assertThat(s.at("/dead_letters/by_reason/TIMEOUT").asLong()).isEqualTo(11);
    assertThat(s.at("/limits/max_graph_depth").asInt())
        .isEqualTo(ApiConfig.defaults().maxGraphDepth());

    JsonNode first = get("/store/dead_letters").json();
    assertThat(first.get("count").asLong()).isEqualTo(55);
    assertThat(first.get("total_pages").asInt()).isEqualTo(2);
    assertThat(first.get("results")).hasSize(50);
    assertThat(first.at("/results/0/statement").asText()).isEqualTo("SELEC 54");
    assertThat(first.at("/results/0/reason").asText()).isEqualTo("PARSE_ERROR");
    assertThat(first.at("/results/0/query_id").asText()).isEqualTo("q54");
    assertThat(first.at("/results/0/occurred_at").asText())
        .isEqualTo("2025-03-01T10:00:54.000000Z");
    assertThat(first.at("/meta/next_page").asInt()).isEqualTo(2);
    JsonNode second = get("/store/dead_letters?page=2").json();
    assertThat(second.get("results")).hasSize(5);
    assertThat(second.at("/results/4/statement").asText()).isEqualTo("SELEC 0");
    assertThat(second.at("/results/4/reason").asText()).isEqualTo("TIMEOUT");
    assertThat(get("/store/dead_letters?page=0").status()).isEqualTo(400);
  }

  @Test
  void thePageAndItsAssetsNeedNoTokenButTheDataDoes() {
    Response page = send(HttpRequest.newBuilder(URI.create(base + "/")).GET());
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.contentType()).startsWith("text/html");
    assertThat(page.text()).contains("Tributary lineage explorer", "/explorer/explorer.js");
    assertThat(page.header("Content-Security-Policy")).contains("default-src 'self'");

    for (String asset : List.of("explorer.js", "layout.js", "explorer.css")) {
      Response r = send(HttpRequest.newBuilder(URI.create(base + "/explorer/" + asset)).GET());
      assertThat(r.status()).as(asset).isEqualTo(200);
      assertThat(r.header("Content-Security-Policy")).contains("default-src 'self'");
    }
    assertThat(send(HttpRequest.newBuilder(URI.create(base + "/explorer/nope.js")).GET()).status())
        .isEqualTo(404);
    for (String data : List.of("/store/stats", "/store/dead_letters", "/lineage/column_graph")) {
      Response r = send(HttpRequest.newBuilder(URI.create(base + data)).GET());
      assertThat(r.status()).as(data).isEqualTo(401);
      assertThat(r.json().get("message").asText()).isNotBlank();
    }
    // Only reads are open under the assets' path.
    Response write =
        send(
            HttpRequest.newBuilder(URI.create(base + "/explorer/explorer.js"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
    assertThat(write.status()).isEqualTo(401);
  }
}
