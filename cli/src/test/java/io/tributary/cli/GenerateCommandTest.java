package io.tributary.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {

  @TempDir Path dir;

  private static int run(StringWriter out, StringWriter err, String... args) {
    return TributaryCommand.run(new PrintWriter(out), new PrintWriter(err), args);
  }

  @Test
  void aRealisticLogReportsItsMixAndItsTruthHasTheStitchedTempTableEdges() throws Exception {
    StringWriter out = new StringWriter();
    Path log = dir.resolve("log.jsonl");
    Path truth = dir.resolve("truth.json");
    int code =
        run(
            out,
            new StringWriter(),
            "generate",
            "--rows",
            "4000",
            "--distinct",
            "0.2",
            "--truncated",
            "0.05",
            "--out",
            log.toString(),
            "--truth-out",
            truth.toString());

    assertThat(code).isZero();
    assertThat(out.toString())
        .contains("4,000 rows")
        .contains("ad-hoc queries")
        .contains("truncated");
    assertThat(Files.readAllLines(log)).hasSize(4_000);
    assertThat(Files.readString(truth))
        .contains("analytics.marts.recent_customer_value.recent_value")
        .doesNotContain("tmp_recent_orders");
  }

  @Test
  void aShareOutsideZeroToOneIsAUsageError() {
    StringWriter err = new StringWriter();
    int code =
        run(
            new StringWriter(),
            err,
            "generate",
            "--distinct",
            "1.5",
            "--out",
            dir.resolve("x.jsonl").toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("--distinct");
    assertThat(dir.resolve("x.jsonl")).doesNotExist();
  }
}
