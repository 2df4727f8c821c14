package io.tributary.sql.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DialectsTest {

  @ParameterizedTest
  @CsvSource({
    "postgresql, postgresql",
    "postgres, postgresql",
    "snowflake, snowflake",
    "bigquery, bigquery",
    "redshift, redshift",
    "mysql, mysql",
    "mariadb, mariadb",
    "tsql, tsql",
    "sqlserver, tsql",
    "mssql, tsql",
    "oracle, oracle",
    "databricks, databricks",
    "spark, databricks",
    "sparksql, databricks",
    "hive, databricks",
    "trino, trino",
    "presto, trino",
    "athena, trino",
    "clickhouse, clickhouse",
    "duckdb, duckdb",
    "sqlite, sqlite",
    "teradata, teradata",
    "db2, db2",
    "vertica, vertica",
    "greenplum, greenplum",
    "materialize, materialize",
    "exasol, exasol",
    "ansi, ansi"
  })
  void everyNameAndAliasOfTheIssueIsKnown(String name, String canonical) {
    assertThat(Dialects.byName(name).name()).isEqualTo(canonical);
    assertThat(Dialects.byName(" " + name.toUpperCase() + " ").name()).isEqualTo(canonical);
  }

  @Test
  void namesListEveryDialectAndAliasOnce() {
    assertThat(Dialects.names()).doesNotHaveDuplicates().hasSize(28);
    for (Dialect d : Dialects.all()) {
      assertThat(Dialects.find(d.name())).contains(d);
      d.aliases().forEach(a -> assertThat(Dialects.find(a)).contains(d));
    }
  }

  @Test
  void unknownDialectNamesTheKnownOnes() {
    assertThatThrownBy(() -> Dialects.byName("cobol"))
        .isInstanceOf(UnknownDialectException.class)
        .hasMessageContaining("'cobol'")
        .hasMessageContaining("postgresql")
        .hasMessageContaining("mssql")
        .hasMessageContaining("athena")
        .hasMessageContaining("exasol");
    assertThatThrownBy(() -> Dialects.byName(null)).isInstanceOf(UnknownDialectException.class);
    assertThat(Dialects.find("cobol")).isEmpty();
  }

  @Test
  void caseFoldingFollowsTheEngine() {
    assertThat(Dialects.byName("snowflake").normalize("Orders")).isEqualTo("ORDERS");
    assertThat(Dialects.byName("snowflake").normalize("\"Orders\"")).isEqualTo("Orders");
    assertThat(Dialects.byName("oracle").normalize("orders")).isEqualTo("ORDERS");
    assertThat(Dialects.byName("db2").normalize("orders")).isEqualTo("ORDERS");
    assertThat(Dialects.byName("exasol").normalize("orders")).isEqualTo("ORDERS");
    assertThat(Dialects.byName("postgres").normalize("Orders")).isEqualTo("orders");
    assertThat(Dialects.byName("postgres").normalize("\"Orders\"")).isEqualTo("Orders");
    assertThat(Dialects.byName("redshift").normalize("Orders")).isEqualTo("orders");
    assertThat(Dialects.byName("trino").normalize("Orders")).isEqualTo("orders");
    assertThat(Dialects.byName("vertica").normalize("Orders")).isEqualTo("orders");
    assertThat(Dialects.byName("mysql").normalize("Orders")).isEqualTo("Orders");
    assertThat(Dialects.byName("bigquery").normalize("Orders")).isEqualTo("Orders");
    assertThat(Dialects.byName("tsql").normalize("Orders")).isEqualTo("Orders");
  }

  @Test
  void quotingIsPerDialect() {
    assertThat(Dialects.byName("tsql").normalize("[Order Lines]")).isEqualTo("Order Lines");
    assertThat(Dialects.byName("tsql").normalize("\"x\"")).isEqualTo("x");
    assertThat(Dialects.byName("mysql").normalize("`a``b`")).isEqualTo("a`b");
    assertThat(Dialects.byName("bigquery").normalize("`my-project`")).isEqualTo("my-project");
    assertThat(Dialects.byName("databricks").normalize("`t`")).isEqualTo("t");
    assertThat(Dialects.byName("postgres").normalize("\"a\"\"b\"")).isEqualTo("a\"b");
    // a bracket is not a quote outside T-SQL and SQLite
    assertThat(Dialects.byName("postgres").normalize("[x]")).isEqualTo("[x]");
    assertThat(Dialects.byName("tsql").closingQuote('[')).hasValue(']');
    assertThat(Dialects.byName("sqlite").closingQuote('[')).hasValue(']');
    assertThat(Dialects.byName("postgres").closingQuote('[')).isEmpty();
    // MySQL reads "x" as a string
    assertThat(Dialects.byName("mysql").closingQuote('"')).isEmpty();
  }

  @Test
  void tableNamePartsPerDialect() {
    assertThat(Dialects.byName("bigquery").tableNameParts()).isEqualTo(3);
    assertThat(Dialects.byName("mysql").tableNameParts()).isEqualTo(2);
    assertThat(Dialects.byName("mariadb").tableNameParts()).isEqualTo(2);
    assertThat(Dialects.byName("tsql").tableNameParts()).isEqualTo(4);
    assertThat(Dialects.byName("snowflake").tableNameParts()).isEqualTo(3);
    assertThat(Dialects.byName("postgresql").tableNameParts()).isEqualTo(3);
  }

  @Test
  void bigQueryPathsInOneQuotedPartAreSplit() {
    Dialect bq = Dialects.byName("bigquery");
    assertThat(bq.normalizeParts(List.of("`my-project.sales.orders`")))
        .containsExactly("my-project", "sales", "orders");
    assertThat(bq.normalizeParts(List.of("`my-project`", "sales", "Orders")))
        .containsExactly("my-project", "sales", "Orders");
    assertThat(Dialects.byName("mysql").normalizeParts(List.of("`a.b`"))).containsExactly("a.b");
  }
}
