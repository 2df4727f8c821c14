package io.tributary.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ApiBenchmarkCommandTest {

  private static int run(StringWriter err, String... args) {
    return TributaryCommand.run(new PrintWriter(new StringWriter()), new PrintWriter(err), args);
  }

  @Test
  void aRateBelowOneIsAUsageErrorBeforeTheStoreIsOpened() {
    StringWriter err = new StringWriter();
    int code = run(err, "benchmark-api", "--store", "jdbc:h2:mem:never-opened", "--rate", "200,0");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("a rate must be at least 1 request/s");
  }

  @Test
  void tooFewTablesForTheJoinedPreviewIsAUsageError() {
    StringWriter err = new StringWriter();
    int code = run(err, "benchmark-api", "--store", "jdbc:h2:mem:never-opened", "--tables", "2");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("tables at least 3");
  }
}
