package io.tributary.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.api.ApiConfig;
import io.tributary.api.LineageApi;
import io.tributary.connectors.store.LineageStore;
import io.tributary.connectors.store.TestDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two writers of lineage follow one rule: the same statements, backfilled by the Flink job
 * (MiniCluster, into PostgreSQL) and posted one by one to {@code POST /lineage/lineage_from_query}
 * (into H2), leave the same resources and the same edges under the same ids.
 */
class ApiAndBackfillAgreeITCase {

  private static final List<String> STATEMENTS =
      List.of(
          // An unknown table's * is no column: no * resources, no * → * edge, only the table edge.
          "INSERT INTO marts.snapshot SELECT * FROM raw.unknown_table",
          "INSERT INTO marts.totals (day, total) SELECT day, SUM(amount) FROM raw.payments GROUP BY day",
          // A column into itself is no edge.
          "UPDATE marts.totals SET total = total + 1",
          // A quoted name keeps its case: "Orders" and orders are two tables.
          "INSERT INTO marts.\"Orders\" (id) SELECT id FROM marts.orders",
          "CREATE TABLE marts.joined AS SELECT p.amount, o.id FROM raw.payments p"
              + " JOIN marts.orders o ON p.day = o.day",
          // A plain SELECT stores nothing.
          "SELECT a FROM raw.lonely");

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void aBackfillAndTheApiStoreTheSameResourcesAndEdges() throws Exception {
    try (TestDatabase backfilled = TestDatabase.postgres();
        TestDatabase posted = TestDatabase.h2()) {
      backfill(backfilled.jdbcUrl());
      post(posted.jdbcUrl());

      Set<String> jobResources = rows(backfilled.jdbcUrl(), RESOURCES);
      Set<String> jobEdges = rows(backfilled.jdbcUrl(), EDGES);
      assertThat(rows(posted.jdbcUrl(), RESOURCES)).isEqualTo(jobResources);
      assertThat(rows(posted.jdbcUrl(), EDGES)).isEqualTo(jobEdges);

      assertThat(jobResources)
          .extracting(r -> r.split("\\|")[2])
          .doesNotContain("*")
          .contains("Orders", "orders", "unknown_table", "snapshot")
          .doesNotContain("lonely");
      // snapshot ← unknown_table; totals ← payments, 2 column edges; "Orders" ← orders, 1 column
      // edge; joined ← payments, orders, 2 column edges: 10 relationships, stored both ways.
      assertThat(jobEdges).hasSize(20);
    }
  }

  private void backfill(String store) throws Exception {
    Path log = dir.resolve("log.jsonl");
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < STATEMENTS.size(); i++) {
      ObjectNode record = JSON.createObjectNode();
      record.put("query_id", "q" + i);
      record.put("sql", STATEMENTS.get(i));
      record.put("start_time", "2024-01-01T00:00:0" + i + "Z");
      record.put("database_name", "wh");
      record.put("schema_name", "public");
      lines.add(JSON.writeValueAsString(record));
    }
    Files.write(log, lines);
    StringWriter err = new StringWriter();
    int code =
        TributaryCommand.run(
            new PrintWriter(new StringWriter(), true),
            new PrintWriter(err, true),
            "backfill",
            "--source",
            "files",
            "--path",
            log.toString(),
            "--dialect",
            "postgresql",
            "--store",
            store,
            "--parallelism",
            "1");
    assertThat(code).as(err.toString()).isZero();
  }

  private void post(String url) throws Exception {
    try (LineageStore store = LineageStore.open(url, 4);
        LineageApi api =
            LineageApi.start(store, ApiConfig.builder().host("127.0.0.1").port(0).build())) {
      String token = store.tokens().create("agreement test");
      HttpClient http = HttpClient.newHttpClient();
      for (String sql : STATEMENTS) {
        ObjectNode body = JSON.createObjectNode();
        body.put("sql", sql);
        body.put("dialect", "postgresql");
        body.put("default_database", "wh");
        body.put("default_schema", "public");
        HttpResponse<String> response =
            http.send(
                HttpRequest.newBuilder(
                        URI.create(
                            "http://127.0.0.1:" + api.port() + "/lineage/lineage_from_query"))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(sql + ": " + response.body()).isEqualTo(200);
      }
    }
  }

  private static final String RESOURCES =
      "SELECT id, entity_type, title, table_id, schema_name, database_name FROM resources";
  private static final String EDGES = "SELECT from_entity, to_entity, direction FROM lineage_edges";

  private static Set<String> rows(String url, String query) throws Exception {
    Set<String> rows = new TreeSet<>();
    try (LineageStore store = LineageStore.open(url, 1);
        Connection c = store.dataSource().getConnection();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(query)) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= columns; i++) {
          row.append(i > 1 ? "|" : "").append(rs.getString(i));
        }
        rows.add(row.toString());
      }
    }
    return rows;
  }
}
