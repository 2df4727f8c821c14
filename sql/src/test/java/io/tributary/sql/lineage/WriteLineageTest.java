package io.tributary.sql.lineage;

import static io.tributary.sql.lineage.Lineage.indirect;
import static io.tributary.sql.lineage.Lineage.pairs;
import static io.tributary.sql.lineage.Lineage.sources;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.sql.catalog.Catalog;
import io.tributary.sql.catalog.InMemoryCatalog;
import io.tributary.sql.dialect.Dialects;
import io.tributary.sql.model.SessionDefaults;
import io.tributary.sql.model.StatementKind;
import io.tributary.sql.model.StatementLineage;
import io.tributary.sql.model.TableName;
import io.tributary.sql.model.Warning;
import io.tributary.sql.model.WarningKind;
import org.junit.jupiter.api.Test;

/** Statements that write a table: INSERT, CTAS, views, SELECT INTO, MERGE, UPDATE; and DELETE. */
class WriteLineageTest {

  private static final Catalog CATALOG =
      InMemoryCatalog.builder(Dialects.POSTGRESQL)
          .table(TableName.of("orders"), "id", "customer_id", "amount", "status")
          .table(TableName.of("daily"), "day", "total", "n")
          .table(TableName.of("customers"), "id", "name", "total")
          .build();

  private static StatementLineage pg(String sql) {
    return Lineage.of(sql, Dialects.POSTGRESQL, CATALOG, SessionDefaults.none());
  }

  private static StatementLineage bare(String sql) {
    return Lineage.of(sql, Dialects.POSTGRESQL, Catalog.empty(), SessionDefaults.none());
  }

  @Test
  void insertWithColumnListMapsByPosition() {
    StatementLineage l =
        bare("INSERT INTO sales (d, t) SELECT created::date, sum(amount) FROM orders GROUP BY 1");
    assertThat(l.kind()).isEqualTo(StatementKind.INSERT);
    assertThat(l.target()).contains(TableName.of("sales"));
    assertThat(sources(l)).containsExactly("orders");
    assertThat(pairs(l))
        .containsExactly("orders.created -> sales.d direct", "orders.amount -> sales.t derived");
    assertThat(l.warnings()).isEmpty();
  }

  @Test
  void insertWithoutColumnListUsesTheCatalogsColumns() {
    StatementLineage l =
        pg("INSERT INTO daily SELECT status, sum(amount), count(*) FROM orders GROUP BY status");
    assertThat(pairs(l))
        .containsExactly(
            "orders.status -> daily.day direct", "orders.amount -> daily.total derived");
    assertThat(l.warnings()).isEmpty();
  }

  @Test
  void insertIntoUnknownTableUsesOutputNamesWithAWarning() {
    StatementLineage l = bare("INSERT INTO sales SELECT id, amount AS total FROM orders");
    assertThat(pairs(l))
        .containsExactly("orders.id -> sales.id direct", "orders.amount -> sales.total direct");
    assertThat(l.warnings())
        .containsExactly(
            new Warning(
                WarningKind.UNKNOWN_COLUMNS,
                "table sales is not in the catalog: the query's output names are used as its"
                    + " columns"));
  }

  @Test
  void insertValuesHasATargetAndNoPairs() {
    StatementLineage l =
        bare("INSERT INTO sales (d, t) VALUES ('2024-01-01', 3), ('2024-01-02', 4)");
    assertThat(l.kind()).isEqualTo(StatementKind.INSERT);
    assertThat(l.target()).contains(TableName.of("sales"));
    assertThat(pairs(l)).isEmpty();
    assertThat(sources(l)).isEmpty();
    assertThat(l.warnings()).isEmpty();
  }

  @Test
  void insertWithLeadingWith() {
    StatementLineage l =
        bare("WITH x AS (SELECT id FROM orders) INSERT INTO ids (id) SELECT id FROM x");
    assertThat(sources(l)).containsExactly("orders");
    assertThat(pairs(l)).containsExactly("orders.id -> ids.id direct");
  }

  @Test
  void insertOverwrite() {
    StatementLineage l =
        Lineage.of(
            "INSERT OVERWRITE TABLE mart.sales SELECT id, amount FROM raw.orders",
            Dialects.ANSI,
            Catalog.empty(),
            SessionDefaults.none());
    assertThat(l.kind()).isEqualTo(StatementKind.INSERT_OVERWRITE);
    assertThat(l.target()).contains(TableName.of(null, "mart", "sales"));
    assertThat(pairs(l))
        .containsExactly(
            "raw.orders.id -> mart.sales.id direct",
            "raw.orders.amount -> mart.sales.amount direct");
  }

  @Test
  void insertSelectStarOfUnknownTableMapsStarToStar() {
    StatementLineage l = bare("INSERT INTO copy SELECT * FROM events");
    assertThat(pairs(l)).containsExactly("events.* -> copy.* direct");
    assertThat(l.warnings()).hasSize(2);
  }

  @Test
  void createTableAsWithCte() {
    StatementLineage l =
        bare(
            "CREATE TABLE mart.top AS WITH t AS (SELECT customer_id, sum(amount) AS s FROM orders"
                + " GROUP BY customer_id) SELECT customer_id AS c, s FROM t WHERE s > 100");
    assertThat(l.kind()).isEqualTo(StatementKind.CREATE_TABLE_AS);
    assertThat(l.target()).contains(TableName.of(null, "mart", "top"));
    assertThat(pairs(l))
        .containsExactly(
            "orders.customer_id -> mart.top.c direct", "orders.amount -> mart.top.s derived");
    assertThat(indirect(l)).isEmpty();
  }

  @Test
  void viewWithColumnList() {
    StatementLineage l =
        bare("CREATE OR REPLACE VIEW v (a, b) AS SELECT id, upper(status) FROM orders");
    assertThat(l.kind()).isEqualTo(StatementKind.CREATE_VIEW);
    assertThat(pairs(l)).containsExactly("orders.id -> v.a direct", "orders.status -> v.b derived");
  }

  @Test
  void materializedView() {
    StatementLineage l = bare("CREATE MATERIALIZED VIEW mv AS SELECT id FROM orders");
    assertThat(l.kind()).isEqualTo(StatementKind.CREATE_MATERIALIZED_VIEW);
    assertThat(l.target()).contains(TableName.of("mv"));
    assertThat(pairs(l)).containsExactly("orders.id -> mv.id direct");
  }

  @Test
  void selectInto() {
    StatementLineage l = bare("SELECT id, amount * 2 AS dbl INTO backup FROM orders");
    assertThat(l.kind()).isEqualTo(StatementKind.SELECT_INTO);
    assertThat(l.target()).contains(TableName.of("backup"));
    assertThat(pairs(l))
        .containsExactly("orders.id -> backup.id direct", "orders.amount -> backup.dbl derived");
  }

  @Test
  void mergeWithEveryBranch() {
    StatementLineage l =
        bare(
            "MERGE INTO customers c USING (SELECT id, name, score FROM staging) s ON c.id = s.id"
                + " WHEN MATCHED AND s.score > 0 THEN UPDATE SET name = s.name, total = c.total + s.score"
                + " WHEN MATCHED THEN DELETE"
                + " WHEN NOT MATCHED THEN INSERT (id, name) VALUES (s.id, s.name)");
    assertThat(l.kind()).isEqualTo(StatementKind.MERGE);
    assertThat(l.target()).contains(TableName.of("customers"));
    assertThat(sources(l)).containsExactly("customers", "staging");
    assertThat(pairs(l))
        .containsExactly(
            "staging.name -> customers.name direct",
            "customers.total -> customers.total derived",
            "staging.score -> customers.total derived",
            "staging.id -> customers.id direct");
    assertThat(indirect(l)).containsExactly("customers.id");
  }

  @Test
  void mergeInsertValuesReadOnlyTheSource() {
    StatementLineage l =
        Lineage.of(
            "MERGE INTO core.users AS t USING (SELECT * FROM staging.users) AS src ON t.ID = src.ID"
                + " WHEN MATCHED THEN UPDATE SET t.EMAIL = src.EMAIL"
                + " WHEN NOT MATCHED THEN INSERT (ID, EMAIL) VALUES (ID, \"EMAIL\")",
            Dialects.SNOWFLAKE,
            Catalog.empty(),
            SessionDefaults.none());
    assertThat(pairs(l))
        .containsExactly(
            "STAGING.USERS.EMAIL -> CORE.USERS.EMAIL direct",
            "STAGING.USERS.ID -> CORE.USERS.ID direct");
    assertThat(l.warnings())
        .containsExactly(
            new Warning(
                WarningKind.UNKNOWN_COLUMNS,
                "table STAGING.USERS is not in the catalog: its columns are reported as"
                    + " STAGING.USERS.*"));
  }

  @Test
  void mergeUsingTableTargetNotASourceWhenItsColumnsDoNotFlow() {
    StatementLineage l =
        pg(
            "MERGE INTO customers t USING orders o ON t.id = o.customer_id"
                + " WHEN MATCHED THEN UPDATE SET total = o.amount"
                + " WHEN NOT MATCHED THEN INSERT VALUES (o.customer_id, o.status, o.amount)");
    assertThat(sources(l)).containsExactly("orders");
    assertThat(pairs(l))
        .containsExactly(
            "orders.amount -> customers.total direct",
            "orders.customer_id -> customers.id direct",
            "orders.status -> customers.name direct");
    assertThat(indirect(l)).containsExactly("customers.id");
  }

  @Test
  void updateFromPostgresForm() {
    StatementLineage l =
        pg(
            "UPDATE customers SET total = total + o.amount FROM orders o"
                + " WHERE customers.id = o.customer_id AND o.status = 'paid'");
    assertThat(l.kind()).isEqualTo(StatementKind.UPDATE);
    assertThat(l.target()).contains(TableName.of("customers"));
    assertThat(sources(l)).containsExactly("customers", "orders");
    assertThat(pairs(l))
        .containsExactly(
            "customers.total -> customers.total derived",
            "orders.amount -> customers.total derived");
    assertThat(indirect(l)).containsExactly("customers.id", "orders.customer_id", "orders.status");
  }

  @Test
  void updateUnqualifiedColumnsWithoutCatalogFallToTheTarget() {
    StatementLineage l = bare("UPDATE t SET a = b, c = s.c FROM s WHERE t.id = s.id");
    assertThat(sources(l)).containsExactly("t", "s");
    assertThat(pairs(l)).containsExactly("t.b -> t.a direct", "s.c -> t.c direct");
    assertThat(l.warnings()).isEmpty();
  }

  @Test
  void updateTsqlFormNamesTheTargetByItsAlias() {
    StatementLineage l =
        bare("UPDATE c SET c.name = s.name FROM customers c JOIN staging s ON c.id = s.id");
    assertThat(l.target()).contains(TableName.of("customers"));
    assertThat(sources(l)).containsExactly("staging");
    assertThat(pairs(l)).containsExactly("staging.name -> customers.name direct");
    assertThat(indirect(l)).containsExactly("customers.id", "staging.id");
  }

  @Test
  void updateMysqlMultiTable() {
    StatementLineage l =
        bare("UPDATE items i JOIN prices p ON i.sku = p.sku SET i.price = p.price * 1.1");
    assertThat(l.target()).contains(TableName.of("items"));
    assertThat(sources(l)).containsExactly("prices");
    assertThat(pairs(l)).containsExactly("prices.price -> items.price derived");
    assertThat(indirect(l)).containsExactly("items.sku", "prices.sku");
  }

  @Test
  void updateMysqlMultiTableWritingTheJoinedTable() {
    StatementLineage l =
        bare("UPDATE prices p JOIN items i ON i.sku = p.sku SET i.price = p.price");
    assertThat(l.target()).contains(TableName.of("items"));
    assertThat(sources(l)).containsExactly("prices");
    assertThat(pairs(l)).containsExactly("prices.price -> items.price direct");
  }

  @Test
  void updateWithRowSubquery() {
    StatementLineage l =
        bare("UPDATE t SET (a, b) = (SELECT x, max(y) FROM s WHERE s.id = t.id GROUP BY x)");
    assertThat(pairs(l)).containsExactly("s.x -> t.a direct", "s.y -> t.b derived");
    assertThat(indirect(l)).containsExactlyInAnyOrder("s.id", "t.id");
  }

  @Test
  void deleteListsWhatItReads() {
    StatementLineage l =
        bare("DELETE FROM orders o USING customers c WHERE o.customer_id = c.id AND c.gone");
    assertThat(l.kind()).isEqualTo(StatementKind.DELETE);
    assertThat(l.target()).isEmpty();
    assertThat(pairs(l)).isEmpty();
    assertThat(sources(l)).containsExactly("orders", "customers");
    assertThat(indirect(l)).containsExactly("orders.customer_id", "customers.id", "customers.gone");
  }

  @Test
  void replaceIntoAndInsertOrReplaceAreInserts() {
    StatementLineage mysql = bare("REPLACE INTO totals (k, v) SELECT id, amount FROM orders");
    assertThat(mysql.kind()).isEqualTo(StatementKind.INSERT);
    assertThat(pairs(mysql))
        .containsExactly("orders.id -> totals.k direct", "orders.amount -> totals.v direct");
    StatementLineage sqlite =
        bare("INSERT OR REPLACE INTO totals (k, v) SELECT id, sum(amount) FROM orders GROUP BY id");
    assertThat(sqlite.kind()).isEqualTo(StatementKind.INSERT);
    assertThat(pairs(sqlite))
        .containsExactly("orders.id -> totals.k direct", "orders.amount -> totals.v derived");
  }

  @Test
  void alterViewRedefinesTheView() {
    StatementLineage l = bare("ALTER VIEW v AS SELECT id, amount + 1 AS a FROM orders");
    assertThat(l.kind()).isEqualTo(StatementKind.CREATE_VIEW);
    assertThat(pairs(l))
        .containsExactly("orders.id -> v.id direct", "orders.amount -> v.a derived");
  }

  @Test
  void mergeWithCteSource() {
    StatementLineage l =
        bare(
            "WITH src AS (SELECT id, upper(name) AS name FROM staging)"
                + " MERGE INTO customers t USING src s ON t.id = s.id"
                + " WHEN MATCHED THEN UPDATE SET t.name = s.name");
    assertThat(sources(l)).containsExactly("staging");
    assertThat(pairs(l)).containsExactly("staging.name -> customers.name derived");
  }

  @Test
  void utilityStatementsHaveNoLineage() {
    assertThat(bare("CREATE TABLE t (a int)").kind()).isEqualTo(StatementKind.UTILITY);
    assertThat(bare("DROP TABLE t").kind()).isEqualTo(StatementKind.UTILITY);
    assertThat(bare("TRUNCATE TABLE t").kind()).isEqualTo(StatementKind.UTILITY);
  }
}
