package io.tributary.sql.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.sql.dialect.Dialects;
import io.tributary.sql.model.AnalysisError;
import io.tributary.sql.model.ErrorKind;
import java.time.Duration;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RestatementTest {

  private static String restated(String dialect, String sql) {
    return Restatement.restate(sql, Dialects.byName(dialect)).text();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "postgresql | SELECT SUM(a) AS returns FROM s | SELECT SUM(a) AS \"returns\" FROM s",
        "snowflake  | SELECT a AS returns FROM s      | SELECT a AS \"RETURNS\" FROM s",
        "mysql      | SELECT t.output FROM t          | SELECT t.`output` FROM t",
        "ansi       | SELECT coalesce(x, 0) returns, y FROM s | SELECT coalesce(x, 0) \"returns\", y FROM s",
        "ansi       | SELECT a FROM final WHERE sample > 1 | SELECT a FROM \"final\" WHERE \"sample\" > 1",
        "snowflake  | SELECT a, b, FROM t             | SELECT a, b  FROM t",
        "teradata   | SEL a FROM s WHERE a EQ 1       | SELECT a FROM s WHERE a =  1",
        "databricks | INSERT OVERWRITE t1 SELECT 1    | INSERT OVERWRITE TABLE t1 SELECT 1",
        "bigquery   | SELECT a[OFFSET(0)] FROM d.t$20240101 | SELECT a[       0 ] FROM d.t",
      })
  void restatesWhatTheParserDoesNotRead(String dialect, String sql, String expected) {
    assertThat(restated(dialect, sql)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "postgresql | SELECT SUM(a) OVER (ORDER BY d ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) FROM s",
        "oracle     | SELECT a FROM t START WITH a IS NULL CONNECT BY PRIOR a = b",
        "databricks | SELECT a FROM s LEFT SEMI JOIN t ON s.a = t.a",
        "clickhouse | SELECT a FROM t FINAL SAMPLE 0.1",
        "postgresql | INSERT INTO t VALUES (1) RETURNING id",
        "mysql      | SELECT SQL_CALC_FOUND_ROWS a FROM t",
        "postgresql | SELECT a FROM t WHERE b IS UNKNOWN",
        "postgresql | SELECT CAST(a AS date) FROM t",
        "postgresql | CREATE TABLE backup.t AS SELECT backup FROM s",
      })
  void leavesKeywordsInTheirOwnSyntaxAlone(String dialect, String sql) {
    assertThat(restated(dialect, sql)).isEqualTo(sql);
  }

  @Test
  void parseErrorsPointAtTheStatementAsWritten() {
    // the restated text is two characters longer before the error (SEL -> SELECT, quoted alias)
    String sql = "SEL a AS returns\nFROM s WHERE a EQ 1 AND AND b";
    ParseResult result =
        new StatementParser(Dialects.byName("teradata"))
            .parse(sql, 0, Duration.ofSeconds(10).toNanos());
    assertThat(result).isInstanceOf(ParseResult.Failed.class);
    AnalysisError error = ((ParseResult.Failed) result).error();
    assertThat(error.kind()).isEqualTo(ErrorKind.PARSE_ERROR);
    assertThat(error.line()).isEqualTo(OptionalInt.of(2));
    assertThat(error.column()).isEqualTo(OptionalInt.of(25));
  }

  @Test
  void mapsOffsetsAcrossInsertionsAndReplacements() {
    TextEdits edits = new TextEdits("SEL a FROM t");
    edits.replace(0, 3, "SELECT");
    edits.insert(11, "x");
    TextEdits.Rewrite rewrite = edits.apply();
    assertThat(rewrite.text()).isEqualTo("SELECT a FROM xt");
    assertThat(rewrite.originalOffset(7)).isEqualTo(4); // a
    assertThat(rewrite.originalOffset(2)).isEqualTo(0); // inside SELECT
    assertThat(rewrite.originalOffset(15)).isEqualTo(11); // t
  }
}
