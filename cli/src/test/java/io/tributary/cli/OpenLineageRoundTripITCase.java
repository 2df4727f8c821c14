package io.tributary.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.api.ApiConfig;
import io.tributary.api.LineageApi;
import io.tributary.connectors.catalog.CatalogImport;
import io.tributary.connectors.store.LineageStore;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OpenLineage out and in, end to end: a backfill of the shipped sample log sends its run events
 * ({@code --openlineage-url}) to {@code serve}'s own {@code POST /api/v1/lineage} of a second store
 * with the same catalog; the second store ends with exactly the edges the backfill wrote into the
 * first.
 */
class OpenLineageRoundTripITCase {

  private static final Path EXAMPLES = Path.of("..", "examples");

  @TempDir Path dir;

  @Test
  void eventsFromABackfillReproduceItsEdgesInASecondStore() throws Exception {
    String first = LineageStore.h2FileUrl(dir.resolve("first")).replace(";AUTO_SERVER=TRUE", "");
    String second = LineageStore.h2FileUrl(dir.resolve("second")).replace(";AUTO_SERVER=TRUE", "");
    try (LineageStore received = LineageStore.open(second, 4)) {
      try (Reader catalog = Files.newBufferedReader(EXAMPLES.resolve("catalog.json"))) {
        new CatalogImport(received, new ObjectMapper()).run(catalog);
      }
      String token = received.tokens().create("round trip");
      try (LineageApi api =
          LineageApi.start(received, ApiConfig.builder().host("127.0.0.1").port(0).build())) {
        StringWriter err = new StringWriter();
        int code =
            TributaryCommand.run(
                new PrintWriter(new StringWriter(), true),
                new PrintWriter(err, true),
                "backfill",
                "--source",
                "files",
                "--path",
                EXAMPLES.resolve("query-log.jsonl").toString(),
                "--catalog",
                EXAMPLES.resolve("catalog.json").toString(),
                "--dialect",
                "postgresql",
                "--store",
                first,
                "--parallelism",
                "1",
                "--openlineage-url",
                "http://127.0.0.1:" + api.port(),
                "--openlineage-api-key",
                token);
        assertThat(code).as(err.toString()).isZero();
      }
      Set<String> sent;
      try (LineageStore backfilled = LineageStore.open(first, 2)) {
        sent = edgeNames(backfilled);
      }
      assertThat(sent).hasSize(70);
      assertThat(edgeNames(received)).containsExactlyInAnyOrderElementsOf(sent);
    }
  }

  /** Every stored relationship as "from>to" over qualified names (its DOWNSTREAM row). */
  private static Set<String> edgeNames(LineageStore store) throws SQLException {
    String sql =
        """
        SELECT f.database_name, f.schema_name, ft.title, f.title,
               t.database_name, t.schema_name, tt.title, t.title
        FROM lineage_edges e
        JOIN resources f ON f.id = e.from_entity
        LEFT JOIN resources ft ON ft.id = f.table_id
        JOIN resources t ON t.id = e.to_entity
        LEFT JOIN resources tt ON tt.id = t.table_id
        WHERE e.direction = 'DOWNSTREAM'
        """;
    Set<String> names = new TreeSet<>();
    try (Connection c = store.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        names.add(name(rs, 1) + ">" + name(rs, 5));
      }
    }
    return names;
  }

  private static String name(ResultSet rs, int first) throws SQLException {
    StringBuilder b = new StringBuilder();
    for (int i = first; i < first + 4; i++) {
      String part = rs.getString(i);
      if (part != null) {
        b.append(b.isEmpty() ? "" : ".").append(part);
      }
    }
    return b.toString();
  }
}
