package io.tributary.connectors.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connectors.store.LineageEdges.Resolved;
import io.tributary.sql.AnalysisRequest;
import io.tributary.sql.LineageAnalyzer;
import io.tributary.sql.catalog.Catalog;
import io.tributary.sql.dialect.Dialect;
import io.tributary.sql.dialect.Dialects;
import io.tributary.sql.model.StatementLineage;
import io.tributary.sql.model.TableName;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Store ids follow each dialect's identifier rules as the analyzer applies them: the same table
 * written different ways has one id, two different tables never share one. Each case writes a table
 * under one spelling and reads it under another, from real statements through the analyzer and
 * {@link LineageEdges}, into an empty store (every name discovered).
 */
class StoreIdsCaseTest {

  private static final LineageAnalyzer ANALYZER = new LineageAnalyzer();

  /** The id the table {@code written} gets when {@code sql} (writing it) is analyzed. */
  private static UUID targetId(Dialect dialect, String sql) {
    List<StatementLineage> statements =
        ANALYZER.analyze(
            new AnalysisRequest(
                sql, dialect, Optional.of("db"), Optional.of("sch"), Catalog.empty()));
    assertThat(statements).hasSize(1);
    ResourceNames names =
        new ResourceNames(StoreCatalog.of(List.of()), dialect.unquotedCase(), true);
    Resolved resolved = LineageEdges.resolve(statements.get(0), names);
    return resolved.target().orElseThrow().id();
  }

  private static UUID written(Dialect dialect, String table) {
    return targetId(dialect, "INSERT INTO " + table + " (a) SELECT a FROM src");
  }

  @Test
  void postgresqlFoldsUnquotedNamesToLowerCaseAndKeepsQuotedOnes() {
    Dialect pg = Dialects.POSTGRESQL;
    UUID orders = written(pg, "orders");
    assertThat(written(pg, "ORDERS")).isEqualTo(orders);
    assertThat(written(pg, "Orders")).isEqualTo(orders);
    assertThat(written(pg, "\"orders\"")).isEqualTo(orders);
    assertThat(written(pg, "\"Orders\"")).isNotEqualTo(orders);
    assertThat(written(pg, "\"ORDERS\""))
        .isNotEqualTo(orders)
        .isNotEqualTo(written(pg, "\"Orders\""));
  }

  @Test
  void snowflakeFoldsUnquotedNamesToUpperCaseAndKeepsQuotedOnes() {
    Dialect sf = Dialects.SNOWFLAKE;
    UUID orders = written(sf, "orders");
    assertThat(written(sf, "ORDERS")).isEqualTo(orders);
    assertThat(written(sf, "\"ORDERS\"")).isEqualTo(orders);
    assertThat(written(sf, "\"orders\"")).isNotEqualTo(orders);
    assertThat(written(sf, "\"Orders\""))
        .isNotEqualTo(orders)
        .isNotEqualTo(written(sf, "\"orders\""));
    // An unquoted name has the id it has in every dialect (and had before ids followed dialects).
    assertThat(orders).isEqualTo(written(Dialects.POSTGRESQL, "orders"));
  }

  @Test
  void tsqlComparesNamesIgnoringCaseWhateverTheQuotes() {
    Dialect tsql = Dialects.TSQL;
    UUID orders = written(tsql, "orders");
    assertThat(written(tsql, "[Orders]")).isEqualTo(orders);
    assertThat(written(tsql, "\"ORDERS\"")).isEqualTo(orders);
    assertThat(written(tsql, "[order details]")).isNotEqualTo(orders);
  }

  @Test
  void mysqlComparesNamesIgnoringCaseAsTheAnalyzerDoes() {
    Dialect mysql = Dialects.MYSQL;
    UUID orders = written(mysql, "orders");
    assertThat(written(mysql, "`Orders`")).isEqualTo(orders);
    assertThat(written(mysql, "ORDERS")).isEqualTo(orders);
    assertThat(written(mysql, "`orders 2`")).isNotEqualTo(orders);
  }

  @Test
  void bigqueryComparesNamesIgnoringCaseAsTheAnalyzerDoes() {
    Dialect bq = Dialects.BIGQUERY;
    UUID orders = written(bq, "`proj.ds.orders`");
    assertThat(written(bq, "proj.ds.Orders")).isEqualTo(orders);
    assertThat(written(bq, "`proj`.`ds`.`ORDERS`")).isEqualTo(orders);
    assertThat(written(bq, "`proj.other.orders`")).isNotEqualTo(orders);
  }

  @Test
  void theCatalogResolvesANameByTheDialectsRule() {
    UUID lower = UUID.randomUUID();
    UUID quoted = UUID.randomUUID();
    StoreCatalog catalog =
        StoreCatalog.of(List.of(discovered(lower, "orders"), discovered(quoted, "Orders")));
    ResourceNames pg = new ResourceNames(catalog, Dialects.POSTGRESQL.unquotedCase(), false);
    assertThat(pg.table(TableName.of("db", "sch", "orders")))
        .map(StoreCatalog.StoredTable::id)
        .contains(lower);
    assertThat(pg.table(TableName.of("db", "sch", "Orders")))
        .map(StoreCatalog.StoredTable::id)
        .contains(quoted);
    // Only "Orders" is known: PostgreSQL's orders is another table, T-SQL's is the same one.
    StoreCatalog onlyQuoted = StoreCatalog.of(List.of(discovered(quoted, "Orders")));
    assertThat(
            new ResourceNames(onlyQuoted, Dialects.POSTGRESQL.unquotedCase(), false)
                .table(TableName.of("db", "sch", "orders")))
        .isEmpty();
    assertThat(
            new ResourceNames(onlyQuoted, Dialects.TSQL.unquotedCase(), false)
                .table(TableName.of("db", "sch", "orders")))
        .map(StoreCatalog.StoredTable::id)
        .contains(quoted);
  }

  @Test
  void aCatalogImportedInLowerCaseServesSnowflakesUpperCaseNames() {
    UUID imported = UUID.randomUUID();
    StoreCatalog catalog =
        StoreCatalog.of(
            List.of(
                new StoreCatalog.StoredTable(
                    imported,
                    TableName.of("db", "sch", "orders"),
                    EntityType.TABLE,
                    Optional.empty(),
                    false,
                    List.of())));
    ResourceNames sf = new ResourceNames(catalog, Dialects.SNOWFLAKE.unquotedCase(), false);
    assertThat(sf.table(TableName.of("DB", "SCH", "ORDERS")))
        .map(StoreCatalog.StoredTable::id)
        .contains(imported);
    // A discovered table was named by the analyzer: its lower case was quoted.
    StoreCatalog discovered = StoreCatalog.of(List.of(discovered(imported, "orders")));
    assertThat(
            new ResourceNames(discovered, Dialects.SNOWFLAKE.unquotedCase(), false)
                .table(TableName.of("db", "sch", "ORDERS")))
        .isEmpty();
  }

  private static StoreCatalog.StoredTable discovered(UUID id, String title) {
    return new StoreCatalog.StoredTable(
        id, TableName.of("db", "sch", title), EntityType.TABLE, Optional.empty(), true, List.of());
  }
}
