package io.tributary.sql.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.sql.dialect.Dialects;
import io.tributary.sql.model.AnalysisError;
import io.tributary.sql.model.ErrorKind;
import java.time.Duration;
import java.util.OptionalInt;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.select.PlainSelect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StatementParserTest {

  private static final long TIMEOUT = Duration.ofSeconds(10).toNanos();

  private static ParseResult parse(String dialect, String sql) {
    ScriptStatement statement = new ScriptSplitter(Dialects.byName(dialect)).split(sql).get(0);
    return new StatementParser(Dialects.byName(dialect)).parse(statement, TIMEOUT);
  }

  private static Statement parsed(String dialect, String sql) {
    ParseResult result = parse(dialect, sql);
    assertThat(result).as("%s: %s", dialect, result).isInstanceOf(ParseResult.Parsed.class);
    return ((ParseResult.Parsed) result).statement();
  }

  private static AnalysisError error(String dialect, String sql) {
    ParseResult result = parse(dialect, sql);
    assertThat(result).isInstanceOf(ParseResult.Failed.class);
    return ((ParseResult.Failed) result).error();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "tsql       | SELECT [Order Id] FROM [sales].[dbo].[orders]",
        "tsql       | SELECT a FROM srv.sales.dbo.orders",
        "sqlite     | SELECT [a] FROM [t]",
        "mysql      | SELECT `a` FROM `shop`.`orders` WHERE b = \"x\" # note",
        "mariadb    | SELECT `a` FROM shop.orders WHERE b = 'it\\'s'",
        "bigquery   | SELECT a FROM `my-project.sales.orders` WHERE b = \"x\"",
        "bigquery   | SELECT a FROM my-project.sales.orders o JOIN my-project-2.s.t ON o.a = t.a",
        "databricks | SELECT `a` FROM main.sales.orders",
        "postgres   | SELECT $$a;b$$ AS x, a::text FROM s.t",
        "snowflake  | SELECT a FROM db.s.t WHERE b = 'x'",
        "redshift   | SELECT a FROM s.t",
        "oracle     | SELECT a FROM s.t WHERE ROWNUM < 3",
        "trino      | SELECT a FROM hive.s.t",
        "duckdb     | SELECT a FROM s.t",
        "clickhouse | SELECT a FROM db.t",
        "teradata   | SELECT a FROM db.t",
        "db2        | SELECT a FROM s.t",
        "vertica    | SELECT a FROM s.t",
        "greenplum  | SELECT a FROM s.t",
        "materialize| SELECT a FROM s.t",
        "exasol     | SELECT a FROM s.t",
        "ansi       | SELECT a FROM s.t"
      })
  void everyDialectParsesItsOwnQuoting(String dialect, String sql) {
    assertThat(parsed(dialect, sql)).isNotNull();
  }

  @Test
  void bigQueryDashedProjectsBecomeOneTablePath() {
    PlainSelect select = (PlainSelect) parsed("bigquery", "SELECT a FROM my-project.sales.orders");
    Table table = (Table) select.getFromItem();
    // JSqlParser hands the parts of a backticked path back in double quotes
    assertThat(
            Dialects.BIGQUERY.normalizeParts(
                java.util.List.of(table.getDatabaseName(), table.getSchemaName(), table.getName())))
        .containsExactly("my-project", "sales", "orders");
  }

  @Test
  void errorsAfterAQuotedDashedPathPointIntoTheOriginalText() {
    String sql = "SELECT a FROM my-project.sales.orders\nWHERE a = = 1";
    AnalysisError e = error("bigquery", sql);
    assertThat(e.line()).isEqualTo(OptionalInt.of(2));
    assertThat(e.column()).isEqualTo(OptionalInt.of(11));
    AnalysisError sameLine =
        error("bigquery", "SELECT a FROM my-project.sales.orders WHERE a = = 1");
    assertThat(sameLine.column()).isEqualTo(OptionalInt.of(49));
  }

  @Test
  void tabsCountAsOneColumn() {
    AnalysisError e = error("ansi", "SELECT\ta\tFROM t WHERE a = = 1");
    assertThat(e.column()).isEqualTo(OptionalInt.of(27));
  }

  @Test
  void minusInExpressionsIsLeftAlone() {
    assertThat(parsed("bigquery", "SELECT a-b.c FROM t AS b").toString())
        .isEqualTo("SELECT a - b.c FROM t AS b");
  }

  @Test
  void complexGrammarIsTriedWhenTheSimpleOneFails() {
    // parses only with complex parsing enabled
    assertThat(parsed("ansi", "SELECT * FROM t WHERE (a, b) IN ((1, 2), (3, 4))")).isNotNull();
  }

  @Test
  void syntaxErrorsCarryLineAndColumn() {
    AnalysisError e = error("ansi", "SELECT a\nFROM t\n  WHERE a = = 1");
    assertThat(e.kind()).isEqualTo(ErrorKind.PARSE_ERROR);
    assertThat(e.line()).isEqualTo(OptionalInt.of(3));
    assertThat(e.column()).isEqualTo(OptionalInt.of(13));
    assertThat(e.message()).contains("=");
  }

  @Test
  void trailingGarbageIsAnError() {
    AnalysisError e = error("ansi", "SELECT a FROM t WHERE a = 1 1");
    assertThat(e.kind()).isEqualTo(ErrorKind.PARSE_ERROR);
    assertThat(e.column()).isEqualTo(OptionalInt.of(29));
  }

  @Test
  void lexicalErrorsCarryLineAndColumn() {
    AnalysisError e = error("ansi", "SELECT 1,\n 'abc");
    assertThat(e.kind()).isEqualTo(ErrorKind.PARSE_ERROR);
    assertThat(e.line()).isEqualTo(OptionalInt.of(2));
    assertThat(e.column()).isPresent();
    assertThat(e.message()).startsWith("lexical error: ").contains("<EOF>");
  }

  @Test
  void absurdNestingIsRefusedBeforeParsing() {
    String sql = "SELECT " + "(".repeat(5_000) + "1" + ")".repeat(5_000);
    long start = System.nanoTime();
    assertThat(error("ansi", sql).kind()).isEqualTo(ErrorKind.TOO_DEEP);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void stackOverflowBelowTheNestingLimitIsTooDeep() throws Exception {
    // 299 nested subqueries are within the limit but overflow a small stack
    String sql = "SELECT " + "(SELECT ".repeat(299) + "1" + ")".repeat(299) + " FROM t";
    ScriptStatement statement = new ScriptSplitter(Dialects.ANSI).split(sql).get(0);
    StatementParser parser = new StatementParser(Dialects.ANSI);
    parser.parse("SELECT 1", 0, TIMEOUT); // load the parser's classes on a normal stack
    Object[] seen = new Object[1];
    Thread small =
        new Thread(
            null,
            () -> {
              try {
                seen[0] = parser.parse(statement, TIMEOUT);
              } catch (Throwable t) {
                seen[0] = t;
              }
            },
            "small-stack",
            128 * 1024);
    small.start();
    small.join();
    assertThat(seen[0]).isInstanceOf(ParseResult.Failed.class);
    assertThat(((ParseResult.Failed) seen[0]).error().kind()).isEqualTo(ErrorKind.TOO_DEEP);
  }

  @Test
  void aParseThatRunsPastItsTimeoutStops() {
    StringBuilder sql = new StringBuilder("SELECT ");
    for (int i = 0; i < 20_000; i++) {
      sql.append(i == 0 ? "" : " + ").append("(a").append(i).append(" * 2)");
    }
    sql.append(" FROM t");
    ParseResult result =
        new StatementParser(Dialects.ANSI).parse(sql.toString(), 1, Duration.ofMillis(1).toNanos());
    assertThat(result).isInstanceOf(ParseResult.Failed.class);
    assertThat(((ParseResult.Failed) result).error().kind()).isEqualTo(ErrorKind.TIMEOUT);
  }

  @Test
  void blankLinesAndSeparatorLinesInsideAStatementAreLayout() {
    assertThat(parsed("postgres", "SELECT a\n\n\nFROM t\n\n\n\nWHERE a = 1")).isNotNull();
    assertThat(parsed("ansi", "SELECT a\n/\n2 AS x FROM t")).isNotNull();
    AnalysisError e = error("postgres", "SELECT a\n\n\nFROM t\n\n\nWHERE a = = 1");
    assertThat(e.line()).isEqualTo(OptionalInt.of(7));
    assertThat(e.column()).isEqualTo(OptionalInt.of(11));
  }

  @Test
  void theParsersOwnChecksBecomeParseErrorsWithAPosition() {
    // JSqlParser splits a quoted name on dots and throws on too many parts
    ParseResult result = parse("postgres", "SELECT x FROM t WHERE \"a.b.c.d.e.f\" = 1");
    if (result instanceof ParseResult.Failed failed) {
      assertThat(failed.error().kind()).isEqualTo(ErrorKind.PARSE_ERROR);
      assertThat(failed.error().message()).doesNotContain("Exception").doesNotContain("java.");
      assertThat(failed.error().line()).isEqualTo(OptionalInt.of(1));
      assertThat(failed.error().column()).isEqualTo(OptionalInt.of(23));
    }
  }

  @Test
  void procedureBodiesAreParsedWithTheirIntoVariablesBlanked() {
    String script = "DO $$ BEGIN SELECT a INTO v FROM t WHERE b = = 1; END $$";
    var d = Dialects.byName("postgres");
    ScriptStatement inner =
        new BlockWalker(d).walk(script, new ScriptSplitter(d).split(script)).get(0);
    ParseResult result = new StatementParser(d).parse(inner, TIMEOUT);
    assertThat(result).isInstanceOf(ParseResult.Failed.class);
    // the position is the statement's own, as written
    assertThat(((ParseResult.Failed) result).error().column()).isEqualTo(OptionalInt.of(34));
  }

  @Test
  void aConditionWhereAnExpressionIsExpectedNeedsTheComplexGrammar() {
    // the simple grammar stops at "=", a token that continues a condition: worth a second parse
    assertThat(parsed("ansi", "SELECT CASE WHEN x THEN a = b END AS c FROM t")).isNotNull();
    // a misspelled keyword fails in both grammars: the error is the simple grammar's own
    assertThat(error("ansi", "SELECT a, b FORM t").message())
        .isEqualTo("syntax error at or near \"t\"");
  }
}
