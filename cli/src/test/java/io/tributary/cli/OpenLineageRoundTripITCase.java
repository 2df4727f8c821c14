package io.tributary.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.api.ApiConfig;
import io.tributary.api.LineageApi;
import io.tributary.connectors.catalog.CatalogImport;
import io.tributary.connectors.store.LineageStore;
import io.tributary.connectors.store.StoredEdgeNames;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
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
        sent = StoredEdgeNames.of(backfilled);
      }
      assertThat(sent).hasSize(70);
      assertThat(StoredEdgeNames.of(received)).containsExactlyInAnyOrderElementsOf(sent);
    }
  }
}
