package io.tributary.sql.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.sql.catalog.CatalogColumn;
import io.tributary.sql.catalog.CatalogTable;
import io.tributary.sql.golden.Expectation.Pair;
import io.tributary.sql.model.ColumnLineage;
import io.tributary.sql.model.ColumnName;
import io.tributary.sql.model.LineageKind;
import io.tributary.sql.model.StatementKind;
import io.tributary.sql.model.StatementLineage;
import io.tributary.sql.model.TableName;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GoldenFormatTest {

  private static final String TWO_CASES =
      """
      # comment before the first case
      === join with alias
      dialect: postgresql
      default_schema: public
      catalog: public.orders(id int, amount numeric(10,2)); public.customers(id int, name text)
      catalog: dw.sales.facts(x int)
      --- sql
      SELECT o.id AS order_id, o.amount * 2 AS dbl
      FROM orders o

      --- expect
      kind: SELECT
      sources: public.orders, public.customers
      target: none
      public.orders.id -> order_id direct
      public.orders.amount -> dbl derived
      indirect: public.orders.customer_id, public.customers.id
      warning: ambiguous
      parts: public.orders => database=- schema=public

      === script
      dialect: snowflake
      known_gap: not yet
      --- sql
      USE SCHEMA raw; SELECT 1
      --- expect
      kind: UTILITY
      sources: none
      warnings: none
      --- expect
      error: PARSE_ERROR at 1:8 "unexpected"
      """;

  @Test
  void readsHeadersSqlAndExpectations() {
    List<GoldenCase> cases = GoldenFormat.parse("t.txt", TWO_CASES);

    assertThat(cases).hasSize(2);
    GoldenCase join = cases.get(0);
    assertThat(join.location()).isEqualTo("t.txt:2 join with alias");
    assertThat(join.dialect()).isEqualTo("postgresql");
    assertThat(join.defaultSchema()).contains("public");
    assertThat(join.defaultDatabase()).isEmpty();
    assertThat(join.sql()).isEqualTo("SELECT o.id AS order_id, o.amount * 2 AS dbl\nFROM orders o");
    assertThat(join.catalog())
        .containsExactly(
            new CatalogTable(
                TableName.of(null, "public", "orders"),
                List.of(
                    CatalogColumn.of("id", "int"), CatalogColumn.of("amount", "numeric(10,2)"))),
            new CatalogTable(
                TableName.of(null, "public", "customers"),
                List.of(CatalogColumn.of("id", "int"), CatalogColumn.of("name", "text"))),
            new CatalogTable(
                TableName.of("dw", "sales", "facts"), List.of(CatalogColumn.of("x", "int"))));
    Expectation e = join.statements().get(0);
    assertThat(e.kind()).contains("SELECT");
    assertThat(e.sources()).contains(List.of("public.orders", "public.customers"));
    assertThat(e.target()).contains("none");
    assertThat(e.columns())
        .containsExactly(
            new Pair("public.orders.id", "order_id", "direct"),
            new Pair("public.orders.amount", "dbl", "derived"));
    assertThat(e.indirect())
        .contains(java.util.Set.of("public.orders.customer_id", "public.customers.id"));
    assertThat(e.warnings()).containsExactly("ambiguous");
    assertThat(e.parts())
        .containsExactly(
            new Expectation.Parts("public.orders", Optional.empty(), Optional.of("public")));

    GoldenCase script = cases.get(1);
    assertThat(script.knownGap()).contains("not yet");
    assertThat(script.statements()).hasSize(2);
    assertThat(script.statements().get(0).noWarnings()).isTrue();
    assertThat(script.statements().get(0).sources()).contains(List.of());
    assertThat(script.statements().get(1).error())
        .contains(
            new Expectation.ExpectedError(
                "PARSE_ERROR", Optional.of(1), Optional.of(8), Optional.of("unexpected")));
  }

  @Test
  void readsAnErrorWithOnlyALine() {
    Expectation e =
        GoldenFormat.parse(
                "t.txt", "=== x\ndialect: ansi\n--- sql\nSELEC\n--- expect\nerror: TIMEOUT at 5\n")
            .get(0)
            .statements()
            .get(0);
    assertThat(e.error())
        .contains(
            new Expectation.ExpectedError(
                "TIMEOUT", Optional.of(5), Optional.empty(), Optional.empty()));
  }

  @Test
  void theCorpusParsesAndCoversEveryTopic() {
    List<GoldenCase> cases = GoldenFixtures.load("golden");
    assertThat(cases).hasSizeGreaterThanOrEqualTo(300);
    assertThat(cases.stream().map(c -> c.file() + "/" + c.name()).distinct().count())
        .as("case names are unique within a file")
        .isEqualTo(cases.size());
    assertThat(
            cases.stream().map(GoldenCase::dialect).map(d -> d.toLowerCase(java.util.Locale.ROOT)))
        .contains(
            "postgresql",
            "postgres",
            "snowflake",
            "bigquery",
            "redshift",
            "mysql",
            "mariadb",
            "tsql",
            "sqlserver",
            "mssql",
            "oracle",
            "databricks",
            "spark",
            "sparksql",
            "hive",
            "trino",
            "presto",
            "athena",
            "clickhouse",
            "duckdb",
            "sqlite",
            "teradata",
            "db2",
            "vertica",
            "greenplum",
            "materialize",
            "exasol",
            "ansi");
  }

  @Test
  void rejectsMalformedFixturesWithTheirLine() {
    assertThatThrownBy(
            () ->
                GoldenFormat.parse(
                    "bad.txt",
                    "=== x\ndialect: ansi\n--- sql\nSELECT 1\n--- expect\na -> b copied\n"))
        .hasMessageContaining("bad.txt:6");
    assertThatThrownBy(
            () -> GoldenFormat.parse("bad.txt", "=== x\n--- sql\nSELECT 1\n--- expect\n"))
        .hasMessageContaining("no dialect");
    assertThatThrownBy(() -> GoldenFormat.parse("bad.txt", "=== x\ndialect: ansi\nfoo: 1\n"))
        .hasMessageContaining("unknown header key 'foo'");
    assertThatThrownBy(
            () -> GoldenFormat.parse("bad.txt", "=== x\ndialect: ansi\n--- sql\nSELECT 1\n"))
        .hasMessageContaining("no expect block");
  }

  @Test
  void comparesPairsAsSetsAndSourcesInOrder() {
    Expectation e =
        GoldenFormat.parse(
                "t.txt",
                "=== x\ndialect: ansi\n--- sql\nSELECT a FROM s.t\n--- expect\nsources: s.t, s.u\ntarget: none\ns.t.a -> a direct\n")
            .get(0)
            .statements()
            .get(0);
    TableName t = TableName.of(null, "s", "t");
    TableName u = TableName.of(null, "s", "u");
    StatementLineage good =
        lineage(
            List.of(t, u),
            new ColumnLineage(ColumnName.of(t, "a"), ColumnName.output("a"), LineageKind.DIRECT));
    StatementLineage reordered = lineage(List.of(u, t), good.columns().get(0));
    StatementLineage wrongKind =
        lineage(
            List.of(t, u),
            new ColumnLineage(ColumnName.of(t, "a"), ColumnName.output("a"), LineageKind.DERIVED));

    ExpectationCheck exact = new ExpectationCheck(false);
    assertThat(exact.differences(e, good)).isEmpty();
    assertThat(exact.differences(e, reordered)).singleElement().asString().startsWith("sources:");
    assertThat(exact.differences(e, wrongKind))
        .containsExactly("missing pair: s.t.a -> a direct", "extra pair:   s.t.a -> a derived");

    TableName upper = TableName.of(null, "S", "T");
    StatementLineage shouting =
        lineage(
            List.of(upper, u),
            new ColumnLineage(
                ColumnName.of(upper, "A"), ColumnName.output("A"), LineageKind.DIRECT));
    assertThat(exact.differences(e, shouting)).isNotEmpty();
    assertThat(new ExpectationCheck(true).differences(e, shouting)).isEmpty();
  }

  private static StatementLineage lineage(List<TableName> sources, ColumnLineage pair) {
    return new StatementLineage(
        0,
        "SELECT a FROM s.t",
        StatementKind.SELECT,
        sources,
        Optional.empty(),
        List.of(pair),
        List.of(),
        List.of(),
        Optional.empty());
  }
}
