package io.tributary.sql.lineage;

import static io.tributary.sql.lineage.Lineage.indirect;
import static io.tributary.sql.lineage.Lineage.pairs;
import static io.tributary.sql.lineage.Lineage.sources;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.sql.catalog.Catalog;
import io.tributary.sql.catalog.InMemoryCatalog;
import io.tributary.sql.dialect.Dialects;
import io.tributary.sql.model.SessionDefaults;
import io.tributary.sql.model.StatementKind;
import io.tributary.sql.model.StatementLineage;
import io.tributary.sql.model.TableName;
import io.tributary.sql.model.Warning;
import io.tributary.sql.model.WarningKind;
import io.tributary.sql.parse.Deadline;
import java.time.Duration;
import java.util.Optional;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import org.junit.jupiter.api.Test;

/** Dialect naming rules end to end, less common constructs, and the extractor's bounds. */
class DialectLineageTest {

  private static StatementLineage snowflake(String sql, Catalog catalog) {
    return Lineage.of(
        sql,
        Dialects.SNOWFLAKE,
        catalog,
        new SessionDefaults(Optional.of("ANALYTICS"), Optional.of("PUBLIC")));
  }

  private static StatementLineage bare(String sql) {
    return Lineage.of(sql, Dialects.POSTGRESQL, Catalog.empty(), SessionDefaults.none());
  }

  @Test
  void snowflakeFoldsUnquotedNamesUpAndKeepsQuotedOnes() {
    StatementLineage l =
        snowflake(
            "CREATE OR REPLACE TABLE mart.\"Top\" AS SELECT o.id, o.\"amount\" AS \"Amt\" FROM raw.orders o",
            Catalog.empty());
    assertThat(l.kind()).isEqualTo(StatementKind.CREATE_TABLE_AS);
    assertThat(l.target()).contains(TableName.of("ANALYTICS", "MART", "Top"));
    assertThat(sources(l)).containsExactly("ANALYTICS.RAW.ORDERS");
    assertThat(pairs(l))
        .containsExactly(
            "ANALYTICS.RAW.ORDERS.ID -> ANALYTICS.MART.Top.ID direct",
            "ANALYTICS.RAW.ORDERS.amount -> ANALYTICS.MART.Top.Amt direct");
  }

  @Test
  void snowflakeCatalogInLowerCaseStillExpandsStarsInItsSpelling() {
    Catalog catalog =
        InMemoryCatalog.builder(Dialects.SNOWFLAKE)
            .table(TableName.of("analytics", "public", "events"), "id", "kind")
            .build();
    StatementLineage l = snowflake("SELECT * FROM events", catalog);
    assertThat(pairs(l))
        .containsExactly(
            "ANALYTICS.PUBLIC.EVENTS.id -> id direct",
            "ANALYTICS.PUBLIC.EVENTS.kind -> kind direct");
  }

  @Test
  void snowflakeQualifyAndFlatten() {
    StatementLineage l =
        snowflake(
            "SELECT e.id, f.value AS tag FROM events e, LATERAL FLATTEN(input => e.tags) f"
                + " QUALIFY row_number() OVER (PARTITION BY e.id ORDER BY e.ts) = 1",
            Catalog.empty());
    assertThat(pairs(l))
        .containsExactly(
            "ANALYTICS.PUBLIC.EVENTS.ID -> ID direct",
            "ANALYTICS.PUBLIC.EVENTS.TAGS -> TAG derived");
    assertThat(indirect(l)).containsExactly("ANALYTICS.PUBLIC.EVENTS.TS");
  }

  @Test
  void semiStructuredPathsAreDerivedFromTheirColumn() {
    StatementLineage l =
        snowflake("SELECT payload:user.id::string AS uid FROM events", Catalog.empty());
    assertThat(pairs(l)).containsExactly("ANALYTICS.PUBLIC.EVENTS.PAYLOAD -> UID derived");
    StatementLineage pg = bare("SELECT doc ->> 'name' AS name FROM docs");
    assertThat(pairs(pg)).containsExactly("docs.doc -> name derived");
  }

  @Test
  void namedWindowContributesItsColumns() {
    StatementLineage l =
        bare("SELECT sum(a) OVER w AS s FROM t WINDOW w AS (PARTITION BY b ORDER BY c)");
    assertThat(pairs(l))
        .containsExactly("t.a -> s derived", "t.b -> s derived", "t.c -> s derived");
  }

  @Test
  void structFieldsAreDerivedFromTheirColumn() {
    StatementLineage l = bare("SELECT t.address.city AS city FROM people t");
    assertThat(pairs(l)).containsExactly("people.address -> city derived");
    assertThat(l.warnings()).isEmpty();
  }

  @Test
  void updateWithCorrelatedScalarSubquery() {
    StatementLineage l =
        bare(
            "UPDATE customers SET total = (SELECT sum(o.amount) FROM orders o"
                + " WHERE o.customer_id = customers.id)");
    assertThat(sources(l)).containsExactly("orders");
    assertThat(pairs(l)).containsExactly("orders.amount -> customers.total derived");
    assertThat(indirect(l)).containsExactly("orders.customer_id", "customers.id");
  }

  @Test
  void lambdaParametersAreNotColumns() {
    StatementLineage l = bare("SELECT transform(arr, x -> x + 1) AS r FROM t");
    assertThat(pairs(l)).containsExactly("t.arr -> r derived");
    assertThat(l.warnings()).isEmpty();
  }

  @Test
  void deeplyNestedDerivedTablesKeepTheirLineage() {
    String sql = "SELECT x FROM " + "(SELECT x FROM ".repeat(150) + "t" + ") d".repeat(150);
    StatementLineage l = bare(sql);
    assertThat(sources(l)).containsExactly("t");
    assertThat(pairs(l)).containsExactly("t.x -> x direct");
  }

  @Test
  void passedDeadlineStopsTheAnalysis() throws Exception {
    Deadline passed = Deadline.after(Duration.ofNanos(1));
    Thread.sleep(2);
    var statement = CCJSqlParserUtil.parse("SELECT a FROM t");
    assertThatThrownBy(
            () ->
                new StatementLineageExtractor(Dialects.ANSI, Catalog.empty())
                    .extract(0, "SELECT a FROM t", statement, SessionDefaults.none(), passed))
        .isInstanceOf(Deadline.DeadlineExceededException.class);
  }

  @Test
  void statementsWithLineageItCannotAnalyzeThrowClearMessages() throws Exception {
    StatementLineageExtractor extractor =
        new StatementLineageExtractor(Dialects.ANSI, Catalog.empty());
    String multi = "INSERT ALL INTO t1 (a) VALUES (x) INTO t2 (b) VALUES (y) SELECT x, y FROM s";
    var multiInsert = CCJSqlParserUtil.parse(multi);
    assertThatThrownBy(
            () -> extractor.extract(0, multi, multiInsert, SessionDefaults.none(), Deadline.none()))
        .isInstanceOf(UnsupportedLineageException.class)
        .hasMessageContaining("multi-table INSERT");
    String branch = "IF 1 = 1 INSERT INTO t SELECT a FROM s";
    var ifElse = CCJSqlParserUtil.parse(branch);
    assertThatThrownBy(
            () -> extractor.extract(0, branch, ifElse, SessionDefaults.none(), Deadline.none()))
        .isInstanceOf(UnsupportedLineageException.class)
        .hasMessageContaining("IfElseStatement");
  }

  @Test
  void pivotOverAnUnknownTableKeepsItsOtherColumnsVisible() {
    StatementLineage l = bare("SELECT * FROM sales PIVOT (sum(v) FOR k IN ('a', 'b'))");
    assertThat(pairs(l))
        .containsExactly(
            "sales.* -> * direct",
            "sales.v -> a derived",
            "sales.k -> a derived",
            "sales.v -> b derived",
            "sales.k -> b derived");
    assertThat(l.warnings()).extracting(Warning::kind).doesNotContain(WarningKind.NOT_TRACED);
  }

  @Test
  void pivotXmlIsAWarningNotASilentGap() {
    StatementLineage l = bare("SELECT * FROM sales PIVOT XML (sum(v) FOR k IN (ANY))");
    assertThat(l.warnings())
        .anyMatch(w -> w.kind() == WarningKind.NOT_TRACED && w.message().contains("PIVOT"));
  }

  @Test
  void resultCarriesIndexAndText() {
    StatementLineage l = bare("SELECT 1 AS one");
    assertThat(l.index()).isZero();
    assertThat(l.sql()).isEqualTo("SELECT 1 AS one");
    assertThat(l.columns()).isEmpty();
    assertThat(l.error()).isEmpty();
  }
}
