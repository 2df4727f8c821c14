package io.tributary.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyzeCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private record Run(int exitCode, String out, String err) {
    List<JsonNode> lines() throws IOException {
      List<JsonNode> nodes = new ArrayList<>();
      for (String line : out.split("\n")) {
        if (!line.isBlank()) {
          nodes.add(JSON.readTree(line));
        }
      }
      return nodes;
    }
  }

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = TributaryCommand.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void unknownDialectIsAUsageErrorListingTheKnownOnes() {
    Run run = run("analyze", "--dialect", "cobol", "SELECT 1");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("unknown dialect 'cobol'").contains("postgresql");
  }

  @Test
  void missingDialectIsAUsageError() {
    Run run = run("analyze", "SELECT 1");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--dialect is required");
  }

  @Test
  void unknownOptionIsAUsageError() {
    assertThat(run("analyze", "--frobnicate").exitCode()).isEqualTo(2);
  }

  @Test
  void everyCommandHasHelp() {
    Run run = run("analyze", "--help");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("--batch").contains("--catalog").contains("--default-schema");
  }

  private static final String TEMP_SCRIPT =
      "CREATE TEMP TABLE tmp AS SELECT o.id, o.amount FROM raw.orders o;"
          + " INSERT INTO marts.totals (id, total) SELECT id, amount FROM tmp;"
          + " DROP TABLE tmp";

  private static List<String> pairs(JsonNode statement) {
    List<String> pairs = new ArrayList<>();
    statement
        .get("column_lineages")
        .forEach(
            p ->
                pairs.add(
                    p.at("/from_column/table").asText()
                        + "."
                        + p.at("/from_column/title").asText()
                        + " -> "
                        + p.at("/to_column/table").asText()
                        + "."
                        + p.at("/to_column/title").asText()));
    return pairs;
  }

  @Test
  void aScriptIsStitchedThroughItsTemporaryTablesUnlessAskedToKeepThem() throws IOException {
    List<JsonNode> stitched = run("analyze", "--dialect", "postgresql", TEMP_SCRIPT).lines();
    assertThat(stitched).hasSize(3);
    assertThat(stitched.get(0).get("target_table").isNull()).isTrue();
    assertThat(pairs(stitched.get(1)))
        .containsExactlyInAnyOrder("orders.id -> totals.id", "orders.amount -> totals.total");
    assertThat(stitched.get(2).get("table_changes")).isEmpty();

    List<JsonNode> kept =
        run("analyze", "--dialect", "postgresql", "--keep-temporary-tables", TEMP_SCRIPT).lines();
    assertThat(kept.get(0).at("/target_table/title").asText()).isEqualTo("tmp");
    assertThat(pairs(kept.get(1)))
        .containsExactlyInAnyOrder("tmp.id -> totals.id", "tmp.amount -> totals.total");
    assertThat(kept.get(2).at("/table_changes/0/change").asText()).isEqualTo("dropped");
  }

  @Test
  void temporaryNamePatternsReplaceDbtsAndMustBeRegularExpressions() throws IOException {
    String script =
        "CREATE TABLE stage_x AS SELECT o.id FROM raw.orders o;"
            + " INSERT INTO marts.ids (id) SELECT id FROM stage_x";
    List<JsonNode> out =
        run("analyze", "--dialect", "postgresql", "--temporary-name", "stage_.*", script).lines();
    assertThat(pairs(out.get(1))).containsExactly("orders.id -> ids.id");
    Run bad = run("analyze", "--dialect", "postgresql", "--temporary-name", "(", script);
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains("--temporary-name is not a regular expression");
  }

  @Test
  void insertSelectPrintsTargetSourcesAndColumnPairs() throws IOException {
    Run run =
        run(
            "analyze",
            "--dialect",
            "postgresql",
            "INSERT INTO marts.revenue (day, total) "
                + "SELECT o.day, SUM(o.amount) FROM raw.orders o GROUP BY o.day");
    assertThat(run.exitCode()).isZero();
    JsonNode result = run.lines().get(0);
    assertThat(result.get("error").isNull()).isTrue();
    assertThat(result.at("/target_table/schema_name").asText()).isEqualTo("marts");
    assertThat(result.at("/target_table/title").asText()).isEqualTo("revenue");
    assertThat(result.at("/source_tables/0/title").asText()).isEqualTo("orders");
    assertThat(result.get("column_lineages"))
        .extracting(
            p ->
                p.at("/from_column/title").asText()
                    + "->"
                    + p.at("/to_column/title").asText()
                    + ":"
                    + p.get("kind").asText())
        .containsExactlyInAnyOrder("day->day:direct", "amount->total:derived");
  }

  @Test
  void catalogFileExpandsStar() throws IOException {
    Path catalog = dir.resolve("catalog.json");
    Files.writeString(
        catalog,
        """
        {"tables": [{"database_name": null, "schema_name": "raw", "title": "orders",
          "columns": [{"title": "id", "type": "int"}, {"title": "amount", "type": "numeric"}]}]}
        """);
    Run run =
        run(
            "analyze",
            "--dialect",
            "postgresql",
            "--catalog",
            catalog.toString(),
            "CREATE TABLE staging.orders AS SELECT * FROM raw.orders");
    assertThat(run.exitCode()).isZero();
    assertThat(run.lines().get(0).get("column_lineages"))
        .extracting(p -> p.at("/to_column/title").asText())
        .containsExactlyInAnyOrder("id", "amount");
  }

  @Test
  void batchKeepsGoingPastBadLinesAndKeepsIds() throws IOException {
    Path input = dir.resolve("in.jsonl");
    Files.writeString(
        input,
        String.join(
            "\n",
            "{\"id\": \"a\", \"sql\": \"INSERT INTO t2 SELECT x FROM t1\", \"dialect\": \"postgresql\", \"extra\": 1}",
            "this is not json",
            "{\"id\": \"c\", \"dialect\": \"postgresql\"}",
            "{\"id\": \"d\", \"sql\": \"SELEC broken FROM\", \"dialect\": \"postgresql\"}",
            "{\"id\": \"e\", \"sql\": \"SELECT 1\", \"dialect\": \"klingon\"}",
            ""));
    Run run = run("analyze", "--batch", "-f", input.toString());
    assertThat(run.exitCode()).isZero();
    List<JsonNode> lines = run.lines();
    assertThat(lines).hasSize(5);
    assertThat(lines.get(0).get("id").asText()).isEqualTo("a");
    assertThat(lines.get(0).get("error").isNull()).isTrue();
    assertThat(lines.get(0).at("/target_table/title").asText()).isEqualTo("t2");
    assertThat(lines.get(1).at("/error/kind").asText()).isEqualTo("invalid_input");
    assertThat(lines.get(2).get("id").asText()).isEqualTo("c");
    assertThat(lines.get(2).at("/error/message").asText()).contains("sql");
    assertThat(lines.get(3).get("id").asText()).isEqualTo("d");
    assertThat(lines.get(3).at("/error/kind").asText()).isEqualTo("parse_error");
    assertThat(lines.get(3).at("/error/line").asInt()).isEqualTo(1);
    assertThat(lines.get(4).at("/error/message").asText()).contains("unknown dialect");
  }

  @Test
  void batchLineCatalogPlacesUnqualifiedColumns() throws IOException {
    Path input = dir.resolve("in.jsonl");
    Files.writeString(
        input,
        "{\"id\": 7, \"dialect\": \"postgresql\", \"sql\": \"SELECT name FROM a JOIN b ON a.id = b.a_id\","
            + " \"catalog\": {\"tables\": [{\"title\": \"a\", \"columns\": [{\"title\": \"id\"}]},"
            + " {\"title\": \"b\", \"columns\": [{\"title\": \"a_id\"}, {\"title\": \"name\"}]}]}}\n");
    Run run = run("analyze", "--batch", "-f", input.toString());
    JsonNode line = run.lines().get(0);
    assertThat(line.get("id").asInt()).isEqualTo(7);
    assertThat(line.at("/column_lineages/0/from_column/table").asText()).isEqualTo("b");
    assertThat(line.at("/column_lineages/0/to_column/title").asText()).isEqualTo("name");
    assertThat(line.at("/column_lineages/0/to_column/table").isNull()).isTrue();
  }

  @Test
  void batchErrorLinesCountBlankLines() throws IOException {
    Path input = dir.resolve("in.jsonl");
    Files.writeString(
        input, "{\"sql\": \"SELECT 1\", \"dialect\": \"postgresql\"}\n\n   \nnot json\n");
    List<JsonNode> lines = run("analyze", "--batch", "-f", input.toString()).lines();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(1).at("/error/message").asText()).startsWith("line 4 is not valid JSON");
  }

  @Test
  void batchLineThatIsNotUtf8IsInvalidInputAndTheNextLineStillRuns() throws IOException {
    Path input = dir.resolve("in.jsonl");
    byte[] bad =
        "{\"id\": 1, \"sql\": \"SELECT caf\u00ff FROM t\", \"dialect\": \"ansi\"}\n"
            .getBytes(StandardCharsets.ISO_8859_1);
    byte[] good =
        "{\"id\": 2, \"sql\": \"INSERT INTO b SELECT x FROM a\", \"dialect\": \"ansi\"}\n"
            .getBytes(StandardCharsets.UTF_8);
    Files.write(input, concat(bad, good));
    List<JsonNode> lines = run("analyze", "--batch", "-f", input.toString()).lines();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0).at("/error/kind").asText()).isEqualTo("invalid_input");
    assertThat(lines.get(0).at("/error/message").asText())
        .isEqualTo("line 1 is not valid UTF-8 (byte 29)");
    assertThat(lines.get(1).get("id").asInt()).isEqualTo(2);
    assertThat(lines.get(1).at("/target_table/title").asText()).isEqualTo("b");
  }

  @Test
  void batchJsonErrorsNameNoJavaClasses() throws IOException {
    Path input = dir.resolve("in.jsonl");
    Files.writeString(input, "[".repeat(1_500) + "\n{\"sql\": 1, \"dialect\": [}\n");
    List<JsonNode> lines = run("analyze", "--batch", "-f", input.toString()).lines();
    assertThat(lines).hasSize(2);
    for (JsonNode line : lines) {
      String message = line.at("/error/message").asText();
      assertThat(line.at("/error/kind").asText()).isEqualTo("invalid_input");
      assertThat(message)
          .doesNotContain("StreamReadConstraints")
          .doesNotContain("`")
          .doesNotContain("java.")
          .doesNotContain("com.fasterxml");
    }
    assertThat(lines.get(0).at("/error/message").asText())
        .startsWith("line 1 is not valid JSON at column")
        .contains("nesting depth");
    assertThat(lines.get(1).at("/error/message").asText())
        .startsWith("line 2 is not valid JSON at column 24: Unexpected close marker '}'");
  }

  /** A coprocess writes a line and waits for its answer before writing the next. */
  @Test
  void batchAnswersEachLineWhileStdinStaysOpen() throws Exception {
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                TributaryCommand.class.getName(),
                "analyze",
                "--batch",
                "--dialect",
                "postgresql")
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    try (var toChild = process.getOutputStream();
        var fromChild =
            new java.io.BufferedReader(
                new java.io.InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      var executor = java.util.concurrent.Executors.newSingleThreadExecutor();
      try {
        for (String id : List.of("a", "b", "c")) {
          toChild.write(
              ("{\"id\": \"" + id + "\", \"sql\": \"INSERT INTO t_" + id + " SELECT x FROM s\"}\n")
                  .getBytes(StandardCharsets.UTF_8));
          toChild.flush();
          String answer =
              executor.submit(fromChild::readLine).get(60, java.util.concurrent.TimeUnit.SECONDS);
          JsonNode node = JSON.readTree(answer);
          assertThat(node.get("id").asText()).isEqualTo(id);
          assertThat(node.at("/target_table/title").asText()).isEqualTo("t_" + id);
        }
      } finally {
        executor.shutdownNow();
      }
    } finally {
      process.destroy();
      process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
