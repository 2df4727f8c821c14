package io.tributary.sql.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.sql.dialect.Dialects;
import io.tributary.sql.model.TableName;
import org.junit.jupiter.api.Test;

class InMemoryCatalogTest {

  private final Catalog catalog =
      InMemoryCatalog.builder(Dialects.POSTGRESQL)
          .table(TableName.of("shop", "raw", "orders"), "id", "amount")
          .table(TableName.of("shop", "mart", "orders"), "id", "total")
          .table(TableName.of("shop", "raw", "customers"), "id", "name")
          .table(TableName.of("shop", "raw", "Mixed"), "id")
          .table(TableName.of("shop", "raw", "mixed"), "id", "lower")
          .build();

  @Test
  void fullyQualifiedNameFindsItsTable() {
    assertThat(catalog.table(TableName.of("shop", "mart", "orders")))
        .map(t -> t.columns().get(1).name())
        .contains("total");
  }

  @Test
  void partialNameMatchesWhenExactlyOneTableAgrees() {
    assertThat(catalog.table(TableName.of("customers"))).isPresent();
    assertThat(catalog.table(TableName.of(null, "raw", "orders")))
        .map(t -> t.name().schema().orElseThrow())
        .contains("raw");
  }

  @Test
  void partialNameMatchingSeveralTablesFindsNone() {
    assertThat(catalog.table(TableName.of("orders"))).isEmpty();
  }

  @Test
  void unknownTableIsEmpty() {
    assertThat(catalog.table(TableName.of("shop", "raw", "nothing"))).isEmpty();
    assertThat(catalog.table(TableName.of("other", "raw", "orders"))).isEmpty();
  }

  @Test
  void dialectRuleComesBeforeIgnoringCase() {
    // PostgreSQL compares exactly: "Mixed" and "mixed" are two tables.
    assertThat(catalog.table(TableName.of("Mixed"))).map(t -> t.columns().size()).contains(1);
    assertThat(catalog.table(TableName.of("mixed"))).map(t -> t.columns().size()).contains(2);
    // An upper-case name no table spells exactly still finds the table ignoring case... when
    // unique.
    assertThat(catalog.table(TableName.of("CUSTOMERS"))).isPresent();
    assertThat(catalog.table(TableName.of("MIXED"))).isEmpty();
  }

  @Test
  void preservingDialectsCompareIgnoringCase() {
    Catalog ansi =
        InMemoryCatalog.builder(Dialects.ANSI)
            .table(TableName.of("Sales", "dbo", "Orders"), "Id")
            .build();
    assertThat(ansi.table(TableName.of("sales", "DBO", "orders"))).isPresent();
  }

  @Test
  void snowflakeCatalogInLowerCaseServesUpperCaseNames() {
    Catalog snowflake =
        InMemoryCatalog.builder(Dialects.SNOWFLAKE)
            .table(TableName.of("analytics", "public", "orders"), "id")
            .build();
    assertThat(snowflake.table(TableName.of("ANALYTICS", "PUBLIC", "ORDERS"))).isPresent();
  }
}
