package io.tributary.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connectors.store.Direction;
import io.tributary.connectors.store.EdgeFilter;
import io.tributary.connectors.store.LineageEdge;
import io.tributary.connectors.store.LineageView;
import io.tributary.connectors.store.Resource;
import io.tributary.connectors.store.StoreIds;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Many parallel POST and PATCH lineage_from_query calls on one target, racing on the same edges and
 * on registering the same discovered tables: no duplicate edge, no edge without its opposite
 * direction, no manual edge lost, no 5xx.
 */
public abstract class ConcurrentWritesITCase extends ApiITCaseBase {

  private static final int THREADS = 8;
  private static final int CALLS_PER_THREAD = 25;

  private long count(String sql) throws Exception {
    try (Connection c = store.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void parallelPostsAndPatchesOnOneTarget() throws Exception {
    UUID target = tableId("customer_orders");
    UUID customers = tableId("customers");
    UUID manualColumnSource = columnId("orders", "customer_id");
    UUID manualColumnTarget = columnId("customer_orders", "customer_id");
    assertThat(
            post("/lineage/manual", json("from_entity", customers, "to_entity", target)).status())
        .isEqualTo(201);
    assertThat(
            post(
                    "/lineage/manual",
                    json("from_entity", manualColumnSource, "to_entity", manualColumnTarget))
                .status())
        .isEqualTo(201);

    List<String> bodies = new ArrayList<>();
    bodies.add(
        json(
            "sql",
            "INSERT INTO customer_orders (customer_id, order_id)"
                + " SELECT c.customer_id, o.order_id FROM customers c JOIN orders o"
                + " ON c.customer_id = o.customer_id",
            "dialect",
            "postgresql",
            "default_database",
            "production",
            "default_schema",
            "public"));
    for (int i = 0; i < 3; i++) {
      bodies.add(
          json(
              "sql",
              "SELECT s.customer_id, s.order_id FROM staging_" + i + " s",
              "dialect",
              "postgresql",
              "table_id",
              target,
              "default_database",
              "production",
              "default_schema",
              "public"));
    }

    Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        futures.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < CALLS_PER_THREAD; i++) {
                    String body = bodies.get((thread + i) % bodies.size());
                    Response r =
                        (thread + i) % 2 == 0
                            ? post("/lineage/lineage_from_query", body)
                            : patch("/lineage/lineage_from_query", body);
                    statuses
                        .computeIfAbsent(r.status(), k -> new AtomicInteger())
                        .incrementAndGet();
                  }
                }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }

    assertThat(statuses.keySet()).as(statuses.toString()).containsExactly(200);
    assertThat(statuses.get(200).get()).isEqualTo(THREADS * CALLS_PER_THREAD);
    assertThat(
            count(
                "SELECT COUNT(*) FROM (SELECT from_entity, to_entity, direction FROM lineage_edges"
                    + " GROUP BY from_entity, to_entity, direction HAVING COUNT(*) > 1) d"))
        .isZero();
    assertThat(
            count(
                "SELECT COUNT(*) FROM lineage_edges e WHERE NOT EXISTS (SELECT 1 FROM lineage_edges m"
                    + " WHERE m.from_entity = e.to_entity AND m.to_entity = e.from_entity"
                    + " AND m.direction <> e.direction AND m.is_manual = e.is_manual)"))
        .isZero();
    for (UUID[] manual :
        List.of(
            new UUID[] {customers, target}, new UUID[] {manualColumnSource, manualColumnTarget})) {
      Response down =
          get("/lineage/manual/" + StoreIds.edgeId(manual[0], manual[1], Direction.DOWNSTREAM));
      Response up =
          get("/lineage/manual/" + StoreIds.edgeId(manual[1], manual[0], Direction.UPSTREAM));
      assertThat(down.status()).isEqualTo(200);
      assertThat(up.status()).isEqualTo(200);
      assertThat(down.json().get("is_manual").asBoolean()).isTrue();
      assertThat(up.json().get("is_manual").asBoolean()).isTrue();
    }
    // each staging table was registered once, under the same name-based id
    assertThat(count("SELECT COUNT(*) FROM resources WHERE title LIKE 'staging_%'")).isEqualTo(3);
  }

  /**
   * 20 clients PATCH one target at the same moment, each with its own source: the target ends with
   * exactly one client's lineage (a table edge and two column edges from one source), never a mix
   * of several. Five rounds, each on a new target.
   */
  @Test
  void concurrentPatchesOfOneTargetEachLeaveExactlyTheirOwnLineage() throws Exception {
    int clients = 20;
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      for (int round = 0; round < 5; round++) {
        String target = "patched_" + round;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> calls = new ArrayList<>();
        for (int client = 0; client < clients; client++) {
          String body =
              json(
                  "sql",
                  "INSERT INTO " + target + " (a, b) SELECT s.x, s.y FROM src_" + client + " s",
                  "dialect",
                  "postgresql",
                  "default_database",
                  "production",
                  "default_schema",
                  "public");
          calls.add(
              pool.submit(
                  () -> {
                    start.await();
                    return patch("/lineage/lineage_from_query", body).status();
                  }));
        }
        start.countDown();
        for (Future<Integer> call : calls) {
          assertThat(call.get()).isEqualTo(200);
        }
        List<String> upstream = upstreamSourceTables(tableId(target));
        assertThat(upstream).as("round " + round + ": " + upstream).hasSize(3);
        assertThat(Set.copyOf(upstream)).as("round " + round + ": " + upstream).hasSize(1);
      }
    } finally {
      pool.shutdown();
    }
  }

  /**
   * The source table of each live derived UPSTREAM edge of a table and its columns, by title (a
   * replace retires the edges it does not write: they stay, retired).
   */
  private List<String> upstreamSourceTables(UUID table) {
    List<UUID> entities = new ArrayList<>();
    entities.add(table);
    store.resources().columns(table).forEach(c -> entities.add(c.id()));
    List<String> sources = new ArrayList<>();
    for (LineageEdge e :
        store
            .history()
            .list(new EdgeFilter(entities, List.of()), LineageView.current(), 1, 1000)
            .results()) {
      if (e.direction() == Direction.UPSTREAM && !e.manual()) {
        Resource source = store.resources().find(e.toEntity()).orElseThrow();
        sources.add(
            source
                .tableId()
                .flatMap(id -> store.resources().find(id))
                .map(Resource::title)
                .orElse(source.title()));
      }
    }
    return sources;
  }
}
