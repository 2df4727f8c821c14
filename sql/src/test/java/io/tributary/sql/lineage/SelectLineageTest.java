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
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SelectLineageTest {

  private static final Catalog CATALOG =
      InMemoryCatalog.builder(Dialects.POSTGRESQL)
          .table(TableName.of("shop", "raw", "orders"), "id", "customer_id", "amount", "status")
          .table(TableName.of("shop", "raw", "customers"), "id", "name", "region")
          .table(TableName.of("shop", "raw", "items"), "order_id", "sku", "qty")
          .build();

  private static final SessionDefaults DEFAULTS =
      new SessionDefaults(Optional.of("shop"), Optional.of("raw"));

  private static StatementLineage pg(String sql) {
    return Lineage.of(sql, Dialects.POSTGRESQL, CATALOG, DEFAULTS);
  }

  private static StatementLineage bare(String sql) {
    return Lineage.of(sql, Dialects.POSTGRESQL, Catalog.empty(), SessionDefaults.none());
  }

  @Test
  void bareAndRenamedColumnsAreDirectAndExpressionsDerived() {
    StatementLineage l = bare("SELECT id, amount AS total, amount * 2 AS doubled FROM orders");
    assertThat(l.kind()).isEqualTo(StatementKind.SELECT);
    assertThat(l.target()).isEmpty();
    assertThat(sources(l)).containsExactly("orders");
    assertThat(pairs(l))
        .containsExactly(
            "orders.id -> id direct",
            "orders.amount -> total direct",
            "orders.amount -> doubled derived");
    assertThat(l.warnings()).isEmpty();
  }

  @Test
  void defaultsQualifyTablesAndCasesFoldByDialect() {
    StatementLineage l = pg("SELECT O.Amount FROM Orders O");
    assertThat(sources(l)).containsExactly("shop.raw.orders");
    assertThat(pairs(l)).containsExactly("shop.raw.orders.amount -> amount direct");
  }

  @Test
  void castsConvertAndDoubleColonStayDirect() {
    StatementLineage l =
        bare("SELECT CAST(a AS int) AS x, b::text AS y, (c) AS z, coalesce(d, 0) AS w FROM t");
    assertThat(pairs(l))
        .containsExactly(
            "t.a -> x direct", "t.b -> y direct", "t.c -> z direct", "t.d -> w derived");
  }

  @Test
  void unaliasedExpressionIsNamedByItsText() {
    StatementLineage l = bare("SELECT upper(name) FROM t");
    assertThat(pairs(l)).containsExactly("t.name -> upper(name) derived");
  }

  @Test
  void joinsPlaceUnqualifiedColumnsWithTheCatalogAndReportJoinColumnsAsIndirect() {
    StatementLineage l =
        pg(
            "SELECT name, amount FROM orders o JOIN customers c ON o.customer_id = c.id"
                + " WHERE status = 'paid'");
    assertThat(sources(l)).containsExactly("shop.raw.orders", "shop.raw.customers");
    assertThat(pairs(l))
        .containsExactly(
            "shop.raw.customers.name -> name direct", "shop.raw.orders.amount -> amount direct");
    assertThat(indirect(l))
        .containsExactly(
            "shop.raw.orders.customer_id", "shop.raw.customers.id", "shop.raw.orders.status");
    assertThat(l.warnings()).isEmpty();
  }

  @Test
  void ambiguousColumnIsAWarningNamingTheCandidatesAndNoPair() {
    StatementLineage l = pg("SELECT id FROM orders o JOIN customers c ON o.customer_id = c.id");
    assertThat(pairs(l)).isEmpty();
    assertThat(l.warnings())
        .containsExactly(
            new Warning(
                WarningKind.AMBIGUOUS_COLUMN,
                "ambiguous column id: candidates shop.raw.orders.id, shop.raw.customers.id"));
  }

  @Test
  void unplaceableColumnWithoutCatalogIsAWarning() {
    StatementLineage l = bare("SELECT x FROM a JOIN b ON a.id = b.id");
    assertThat(pairs(l)).isEmpty();
    assertThat(l.warnings())
        .containsExactly(
            new Warning(WarningKind.UNPLACED_COLUMN, "cannot place column x: candidates a.x, b.x"));
  }

  @Test
  void usingJoinCoalescesTheColumn() {
    StatementLineage l = bare("SELECT id, a.v FROM a JOIN b USING (id)");
    assertThat(pairs(l))
        .containsExactly("a.id -> id direct", "b.id -> id direct", "a.v -> v direct");
    assertThat(indirect(l)).isEmpty();
    assertThat(l.warnings()).isEmpty();
  }

  @Test
  void naturalJoinMergesCommonCatalogColumnsInStar() {
    Catalog catalog =
        InMemoryCatalog.builder(Dialects.POSTGRESQL)
            .table(TableName.of("a"), "id", "x")
            .table(TableName.of("b"), "id", "y")
            .build();
    StatementLineage l =
        Lineage.of(
            "SELECT * FROM a NATURAL JOIN b", Dialects.POSTGRESQL, catalog, SessionDefaults.none());
    assertThat(pairs(l))
        .containsExactly(
            "a.id -> id direct", "b.id -> id direct", "a.x -> x direct", "b.y -> y direct");
  }

  @Test
  void starExpandsFromTheCatalogInDeclaredOrder() {
    StatementLineage l =
        pg("SELECT c.*, o.amount FROM customers c JOIN orders o ON o.customer_id = c.id");
    assertThat(pairs(l))
        .containsExactly(
            "shop.raw.customers.id -> id direct",
            "shop.raw.customers.name -> name direct",
            "shop.raw.customers.region -> region direct",
            "shop.raw.orders.amount -> amount direct");
  }

  @Test
  void starOfAnUnknownTableStaysVisibleWithAWarning() {
    StatementLineage l = pg("SELECT * FROM events");
    assertThat(pairs(l)).containsExactly("shop.raw.events.* -> * direct");
    assertThat(l.warnings())
        .containsExactly(
            new Warning(
                WarningKind.UNKNOWN_COLUMNS,
                "table shop.raw.events is not in the catalog: its columns are reported as"
                    + " shop.raw.events.*"));
  }

  @Test
  void starExcludeDropsColumns() {
    StatementLineage l =
        Lineage.of(
            "SELECT * EXCLUDE (amount, status) FROM orders",
            Dialects.SNOWFLAKE,
            InMemoryCatalog.builder(Dialects.SNOWFLAKE)
                .table(TableName.of("ORDERS"), "ID", "CUSTOMER_ID", "AMOUNT", "STATUS")
                .build(),
            SessionDefaults.none());
    assertThat(pairs(l))
        .containsExactly("ORDERS.ID -> ID direct", "ORDERS.CUSTOMER_ID -> CUSTOMER_ID direct");
  }

  @Test
  void tableStarExceptAndReplace() {
    StatementLineage l =
        pg("SELECT o.* EXCEPT (status) REPLACE (amount * 100 AS amount) FROM orders o");
    assertThat(pairs(l))
        .containsExactly(
            "shop.raw.orders.id -> id direct",
            "shop.raw.orders.customer_id -> customer_id direct",
            "shop.raw.orders.amount -> amount derived");
  }

  @Test
  void usingJoinStarListsTheMergedColumnOnce() {
    StatementLineage l = pg("SELECT * FROM orders o JOIN items i ON i.order_id = o.id");
    assertThat(pairs(l)).hasSize(7);
    StatementLineage using =
        Lineage.of(
            "SELECT * FROM a JOIN b USING (id)",
            Dialects.POSTGRESQL,
            InMemoryCatalog.builder(Dialects.POSTGRESQL)
                .table(TableName.of("a"), "id", "x")
                .table(TableName.of("b"), "id", "y")
                .build(),
            SessionDefaults.none());
    assertThat(pairs(using))
        .containsExactly(
            "a.id -> id direct", "b.id -> id direct", "a.x -> x direct", "b.y -> y direct");
    assertThat(indirect(using)).isEmpty();
  }

  @Test
  void derivedTablesAndCtesPassLineageThroughAndAreNotSources() {
    StatementLineage l =
        bare(
            "WITH big AS (SELECT id, amount * 100 AS cents FROM orders WHERE amount > 10)"
                + " SELECT d.id, d.cents FROM (SELECT id, cents FROM big) d");
    assertThat(sources(l)).containsExactly("orders");
    assertThat(pairs(l))
        .containsExactly("orders.id -> id direct", "orders.amount -> cents derived");
    assertThat(indirect(l)).isEmpty();
  }

  @Test
  void filterColumnsInsideLayersAreIndirect() {
    StatementLineage l =
        bare("WITH c AS (SELECT id FROM orders WHERE status = 'x') SELECT id FROM c");
    assertThat(indirect(l)).containsExactly("orders.status");
  }

  @Test
  void cteShadowsTableOfTheSameName() {
    StatementLineage l =
        bare("WITH orders AS (SELECT id FROM staging.orders) SELECT id FROM orders");
    assertThat(sources(l)).containsExactly("staging.orders");
    assertThat(pairs(l)).containsExactly("staging.orders.id -> id direct");
  }

  @Test
  void nestedCtesSeeEarlierOnes() {
    StatementLineage l =
        bare(
            "WITH a AS (SELECT x FROM t), b AS (SELECT x + 1 AS y FROM a),"
                + " c AS (WITH d AS (SELECT y FROM b) SELECT y AS z FROM d) SELECT z FROM c");
    assertThat(pairs(l)).containsExactly("t.x -> z derived");
  }

  @Test
  void recursiveCteReadsItsAnchor() {
    StatementLineage l =
        bare(
            "WITH RECURSIVE tree (id, parent) AS (SELECT id, parent_id FROM nodes WHERE"
                + " parent_id IS NULL UNION ALL SELECT n.id, n.parent_id FROM nodes n JOIN tree t ON"
                + " n.parent_id = t.id) SELECT id, parent FROM tree");
    assertThat(sources(l)).containsExactly("nodes");
    assertThat(pairs(l))
        .containsExactly("nodes.id -> id direct", "nodes.parent_id -> parent direct");
    assertThat(l.warnings()).isEmpty();
  }

  @Test
  void unionMapsBranchesByPositionOntoTheFirstNames() {
    StatementLineage l =
        bare(
            "SELECT a AS k, b FROM t1 UNION ALL SELECT c, d + 1 FROM t2 EXCEPT SELECT e, f FROM t3");
    assertThat(sources(l)).containsExactly("t1", "t2", "t3");
    assertThat(pairs(l))
        .containsExactly(
            "t1.a -> k direct",
            "t2.c -> k direct",
            "t3.e -> k direct",
            "t1.b -> b direct",
            "t2.d -> b derived",
            "t3.f -> b direct");
  }

  @Test
  void scalarAndCorrelatedSubqueries() {
    StatementLineage l =
        pg(
            "SELECT c.name, (SELECT max(o.amount) FROM orders o WHERE o.customer_id = c.id) AS top"
                + " FROM customers c WHERE EXISTS (SELECT 1 FROM items i WHERE i.order_id = c.id)");
    assertThat(sources(l))
        .containsExactly("shop.raw.orders", "shop.raw.customers", "shop.raw.items");
    assertThat(pairs(l))
        .containsExactly(
            "shop.raw.customers.name -> name direct", "shop.raw.orders.amount -> top derived");
    assertThat(indirect(l))
        .containsExactlyInAnyOrder(
            "shop.raw.orders.customer_id", "shop.raw.customers.id", "shop.raw.items.order_id");
  }

  @Test
  void subqueryInWhereIsIndirect() {
    StatementLineage l =
        bare("SELECT id FROM orders WHERE customer_id IN (SELECT id FROM vip WHERE tier = 1)");
    assertThat(pairs(l)).containsExactly("orders.id -> id direct");
    assertThat(indirect(l)).containsExactlyInAnyOrder("orders.customer_id", "vip.id", "vip.tier");
  }

  @Test
  void aggregatesWindowsAndCaseCollectEverything() {
    StatementLineage l =
        bare(
            "SELECT region, count(*) AS n, sum(amount) AS total,"
                + " row_number() OVER (PARTITION BY region ORDER BY created) AS rn,"
                + " CASE WHEN status = 'x' THEN amount ELSE fee END AS v"
                + " FROM orders GROUP BY region, status HAVING sum(amount) > 0"
                + " QUALIFY rn = 1");
    assertThat(pairs(l))
        .containsExactly(
            "orders.region -> region direct",
            "orders.amount -> total derived",
            "orders.region -> rn derived",
            "orders.created -> rn derived",
            "orders.status -> v derived",
            "orders.amount -> v derived",
            "orders.fee -> v derived");
    assertThat(indirect(l)).isEmpty();
  }

  @Test
  void groupByOnlyColumnIsIndirect() {
    StatementLineage l =
        bare("SELECT sum(amount) AS s FROM orders GROUP BY day HAVING max(fee) > 1");
    assertThat(pairs(l)).containsExactly("orders.amount -> s derived");
    assertThat(indirect(l)).containsExactly("orders.day", "orders.fee");
  }

  @Test
  void dateUnitNamesAreColumnsOutsideDateFunctions() {
    StatementLineage l =
        bare("SELECT day, dateadd(day, 1, created) AS next FROM events GROUP BY day");
    assertThat(pairs(l))
        .containsExactly("events.day -> day direct", "events.created -> next derived");
  }

  @Test
  void selectListAliasInGroupByIsNotAWarning() {
    StatementLineage l =
        bare("SELECT date_trunc('day', ts) AS d, count(*) AS n FROM events GROUP BY d");
    assertThat(pairs(l)).containsExactly("events.ts -> d derived");
    assertThat(l.warnings()).isEmpty();
  }

  @Test
  void directOnlyWhenEveryPathIsDirect() {
    StatementLineage l = bare("SELECT a AS x FROM t UNION SELECT a + 1 FROM t");
    assertThat(pairs(l)).containsExactly("t.a -> x derived");
  }

  @Test
  void lateralUnnestAndTableFunctions() {
    StatementLineage l =
        bare(
            "SELECT t.id, u.tag FROM posts t CROSS JOIN UNNEST(t.tags) AS u(tag)"
                + " JOIN LATERAL (SELECT max(v) AS m FROM votes WHERE votes.post_id = t.id) x ON true");
    assertThat(sources(l)).containsExactly("posts", "votes");
    assertThat(pairs(l)).containsExactly("posts.id -> id direct", "posts.tags -> tag derived");
  }

  @Test
  void valuesListInFrom() {
    StatementLineage l = bare("SELECT v.a FROM (VALUES (1, 'x'), (2, 'y')) AS v(a, b)");
    assertThat(pairs(l)).isEmpty();
    assertThat(sources(l)).isEmpty();
    assertThat(l.warnings()).isEmpty();
  }

  @Test
  void sourcesFollowTheirFirstAppearanceInTheText() {
    StatementLineage l =
        bare(
            "SELECT (SELECT max(x) FROM t3) AS m, a FROM t1 JOIN t2 ON t1.id = t2.id"
                + " WHERE EXISTS (SELECT 1 FROM t4 JOIN t3 ON true)");
    assertThat(sources(l)).containsExactly("t3", "t1", "t2", "t4");
  }

  @Test
  void aggregateFilterColumnsAreSources() {
    StatementLineage l =
        bare("SELECT sum(amount) FILTER (WHERE status = 'paid') AS paid FROM orders");
    assertThat(pairs(l))
        .containsExactly("orders.amount -> paid derived", "orders.status -> paid derived");
    assertThat(indirect(l)).isEmpty();
  }

  @Test
  void pseudoColumnsReadNothing() {
    StatementLineage l = bare("SELECT current_date AS d, sysdate AS s, id FROM t");
    assertThat(pairs(l)).containsExactly("t.id -> id direct");
  }

  @Test
  void hiveLateralView() {
    StatementLineage l =
        Lineage.of(
            "SELECT id, item FROM orders LATERAL VIEW explode(items) x AS item",
            Dialects.ANSI,
            Catalog.empty(),
            SessionDefaults.none());
    assertThat(pairs(l)).containsExactly("orders.id -> id direct", "orders.items -> item derived");
  }
}
