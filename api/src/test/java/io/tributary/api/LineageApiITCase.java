package io.tributary.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.connectors.store.DerivedEdge;
import io.tributary.connectors.store.Direction;
import io.tributary.connectors.store.EntityType;
import io.tributary.connectors.store.ResourceRow;
import io.tributary.connectors.store.StoreIds;
import io.tributary.sql.model.TableName;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every endpoint, status and JSON field of the Lineage API over real HTTP. */
public abstract class LineageApiITCase extends ApiITCaseBase {

  private static final Pattern TIME =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}Z");
  private static final List<String> EDGE_FIELDS =
      List.of(
          "id", "created_at", "updated_at", "from_entity", "to_entity", "direction", "is_manual");
  private static final List<String> TABLE_FIELDS =
      List.of(
          "id",
          "created_at",
          "updated_at",
          "title",
          "schema_name",
          "database_name",
          "native_type",
          "integration_id",
          "integration_title",
          "integration_type");
  private static final String SEED_SQL =
      "SELECT a.customer_id, b.order_id FROM customers a JOIN orders b ON a.customer_id = b.customer_id";

  private static List<String> fields(JsonNode node) {
    List<String> names = new ArrayList<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    return names;
  }

  /** A new table resource (with one column) to hang edges on, outside the shared catalog. */
  private UUID newTable(String name) {
    ResourceRow table =
        ResourceRow.table(
            Optional.empty(),
            Optional.of("scratch"),
            Optional.of("s"),
            name + "_" + UUID.randomUUID().toString().substring(0, 8),
            EntityType.TABLE,
            Optional.empty(),
            false);
    store.resources().upsert(List.of(table));
    return table.id();
  }

  private void assertEdge(JsonNode edge, UUID from, UUID to, String direction, boolean manual) {
    assertThat(fields(edge)).containsExactlyElementsOf(EDGE_FIELDS);
    assertThat(edge.get("from_entity").asText()).isEqualTo(from.toString());
    assertThat(edge.get("to_entity").asText()).isEqualTo(to.toString());
    assertThat(edge.get("direction").asText()).isEqualTo(direction);
    assertThat(edge.get("is_manual").asBoolean()).isEqualTo(manual);
    assertThat(edge.get("is_manual").isBoolean()).isTrue();
    assertThat(edge.get("created_at").asText()).matches(TIME);
    assertThat(edge.get("updated_at").asText()).matches(TIME);
    UUID.fromString(edge.get("id").asText());
  }

  private void assertError(Response r, int status) {
    assertThat(r.status()).as(r.text()).isEqualTo(status);
    assertThat(r.contentType()).startsWith("application/json");
    assertThat(r.json().path("message").asText()).isNotBlank();
    assertThat(r.json().path("status").asInt()).isEqualTo(status);
    assertThat(r.text()).doesNotContain("\tat ").doesNotContain("Exception");
  }

  @Test
  void createGetAndTheOppositeDirection() {
    UUID a = newTable("a"), b = newTable("b");
    Response created =
        post("/lineage/manual", json("from_entity", a, "to_entity", b, "direction", "DOWNSTREAM"));

    assertThat(created.status()).as(created.text()).isEqualTo(201);
    assertEdge(created.json(), a, b, "DOWNSTREAM", true);
    String id = created.json().get("id").asText();
    Response fetched = get("/lineage/manual/" + id);
    assertThat(fetched.status()).isEqualTo(200);
    assertThat(fetched.json()).isEqualTo(created.json());

    Response opposite = get("/lineage/manual?from_entity__in=" + b + "&to_entity__in=" + a);
    assertThat(opposite.json().get("count").asInt()).isEqualTo(1);
    assertEdge(opposite.json().get("results").get(0), b, a, "UPSTREAM", true);
  }

  @Test
  void createAcceptsIdFieldsTrailingSlashesAndUpstream() {
    UUID a = newTable("a"), b = newTable("b");
    Response created =
        post(
            "/lineage/manual/",
            json("from_entity_id", b, "to_entity_id", a, "direction", "upstream"));
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    assertEdge(created.json(), b, a, "UPSTREAM", true);
    Response mirror = get("/lineage/manual/?from_entity__in=" + a);
    assertThat(mirror.json().get("count").asInt()).isEqualTo(1);
    assertEdge(mirror.json().get("results").get(0), a, b, "DOWNSTREAM", true);
    assertThat(get("/lineage/manual/" + created.json().get("id").asText() + "/").status())
        .isEqualTo(200);
  }

  @Test
  void pagesOf50With315Edges() {
    UUID hub = newTable("hub");
    List<ResourceRow> targets = new ArrayList<>();
    for (int i = 0; i < 315; i++) {
      targets.add(
          ResourceRow.table(
              Optional.empty(),
              Optional.of("paging"),
              Optional.of(hub.toString()),
              "t" + i,
              EntityType.TABLE,
              Optional.empty(),
              false));
    }
    store.resources().upsert(targets);
    for (ResourceRow t : targets) {
      assertThat(post("/lineage/manual", json("from_entity", hub, "to_entity", t.id())).status())
          .isEqualTo(201);
    }

    Response first = get("/lineage/manual?from_entity__in=" + hub);
    JsonNode page1 = first.json();
    assertThat(fields(page1)).containsExactly("links", "meta", "count", "total_pages", "results");
    assertThat(page1.get("count").asInt()).isEqualTo(315);
    assertThat(page1.get("total_pages").asInt()).isEqualTo(7);
    assertThat(page1.get("results")).hasSize(50);
    assertThat(page1.at("/links/previous").asText()).isEqualTo("None");
    assertThat(page1.at("/links/next").asText())
        .startsWith(base + "/lineage/manual?")
        .contains("from_entity__in=" + hub)
        .endsWith("page=2");
    assertThat(page1.at("/meta/page").asInt()).isEqualTo(1);
    assertThat(page1.at("/meta/previous_page").asText()).isEqualTo("None");
    assertThat(page1.at("/meta/next_page").asInt()).isEqualTo(2);

    Set<String> seen = new HashSet<>();
    String next = page1.at("/links/next").asText();
    page1.get("results").forEach(e -> seen.add(e.get("to_entity").asText()));
    JsonNode last = null;
    while (!next.equals("None")) {
      last = send(request(next.substring(base.length())).GET()).json();
      last.get("results").forEach(e -> seen.add(e.get("to_entity").asText()));
      next = last.at("/links/next").asText();
    }
    assertThat(seen).hasSize(315);
    assertThat(last.at("/meta/page").asInt()).isEqualTo(7);
    assertThat(last.get("results")).hasSize(15);
    assertThat(last.at("/meta/next_page").asText()).isEqualTo("None");
    assertThat(last.at("/meta/previous_page").asInt()).isEqualTo(6);
    assertThat(last.at("/links/previous").asText()).endsWith("page=6");
    assertThat(get("/lineage/manual?page=8&from_entity__in=" + hub).json().get("results"))
        .isEmpty();

    // combined filters: any of two sources and any of three targets
    UUID other = newTable("other");
    String twoSources = hub + "," + other;
    String threeTargets = targets.get(0).id() + "," + targets.get(1).id() + "," + other;
    JsonNode both =
        get("/lineage/manual?from_entity__in=" + twoSources + "&to_entity__in=" + threeTargets)
            .json();
    assertThat(both.get("count").asInt()).isEqualTo(2);
    assertThat(both.get("total_pages").asInt()).isEqualTo(1);
    assertThat(both.at("/links/next").asText()).isEqualTo("None");
  }

  @Test
  void deleteRemovesBothDirections() {
    UUID a = newTable("a"), b = newTable("b");
    String id =
        post("/lineage/manual", json("from_entity", a, "to_entity", b)).json().get("id").asText();

    Response deleted = delete("/lineage/manual/" + id);
    assertThat(deleted.status()).isEqualTo(204);
    assertThat(deleted.text()).isEmpty();
    assertError(get("/lineage/manual/" + id), 404);
    assertThat(get("/lineage/manual?from_entity__in=" + b).json().get("count").asInt()).isZero();
    assertError(delete("/lineage/manual/" + id), 404);
  }

  @Test
  void deletingADerivedEdgeLeavesATombstone() {
    UUID a = newTable("a"), b = newTable("b");
    DerivedEdge derived = new DerivedEdge(a, b, Instant.now(), Optional.of("fp"));
    store.edges().upsertDerived(List.of(derived));
    UUID upstreamId = StoreIds.edgeId(b, a, Direction.UPSTREAM);
    JsonNode edge = get("/lineage/manual/" + upstreamId).json();
    assertEdge(edge, b, a, "UPSTREAM", false);

    assertThat(delete("/lineage/manual/" + upstreamId).status()).isEqualTo(204);
    store.edges().upsertDerived(List.of(derived));

    assertThat(get("/lineage/manual?from_entity__in=" + a + "," + b).json().get("count").asInt())
        .isZero();
    assertThat(store.edges().tombstoned(a, b)).isTrue();
  }

  @Test
  void previewResolvesNamesAndWritesNothing() {
    long before = store.stats().read().relationships() * 2;
    UUID target = tableId("customer_orders");
    Response r =
        get(
            "/lineage/lineage_from_query?sql="
                + enc(SEED_SQL)
                + "&dialect=postgresql&table_id="
                + target
                + "&default_database=production&default_schema=public");

    assertThat(r.status()).as(r.text()).isEqualTo(200);
    JsonNode body = r.json();
    assertThat(fields(body))
        .containsExactly(
            "sql",
            "source_tables",
            "column_lineages",
            "target_table",
            "target_tables",
            "unresolved");
    assertThat(body.get("sql").asText()).isEqualTo(SEED_SQL);
    assertThat(body.get("source_tables")).hasSize(2);
    JsonNode customers = body.get("source_tables").get(0);
    List<String> previewFields = new java.util.ArrayList<>(TABLE_FIELDS);
    previewFields.add("is_new");
    assertThat(fields(customers)).containsExactlyElementsOf(previewFields);
    assertThat(customers.get("is_new").asBoolean()).isFalse();
    assertThat(customers.get("id").asText()).isEqualTo(tableId("customers").toString());
    assertThat(customers.get("title").asText()).isEqualTo("customers");
    assertThat(customers.get("schema_name").asText()).isEqualTo("public");
    assertThat(customers.get("database_name").asText()).isEqualTo("production");
    assertThat(customers.get("native_type").asText()).isEqualTo("table");
    assertThat(customers.get("integration_title").asText()).isEqualTo("Production Snowflake");
    assertThat(customers.get("integration_type").asText()).isEqualTo("snowflake");
    assertThat(customers.get("created_at").asText()).matches(TIME);
    assertThat(body.get("target_table").get("id").asText()).isEqualTo(target.toString());

    JsonNode pairs = body.get("column_lineages");
    assertThat(pairs).hasSize(2);
    JsonNode from = pairs.get(0).get("from_column");
    assertThat(fields(from))
        .containsExactly(
            "id",
            "created_at",
            "updated_at",
            "title",
            "entity_type",
            "type",
            "schema_name",
            "database_name",
            "native_type",
            "integration_id",
            "integration_title",
            "integration_type",
            "table_id",
            "table_title",
            "is_new");
    assertThat(from.get("id").asText()).isEqualTo(columnId("customers", "customer_id").toString());
    assertThat(from.get("entity_type").asText()).isEqualTo("column");
    assertThat(from.get("type").asText()).isEqualTo("varchar");
    assertThat(from.get("native_type").asText()).isEqualTo("varchar(255)");
    assertThat(from.get("table_title").asText()).isEqualTo("customers");
    assertThat(pairs.get(0).get("to_column").get("id").asText())
        .isEqualTo(columnId("customer_orders", "customer_id").toString());
    assertThat(pairs.get(1).get("from_column").get("id").asText())
        .isEqualTo(columnId("orders", "order_id").toString());
    assertThat(body.get("unresolved")).isEmpty();
    assertThat(store.stats().read().relationships() * 2).isEqualTo(before);
  }

  @Test
  void previewShowsWhatAPostWouldWriteWithNewResourcesMarked() {
    long resources =
        store.resources().list(io.tributary.connectors.store.ResourceFilter.none(), 1, 1).count();
    String sql =
        "INSERT INTO marts.revenue SELECT day, SUM(amount) AS total FROM raw.payments GROUP BY day";
    String params = "dialect=postgresql&default_database=preview_db&sql=" + enc(sql);
    Response preview = get("/lineage/lineage_from_query?" + params);
    assertThat(preview.status()).as(preview.text()).isEqualTo(200);
    JsonNode p = preview.json();
    assertThat(p.at("/target_table/title").asText()).isEqualTo("revenue");
    assertThat(p.at("/target_table/is_new").asBoolean()).isTrue();
    assertThat(p.get("target_tables")).hasSize(1);
    assertThat(p.at("/source_tables/0/title").asText()).isEqualTo("payments");
    assertThat(p.at("/source_tables/0/is_new").asBoolean()).isTrue();
    assertThat(p.get("column_lineages"))
        .extracting(
            c -> c.at("/from_column/title").asText() + "->" + c.at("/to_column/title").asText())
        .containsExactlyInAnyOrder("day->day", "amount->total");
    for (JsonNode pair : p.get("column_lineages")) {
      assertThat(pair.at("/from_column/is_new").asBoolean()).isTrue();
      assertThat(pair.at("/to_column/is_new").asBoolean()).isTrue();
      assertThat(pair.at("/to_column/table_id").asText())
          .isEqualTo(p.at("/target_table/id").asText());
    }
    assertThat(p.get("unresolved").toString())
        .contains("preview_db.marts.revenue")
        .contains("preview_db.raw.payments");
    assertThat(
            store
                .resources()
                .list(io.tributary.connectors.store.ResourceFilter.none(), 1, 1)
                .count())
        .isEqualTo(resources);

    // The POST writes exactly what the preview showed, under the same ids.
    Response written =
        post(
            "/lineage/lineage_from_query",
            json("sql", sql, "dialect", "postgresql", "default_database", "preview_db"));
    assertThat(written.status()).as(written.text()).isEqualTo(200);
    assertThat(written.json().at("/target_table/id").asText())
        .isEqualTo(p.at("/target_table/id").asText());
    assertThat(ids(written.json().get("column_lineages"))).isEqualTo(ids(p.get("column_lineages")));
    Response again = get("/lineage/lineage_from_query?" + params);
    assertThat(again.json().at("/target_table/is_new").asBoolean()).isFalse();
    assertThat(again.json().get("unresolved")).isEmpty();
    assertThat(ids(again.json().get("column_lineages"))).isEqualTo(ids(p.get("column_lineages")));
  }

  private static java.util.Set<String> ids(JsonNode pairs) {
    java.util.Set<String> ids = new java.util.TreeSet<>();
    pairs.forEach(
        c -> ids.add(c.at("/from_column/id").asText() + ">" + c.at("/to_column/id").asText()));
    return ids;
  }

  @Test
  void aScriptIsOneSessionStitchedThroughItsTemporaryTables() {
    UUID target = newTable("stitched");
    String targetName = store.resources().find(target).orElseThrow().title();
    String tmp = "tmp_" + UUID.randomUUID().toString().substring(0, 8);
    String script =
        "CREATE TEMP TABLE "
            + tmp
            + " AS SELECT o.customer_id, o.amount FROM orders o WHERE o.amount > 0;"
            + " INSERT INTO scratch.s."
            + targetName
            + " (customer_id, total) SELECT customer_id, amount * 2 FROM "
            + tmp
            + "; DROP TABLE "
            + tmp;
    Response created =
        post(
            "/lineage/lineage_from_query",
            json(
                "sql",
                script,
                "dialect",
                "postgresql",
                "default_database",
                "production",
                "default_schema",
                "public"));
    assertThat(created.status()).as(created.text()).isEqualTo(200);
    assertThat(created.json().at("/target_table/id").asText()).isEqualTo(target.toString());
    assertThat(created.json().get("column_lineages"))
        .extracting(
            c ->
                c.at("/from_column/table_title").asText()
                    + "."
                    + c.at("/from_column/title").asText()
                    + " -> "
                    + c.at("/to_column/title").asText())
        .containsExactlyInAnyOrder("orders.customer_id -> customer_id", "orders.amount -> total");
    Set<String> upstream = new HashSet<>();
    get("/lineage/manual?from_entity__in=" + target)
        .json()
        .get("results")
        .forEach(e -> upstream.add(e.get("to_entity").asText()));
    assertThat(upstream).containsExactly(tableId("orders").toString());
    assertThat(store.catalog().resolve(TableName.of("production", "public", tmp))).isEmpty();
    UUID total =
        store
            .catalog()
            .resolve(TableName.of("scratch", "s", targetName))
            .flatMap(t -> t.column("total"))
            .orElseThrow()
            .id();
    Set<String> amountDown = new HashSet<>();
    get("/lineage/manual?from_entity__in=" + columnId("orders", "amount"))
        .json()
        .get("results")
        .forEach(e -> amountDown.add(e.get("to_entity").asText()));
    assertThat(amountDown).contains(total.toString());
  }

  @Test
  void withSeveralWritingStatementsTargetsAndColumnPairsAgree() {
    String sql =
        "INSERT INTO multi_a (x) SELECT c.customer_id FROM customers c;"
            + " INSERT INTO multi_b (y) SELECT o.order_id FROM orders o";
    Response r =
        get(
            "/lineage/lineage_from_query?dialect=postgresql&default_database=production"
                + "&default_schema=public&sql="
                + enc(sql));
    assertThat(r.status()).as(r.text()).isEqualTo(200);
    JsonNode body = r.json();
    assertThat(body.get("target_table").isNull()).isTrue();
    assertThat(body.get("target_tables"))
        .extracting(t -> t.get("title").asText())
        .containsExactly("multi_a", "multi_b");
    java.util.Set<String> targetIds = new java.util.HashSet<>();
    body.get("target_tables").forEach(t -> targetIds.add(t.get("id").asText()));
    assertThat(body.get("column_lineages"))
        .extracting(
            c -> c.at("/to_column/table_title").asText() + "." + c.at("/to_column/title").asText())
        .containsExactlyInAnyOrder("multi_a.x", "multi_b.y");
    body.get("column_lineages")
        .forEach(c -> assertThat(targetIds).contains(c.at("/to_column/table_id").asText()));

    Response one =
        get(
            "/lineage/lineage_from_query?dialect=postgresql&default_database=production"
                + "&default_schema=public&sql="
                + enc("INSERT INTO multi_a (x) SELECT c.customer_id FROM customers c"));
    assertThat(one.json().at("/target_table/title").asText()).isEqualTo("multi_a");
    assertThat(one.json().get("target_tables")).hasSize(1);
  }

  @Test
  void previewOfASelectWithoutTargetShowsSources() {
    Response r =
        get(
            "/lineage/lineage_from_query?dialect=postgresql&default_database=production"
                + "&default_schema=public&sql="
                + enc(SEED_SQL));
    assertThat(r.status()).as(r.text()).isEqualTo(200);
    assertThat(r.json().get("source_tables")).hasSize(2);
    assertThat(r.json().get("target_table").isNull()).isTrue();
    assertThat(r.json().get("column_lineages")).isEmpty();
  }

  @Test
  void postWritesTableAndColumnEdgesAndPatchReplacesNonManualUpstream() {
    UUID target = newTable("report");
    String targetName = store.resources().find(target).orElseThrow().title();
    // a manual upstream edge and a derived one from an old query
    UUID manualSource = newTable("manual_src");
    UUID oldSource = newTable("old_src");
    post("/lineage/manual", json("from_entity", manualSource, "to_entity", target));
    store
        .edges()
        .upsertDerived(
            List.of(new DerivedEdge(oldSource, target, Instant.now(), Optional.empty())));

    String insert =
        "INSERT INTO scratch.s."
            + targetName
            + " (customer_id, total) SELECT o.customer_id, SUM(o.amount) FROM orders o GROUP BY o.customer_id";
    Response created =
        post(
            "/lineage/lineage_from_query",
            json(
                "sql",
                insert,
                "dialect",
                "postgresql",
                "default_database",
                "production",
                "default_schema",
                "public"));
    assertThat(created.status()).as(created.text()).isEqualTo(200);
    assertThat(created.json().get("target_table").get("id").asText()).isEqualTo(target.toString());
    assertThat(created.json().get("column_lineages")).hasSize(2);
    UUID orders = tableId("orders");
    JsonNode upstream = get("/lineage/manual?from_entity__in=" + target).json();
    Set<String> sources = new HashSet<>();
    upstream.get("results").forEach(e -> sources.add(e.get("to_entity").asText()));
    assertThat(sources)
        .containsExactlyInAnyOrder(
            orders.toString(), manualSource.toString(), oldSource.toString());
    UUID amount = columnId("orders", "amount");
    JsonNode amountDown = get("/lineage/manual?from_entity__in=" + amount).json();
    assertThat(amountDown.get("count").asInt()).isEqualTo(1);
    assertEdge(
        amountDown.get("results").get(0),
        amount,
        UUID.fromString(amountDown.get("results").get(0).get("to_entity").asText()),
        "DOWNSTREAM",
        false);
    assertThat(store.resources().columns(target))
        .extracting(r -> r.title())
        .contains("customer_id", "total");
    var written =
        store.edges().find(StoreIds.edgeId(orders, target, Direction.DOWNSTREAM)).orElseThrow();
    assertThat(written.manual()).isFalse();
    assertThat(written.provenance()).isEqualTo(io.tributary.connectors.store.Provenance.QUERY);
    assertThat(written.queryFingerprint().orElseThrow()).matches("[0-9a-f]{32}");

    Response replaced =
        patch(
            "/lineage/lineage_from_query",
            json(
                "sql", "SELECT c.customer_id, c.name AS total FROM customers c",
                "dialect", "postgresql",
                "table_id", target,
                "default_database", "production",
                "default_schema", "public"));
    assertThat(replaced.status()).as(replaced.text()).isEqualTo(200);
    sources.clear();
    get("/lineage/manual?from_entity__in=" + target)
        .json()
        .get("results")
        .forEach(e -> sources.add(e.get("to_entity").asText()));
    assertThat(sources)
        .containsExactlyInAnyOrder(tableId("customers").toString(), manualSource.toString());
    assertThat(get("/lineage/manual?from_entity__in=" + amount).json().get("count").asInt())
        .isZero();
    assertThat(
            get("/lineage/manual?to_entity__in=" + target + "&from_entity__in=" + manualSource)
                .json()
                .at("/results/0/is_manual")
                .asBoolean())
        .isTrue();
  }

  @Test
  void postOfATombstonedEdgeBringsItBack() {
    UUID target = newTable("revived");
    String name = store.resources().find(target).orElseThrow().title();
    UUID customers = tableId("customers");
    store
        .edges()
        .upsertDerived(
            List.of(new DerivedEdge(customers, target, Instant.now(), Optional.empty())));
    delete("/lineage/manual/" + StoreIds.edgeId(customers, target, Direction.DOWNSTREAM));
    String sql =
        "INSERT INTO scratch.s." + name + " (name) SELECT name FROM production.public.customers";
    assertThat(
            post("/lineage/lineage_from_query", json("sql", sql, "dialect", "postgresql")).status())
        .isEqualTo(200);
    assertThat(
            get("/lineage/manual/" + StoreIds.edgeId(customers, target, Direction.DOWNSTREAM))
                .status())
        .isEqualTo(200);
  }

  @Test
  void resourcesAreListedAndFound() {
    JsonNode page =
        get("/resources?entity_type=table&database_name=PRODUCTION&schema_name=public").json();
    assertThat(page.get("count").asInt()).isEqualTo(3);
    assertThat(page.at("/meta/page").asInt()).isEqualTo(1);
    JsonNode columns = get("/resources?entity_type=column&search=customer").json();
    assertThat(columns.get("count").asInt()).isGreaterThanOrEqualTo(3);
    UUID id = columnId("customers", "customer_id");
    Response one = get("/resources/" + id);
    assertThat(one.status()).isEqualTo(200);
    assertThat(one.json().get("title").asText()).isEqualTo("customer_id");
    assertThat(one.json().get("table_id").asText()).isEqualTo(tableId("customers").toString());
    assertThat(one.json().get("table_title").asText()).isEqualTo("customers");
    assertThat(one.json().get("integration_title").asText()).isEqualTo("Production Snowflake");
    assertThat(get("/resources?title=ORDERS").json().get("count").asInt()).isEqualTo(1);
    assertError(get("/resources/" + UUID.randomUUID()), 404);
    assertError(get("/resources/nope"), 400);
    assertError(get("/resources?entity_type=dashboard"), 400);
    assertError(get("/resources?integration_id=x"), 400);
  }

  /** The titles of the tables of this database that {@code search} finds, in order. */
  private List<String> search(String database, String search) {
    Response r = get("/resources?database_name=" + database + "&search=" + enc(search));
    assertThat(r.status()).as(r.text()).isEqualTo(200);
    List<String> titles = new ArrayList<>();
    r.json().get("results").forEach(t -> titles.add(t.get("title").asText()));
    assertThat(r.json().get("count").asInt()).isEqualTo(titles.size());
    return titles;
  }

  @Test
  void searchTakesLikeMetacharactersLiterally() {
    String db = "likes_" + UUID.randomUUID().toString().substring(0, 8);
    List<String> titles =
        List.of(
            "order_items",
            "orderXitems",
            "Order_Items_Archive",
            "pct%off",
            "pctXoff",
            "back\\slash",
            "backXslash",
            "bang!x",
            "bangXx");
    List<ResourceRow> rows = new ArrayList<>();
    for (String title : titles) {
      rows.add(
          ResourceRow.table(
              Optional.empty(),
              Optional.of(db),
              Optional.of("s"),
              title,
              EntityType.TABLE,
              Optional.empty(),
              false));
    }
    store.resources().upsert(rows);

    assertThat(search(db, "order_items"))
        .containsExactlyInAnyOrder("order_items", "Order_Items_Archive");
    assertThat(search(db, "ORDER_ITEMS"))
        .containsExactlyInAnyOrder("order_items", "Order_Items_Archive");
    assertThat(search(db, "_")).containsExactlyInAnyOrder("order_items", "Order_Items_Archive");
    assertThat(search(db, "%")).containsExactlyInAnyOrder("pct%off");
    assertThat(search(db, "t%o")).containsExactlyInAnyOrder("pct%off");
    assertThat(search(db, "\\")).containsExactlyInAnyOrder("back\\slash");
    assertThat(search(db, "k\\s")).containsExactlyInAnyOrder("back\\slash");
    assertThat(search(db, "!")).containsExactlyInAnyOrder("bang!x");
    assertThat(search(db, "g!x")).containsExactlyInAnyOrder("bang!x");
    assertThat(search(db, "!_")).isEmpty();
    assertThat(search(db, "rXi")).containsExactlyInAnyOrder("orderXitems");
    assertThat(search(db, "X"))
        .containsExactlyInAnyOrder("orderXitems", "pctXoff", "backXslash", "bang!x", "bangXx");
  }

  @Test
  void graphWalksUpAndDownAndSurvivesCycles() {
    UUID a = newTable("a"), b = newTable("b"), c = newTable("c"), d = newTable("d");
    post("/lineage/manual", json("from_entity", a, "to_entity", b));
    post("/lineage/manual", json("from_entity", b, "to_entity", c));
    post("/lineage/manual", json("from_entity", c, "to_entity", a)); // a cycle
    post("/lineage/manual", json("from_entity", c, "to_entity", d));

    JsonNode down = get("/lineage/graph?entity_id=" + a + "&direction=downstream&depth=10").json();
    Set<String> nodes = new HashSet<>();
    down.get("nodes").forEach(n -> nodes.add(n.get("id").asText()));
    assertThat(nodes)
        .containsExactlyInAnyOrder(a.toString(), b.toString(), c.toString(), d.toString());
    assertThat(down.get("edges")).hasSize(4);
    down.get("edges").forEach(e -> assertThat(e.get("direction").asText()).isEqualTo("DOWNSTREAM"));

    JsonNode oneStep = get("/lineage/graph?entity_id=" + b + "&direction=upstream&depth=1").json();
    assertThat(oneStep.get("nodes")).hasSize(2);
    assertThat(oneStep.at("/edges/0/from_entity").asText()).isEqualTo(a.toString());
    assertThat(oneStep.at("/edges/0/to_entity").asText()).isEqualTo(b.toString());

    JsonNode both = get("/lineage/graph?entity_id=" + d).json();
    assertThat(both.get("depth").asInt()).isEqualTo(3);
    assertThat(both.get("direction").asText()).isEqualTo("both");
    assertThat(both.get("nodes")).hasSize(4); // d <- c <- b <- a, within 3 steps

    assertError(get("/lineage/graph?entity_id=" + a + "&direction=sideways"), 400);
    assertError(get("/lineage/graph?entity_id=" + a + "&depth=1000"), 400);
    assertError(get("/lineage/graph?entity_id=" + a + "&depth=x"), 400);
    assertError(get("/lineage/graph"), 400);
    assertError(get("/lineage/graph?entity_id=" + UUID.randomUUID()), 404);
  }

  @Test
  void openApiDocumentsEveryEndpoint() {
    Response r = get("/openapi.json");
    assertThat(r.status()).isEqualTo(200);
    JsonNode paths = r.json().get("paths");
    assertThat(fields(paths))
        .contains(
            "/lineage/manual",
            "/lineage/manual/{lineage_id}",
            "/lineage/lineage_from_query",
            "/lineage/graph",
            "/resources",
            "/resources/{resource_id}",
            "/lineage/column_graph",
            "/lineage/edges/{lineage_id}/queries",
            "/store/stats",
            "/store/dead_letters");
    assertThat(fields(paths.get("/lineage/lineage_from_query"))).contains("get", "post", "patch");
    for (String health : List.of("/health/live", "/health/ready")) {
      JsonNode security = paths.at("/" + health.replace("/", "~1") + "/get/security");
      assertThat(security.isArray()).as(health + " needs no token").isTrue();
      assertThat(security).isEmpty();
    }
    assertThat(paths.at("/~1health~1ready/get/responses/503").isObject()).isTrue();
  }

  @Test
  void badInputGetsA4xxWithAMessage() {
    UUID a = newTable("a"), b = newTable("b");
    assertError(get("/lineage/manual/not-a-uuid"), 400);
    assertError(get("/lineage/manual/" + UUID.randomUUID()), 404);
    assertError(delete("/lineage/manual/123"), 400);
    assertError(get("/lineage/manual?from_entity__in=zzz"), 400);
    assertError(get("/lineage/manual?to_entity__in=" + a + ",nope"), 400);
    assertError(get("/lineage/manual?page=abc"), 400);
    assertError(get("/lineage/manual?page=0"), 400);
    for (String malformed :
        List.of(
            "/lineage/manual?page=%ZZ",
            "/lineage/lineage_from_query?dialect=postgresql&sql=%E0%A4%A",
            "/lineage/manual/%ZZ",
            "/resources?search=%")) {
      assertError(raw("GET", malformed), 400);
    }
    assertError(get("/lineage/manual?from_entity__in=" + "x".repeat(1000)), 400);
    assertError(get("/lineage/manual?from_entity__in=" + "x".repeat(1_000_000)), 414);
    assertError(post("/lineage/manual", "{not json"), 400);
    assertError(post("/lineage/manual", "[1, 2]"), 400);
    assertError(post("/lineage/manual", ""), 400);
    assertError(post("/lineage/manual", json("to_entity", b)), 400);
    assertError(post("/lineage/manual", json("from_entity", a, "to_entity", "b")), 400);
    assertError(post("/lineage/manual", "{\"from_entity\": 5, \"to_entity\": \"" + b + "\"}"), 400);
    assertError(
        post("/lineage/manual", json("from_entity", a, "to_entity", b, "direction", "SIDEWAYS")),
        400);
    assertError(
        post("/lineage/manual", json("from_entity", a, "to_entity", UUID.randomUUID())), 400);

    String q = "/lineage/lineage_from_query";
    assertError(get(q + "?dialect=postgresql"), 400);
    assertError(get(q + "?sql=" + enc("select 1")), 400);
    assertError(get(q + "?sql=" + enc("select 1") + "&dialect=klingon"), 400);
    assertThat(
            get(q + "?sql=" + enc("select 1") + "&dialect=klingon").json().get("message").asText())
        .contains("klingon");
    assertError(get(q + "?sql=" + enc("select 1") + "&dialect=postgresql&table_id=abc"), 400);
    Response unknownTable =
        get(q + "?sql=" + enc("select 1") + "&dialect=postgresql&table_id=" + UUID.randomUUID());
    assertError(unknownTable, 404);
    assertThat(unknownTable.json().get("message").asText())
        .isEqualTo("Provided table ID does not exist");
    assertError(
        post(
            q,
            json(
                "sql",
                "select 1",
                "dialect",
                "postgresql",
                "table_id",
                columnId("orders", "amount"))),
        404);
    assertError(post(q, json("dialect", "postgresql")), 400);
    assertError(patch(q, json("sql", "select 1")), 400);
    assertError(patch(q, "nonsense"), 400);

    Response parse = get(q + "?dialect=postgresql&sql=" + enc("SELECT a FROM t\nWHERE WHERE"));
    assertError(parse, 400);
    assertThat(parse.json().get("error").asText()).isEqualTo("parse_error");
    assertThat(parse.json().get("line").asInt()).as(parse.text()).isEqualTo(2);
    assertThat(parse.json().get("column").isInt()).isTrue();

    String longSql = "SELECT " + "a, ".repeat(MAX_SQL_CHARS / 3) + "b FROM t";
    assertError(post(q, json("sql", longSql, "dialect", "postgresql")), 413);
    assertError(get(q + "?dialect=postgresql&sql=" + enc(longSql)), 413);
    String hugeBody = json("sql", "x".repeat(MAX_BODY_BYTES + 10), "dialect", "postgresql");
    assertError(post(q, hugeBody), 413);
    assertError(post("/lineage/manual", hugeBody), 413);

    assertError(get("/no/such/endpoint"), 404);
    assertError(
        send(
            request("/lineage/manual/" + UUID.randomUUID())
                .PUT(HttpRequest.BodyPublishers.ofString("{}"))),
        405);
  }

  @Test
  void aHugeInvalidValueIsCutInItsErrorMessage() {
    UUID a = newTable("a");
    String x = "x".repeat(50_000);
    String cut = "x".repeat(100) + "\u2026";
    Map<Response, String> messages = new LinkedHashMap<>();
    messages.put(get("/lineage/manual/" + x), "lineage_id is not a valid id: '" + cut + "'");
    messages.put(
        get("/lineage/manual?from_entity__in=" + x),
        "from_entity__in is not a valid id: '" + cut + "'");
    messages.put(
        post("/lineage/manual", json("from_entity", "x".repeat(90_000), "to_entity", a)),
        "from_entity is not a valid id: '" + cut + "'");
    messages.put(
        post("/lineage/manual", json("from_entity", a, "to_entity", a, "direction", x)),
        "direction must be UPSTREAM or DOWNSTREAM, not '" + cut + "'");
    messages.put(
        get("/lineage/manual?page=" + x),
        "page must be a positive whole number, not '" + cut + "'");
    messages.put(
        get("/resources?entity_type=" + x),
        "entity_type must be table, view or column, not '" + cut + "'");
    messages.put(
        get("/lineage/graph?entity_id=" + a + "&direction=" + x),
        "direction must be upstream, downstream or both, not '" + cut + "'");
    messages.put(
        get("/lineage/graph?entity_id=" + a + "&depth=" + x),
        "depth must be a whole number, not '" + cut + "'");
    messages.forEach(
        (r, message) -> {
          assertError(r, 400);
          assertThat(r.json().get("message").asText()).isEqualTo(message);
          assertThat(r.text()).hasSizeLessThan(300);
        });

    Response dialect = get("/lineage/lineage_from_query?sql=" + enc("select 1") + "&dialect=" + x);
    assertError(dialect, 400);
    assertThat(dialect.json().get("message").asText())
        .startsWith("unknown dialect '" + cut + "'; known dialects: ")
        .contains("postgresql");
    assertThat(dialect.text()).hasSizeLessThan(2_000);

    // A value of up to 100 characters comes back whole.
    String hundred = "y".repeat(100);
    Response whole = get("/lineage/manual/" + hundred);
    assertThat(whole.json().get("message").asText())
        .isEqualTo("lineage_id is not a valid id: '" + hundred + "'");
  }

  /** The message of a 400 for this raw request target. */
  private String badRequest(String target) {
    Response r = raw("GET", target);
    assertError(r, 400);
    return r.json().get("message").asText();
  }

  @Test
  void malformedPercentEscapesGet400NamingTheParameter() {
    assertThat(badRequest("/lineage/manual?page=%ZZ"))
        .isEqualTo("query parameter \"page\" has a malformed percent escape: \"%ZZ\"");
    assertThat(badRequest("/resources?entity_type=table&search=abc%"))
        .isEqualTo("query parameter \"search\" has a malformed percent escape: \"%\"");
    assertThat(badRequest("/resources?title=%4"))
        .isEqualTo("query parameter \"title\" has a malformed percent escape: \"%4\"");
    assertThat(badRequest("/lineage/lineage_from_query?dialect=postgresql&sql=select%201%E0%A4"))
        .isEqualTo("query parameter \"sql\" is not valid UTF-8 once percent-decoded");
    assertThat(badRequest("/lineage/lineage_from_query?dialect=postgresql&sql=%E0%A4%A"))
        .isEqualTo("query parameter \"sql\" has a malformed percent escape: \"%A\"");
    assertThat(badRequest("/lineage/manual?from_entity__in=%C0%AF"))
        .isEqualTo("query parameter \"from_entity__in\" is not valid UTF-8 once percent-decoded");
    assertThat(badRequest("/lineage/manual?%ZZ=1"))
        .isEqualTo("a query parameter name has a malformed percent escape: \"%ZZ\"");
    assertThat(badRequest("/lineage/graph?entity_id=%E0%A4"))
        .isEqualTo("query parameter \"entity_id\" is not valid UTF-8 once percent-decoded");
    assertThat(badRequest("/lineage/manual/%E0%A4"))
        .isEqualTo("path parameter \"lineage_id\" is not valid UTF-8 once percent-decoded");
    assertThat(badRequest("/resources/%C3%28/"))
        .isEqualTo("path parameter \"resource_id\" is not valid UTF-8 once percent-decoded");
    // Jetty refuses a path escape without two hex digits before any route is matched.
    assertThat(badRequest("/lineage/manual/%ZZ")).contains("malformed percent escape in the path");
    assertThat(badRequest("/resources/%")).contains("malformed percent escape in the path");

    // NUL decodes fine but PostgreSQL cannot store or compare it.
    assertThat(badRequest("/resources?search=a%00b"))
        .isEqualTo("query parameter \"search\" must not contain NUL (%00)");
    assertThat(badRequest("/resources/%00")).startsWith("Bad Request"); // Jetty's refusal

    // Well-formed escapes, '+' and raw UTF-8 letters still decode.
    Response escaped =
        raw("GET", "/resources?title=%63ustomer%73&entity_type=table&schema_name=p%75blic");
    assertThat(escaped.status()).as(escaped.text()).isEqualTo(200);
    assertThat(escaped.json().get("count").asInt()).isEqualTo(1);
    assertThat(escaped.json().at("/results/0/id").asText())
        .isEqualTo(tableId("customers").toString());
    Response unicode = raw("GET", "/resources?search=%E2%82%AC+%F0%9F%98%80");
    assertThat(unicode.status()).as(unicode.text()).isEqualTo(200);
    assertThat(unicode.json().get("count").asInt()).isZero();
    Response preview =
        raw(
            "GET",
            "/lineage/lineage_from_query?dialect=postgresql&default_database=production"
                + "&default_schema=public&sql=SELECT+name+FROM+customers%20WHERE+name+%3D+%27%C3%A9%27");
    assertThat(preview.status()).as(preview.text()).isEqualTo(200);
    assertThat(preview.json().get("sql").asText())
        .isEqualTo("SELECT name FROM customers WHERE name = '\u00e9'");
  }

  @Test
  void queryParametersAreUtf8WhateverCharsetTheContentTypeNames() {
    UUID cafe = newTable("caf\u00e9");
    String title = store.resources().find(cafe).orElseThrow().title();
    for (String charset : List.of("UTF-8", "ISO-8859-1", "UTF-16", "no-such-charset")) {
      Response r =
          send(
              request("/resources?schema_name=s&title=" + enc(title))
                  .header("Content-Type", "text/plain; charset=" + charset)
                  .GET());
      assertThat(r.status()).as(charset + " " + r.text()).isEqualTo(200);
      assertThat(r.json().get("count").asInt()).as(charset).isEqualTo(1);
      assertThat(r.json().at("/results/0/id").asText()).isEqualTo(cafe.toString());
      assertThat(r.json().at("/links/next").asText()).isEqualTo("None");
    }
  }

  @Test
  void anUnpairedSurrogateInABodyFieldGets400() {
    Response r =
        post(
            "/lineage/lineage_from_query",
            "{\"dialect\": \"postgresql\", \"default_database\": \"a\\ud800\","
                + " \"sql\": \"INSERT INTO t (x) SELECT name FROM production.public.customers\"}");
    assertError(r, 400);
    assertThat(r.json().get("message").asText())
        .isEqualTo("\"default_database\" holds an unpaired surrogate escape");
    Response pair =
        post(
            "/lineage/lineage_from_query",
            "{\"dialect\": \"postgresql\", \"default_database\": \"production\","
                + " \"default_schema\": \"public\", \"sql\": \"SELECT '\\ud83d\\ude00' FROM customers\"}");
    assertThat(pair.status()).as(pair.text()).isEqualTo(200);
    assertThat(pair.json().get("sql").asText()).contains("\ud83d\ude00");
  }

  @Test
  void malformedEscapesOfAnUnauthenticatedRequestGet401() {
    Response r =
        send(
            HttpRequest.newBuilder(java.net.URI.create(base + "/resources?search=%25"))
                .header("Authorization", "Bearer wrong")
                .GET());
    assertError(r, 401);
  }

  @Test
  void anOverLongUrlGets414WithAJsonBody() {
    int limit = 3 * MAX_SQL_CHARS + 16 * 1024;
    Response r = raw("GET", "/resources?search=" + "a".repeat(limit + 1));
    assertError(r, 414);
    assertThat(r.json().get("message").asText())
        .isEqualTo("URI Too Long: the request line is over " + limit + " bytes");
    Response viaClient =
        get("/lineage/lineage_from_query?dialect=postgresql&sql=" + "x".repeat(2 * limit));
    assertError(viaClient, 414);
    // Just under the limit the request is read and answered by the endpoint.
    Response under = raw("GET", "/resources?search=" + "a".repeat(limit - 1024));
    assertThat(under.status()).as(under.text()).isEqualTo(200);
    assertThat(under.json().get("count").asInt()).isZero();
    Response hugeHeader =
        send(request("/resources").header("X-Padding", "p".repeat(limit + 1)).GET());
    assertError(hugeHeader, 431);
    assertThat(hugeHeader.json().get("message").asText())
        .startsWith("Request Header Fields Too Large");
  }

  @Test
  void nulInABodyFieldGets400() {
    String q = "/lineage/lineage_from_query";
    Response quoted =
        post(
            q,
            json(
                "sql",
                "INSERT INTO \"a\u0000b\".s.t (x) SELECT name FROM production.public.customers",
                "dialect",
                "postgresql"));
    assertError(quoted, 400);
    assertThat(quoted.json().get("message").asText())
        .isEqualTo("\"sql\" must not contain NUL (\\u0000)");
    Response database =
        post(
            q,
            json(
                "sql",
                "INSERT INTO s.t (x) SELECT name FROM production.public.customers",
                "dialect",
                "postgresql",
                "default_database",
                "d\u0000b"));
    assertError(database, 400);
    assertThat(database.json().get("message").asText()).contains("\"default_database\"");
    assertThat(get("/resources?schema_name=s&title=t").json().get("count").asInt()).isZero();
  }

  @Test
  void everyEndpointNeedsAValidToken() {
    for (String path :
        List.of(
            "/lineage/manual",
            "/lineage/manual/" + UUID.randomUUID(),
            "/lineage/lineage_from_query?sql=select+1&dialect=postgresql",
            "/lineage/graph?entity_id=" + UUID.randomUUID(),
            "/resources",
            "/openapi.json")) {
      var uri = java.net.URI.create(base + path);
      assertError(send(HttpRequest.newBuilder(uri).GET()), 401);
      assertError(
          send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer wrong").GET()), 401);
      assertError(
          send(HttpRequest.newBuilder(uri).header("Authorization", "Basic " + token).GET()), 401);
    }
    assertError(
        send(
            HttpRequest.newBuilder(java.net.URI.create(base + "/lineage/manual"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))),
        401);
  }
}
