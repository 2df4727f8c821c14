package io.tributary.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connectors.store.LineageStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's main command: {@code tributary backfill} of the shipped sample log with its catalog
 * into an embedded H2 store, then the generator's command on the same shapes.
 */
class BackfillCommandITCase {

  @TempDir Path dir;

  @Test
  void backfillsTheSampleLogIntoAnH2StoreAndPrintsASummary() throws Exception {
    Path examples = Path.of("..", "examples");
    String store = LineageStore.h2FileUrl(dir).replace(";AUTO_SERVER=TRUE", "");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int code =
        TributaryCommand.run(
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            "backfill",
            "--source",
            "files",
            "--path",
            examples.resolve("query-log.jsonl").toString(),
            "--catalog",
            examples.resolve("catalog.json").toString(),
            "--dialect",
            "postgresql",
            "--store",
            store,
            "--parallelism",
            "1");

    assertThat(code).as(err.toString()).isZero();
    assertThat(err.toString()).contains("16 tables, 74 columns imported");
    assertThat(out.toString())
        .contains("statements            2,000 (40 failed in the warehouse, not analyzed)")
        .contains("edges                 70 new, 0 existing")
        .containsPattern("time +[0-9.]+ s, [0-9,]+ rows/s");
    try (LineageStore s = LineageStore.open(store, 2);
        Connection c = s.dataSource().getConnection();
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery("SELECT COUNT(*) FROM lineage_edges WHERE direction = 'DOWNSTREAM'")) {
      rs.next();
      assertThat(rs.getLong(1)).isEqualTo(70);
    }
  }

  @Test
  void anUnknownSourceIsAUsageError() {
    StringWriter err = new StringWriter();
    int code =
        TributaryCommand.run(
            new PrintWriter(new StringWriter(), true),
            new PrintWriter(err, true),
            "backfill",
            "--source",
            "kafka",
            "--store",
            LineageStore.h2FileUrl(dir));
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("unknown --source 'kafka' (files, jdbc, pg-csvlog)");
  }
}
