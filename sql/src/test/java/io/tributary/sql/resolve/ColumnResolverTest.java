package io.tributary.sql.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.sql.catalog.CatalogColumn;
import io.tributary.sql.catalog.CatalogTable;
import io.tributary.sql.dialect.Dialect;
import io.tributary.sql.dialect.Dialects;
import io.tributary.sql.model.ColumnName;
import io.tributary.sql.model.LineageKind;
import io.tributary.sql.model.TableName;
import io.tributary.sql.model.Warning;
import io.tributary.sql.model.WarningKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import org.junit.jupiter.api.Test;

class ColumnResolverTest {

  private static final Dialect PG = Dialects.POSTGRESQL;
  private final List<Warning> warnings = new ArrayList<>();
  private final ColumnResolver resolver = new ColumnResolver(PG, warnings::add);

  private static TableSource known(String alias, String table, String... columns) {
    List<CatalogColumn> list = new ArrayList<>();
    for (String c : columns) {
      list.add(CatalogColumn.of(c, null));
    }
    TableName name = TableName.of(table);
    return new TableSource(alias, name, Optional.of(new CatalogTable(name, list)), PG);
  }

  private static TableSource unknown(String alias, String table) {
    return new TableSource(alias, TableName.of(table), Optional.empty(), PG);
  }

  private static Column column(String qualifier, String name) {
    return qualifier == null ? new Column(name) : new Column(new Table(qualifier), name);
  }

  private static String origins(ColumnOrigins origins) {
    return origins.asMap().toString();
  }

  @Test
  void qualifiedColumnGoesToItsAliasAndIsNormalized() {
    Scope scope = Scope.root(PG);
    scope.add(unknown("o", "orders"));
    scope.add(unknown("c", "customers"));
    assertThat(origins(resolver.resolve(scope, column("O", "\"Amount\""))))
        .isEqualTo("{orders.Amount=DIRECT}");
    assertThat(warnings).isEmpty();
  }

  @Test
  void oneTableInScopeTakesUnqualifiedColumns() {
    Scope scope = Scope.root(PG);
    scope.add(unknown("orders", "orders"));
    assertThat(origins(resolver.resolve(scope, column(null, "ID"))))
        .isEqualTo("{orders.id=DIRECT}");
  }

  @Test
  void catalogPlacesUnqualifiedColumnsAmongSeveralTables() {
    Scope scope = Scope.root(PG);
    scope.add(known("o", "orders", "id", "amount"));
    scope.add(known("c", "customers", "id", "name"));
    assertThat(origins(resolver.resolve(scope, column(null, "name"))))
        .isEqualTo("{customers.name=DIRECT}");
    assertThat(resolver.resolve(scope, column(null, "id")).isEmpty()).isTrue();
    assertThat(warnings)
        .containsExactly(
            new Warning(
                WarningKind.AMBIGUOUS_COLUMN,
                "ambiguous column id: candidates orders.id, customers.id"));
  }

  @Test
  void knownTablesLackingTheColumnLeaveTheOnlyUnknownOne() {
    Scope scope = Scope.root(PG);
    scope.add(known("o", "orders", "id"));
    scope.add(unknown("e", "events"));
    assertThat(origins(resolver.resolve(scope, column(null, "payload"))))
        .isEqualTo("{events.payload=DIRECT}");
  }

  @Test
  void innerScopesSeeOuterScopes() {
    Scope outer = Scope.root(PG);
    outer.add(known("c", "customers", "id", "name"));
    Scope inner = outer.child(ScopeKind.SUBQUERY);
    inner.add(known("o", "orders", "customer_id", "amount"));
    assertThat(inner.parent()).contains(outer);
    assertThat(inner.kind()).isEqualTo(ScopeKind.SUBQUERY);
    assertThat(origins(resolver.resolve(inner, column(null, "name"))))
        .isEqualTo("{customers.name=DIRECT}");
    assertThat(origins(resolver.resolve(inner, column("c", "id"))))
        .isEqualTo("{customers.id=DIRECT}");
  }

  @Test
  void derivedSourcesResolveToTheirOutputsOrigins() {
    Scope scope = Scope.root(PG);
    ColumnOrigins computed =
        ColumnOrigins.of(ColumnName.of(TableName.of("t"), "a"), LineageKind.DERIVED);
    QueryOutput output = new QueryOutput(List.of(new OutputColumn("x", computed)));
    Scope child = scope.child(ScopeKind.DERIVED_TABLE);
    scope.add(new DerivedSource("d", child, output, PG));
    assertThat(origins(resolver.resolve(scope, column("d", "x")))).isEqualTo("{t.a=DERIVED}");
    assertThat(scope.source("D")).isEmpty();
    assertThat(scope.source("d")).isPresent();
  }

  @Test
  void columnsBehindAnUnknownStarResolveToTheUnknownTable() {
    Scope scope = Scope.root(PG);
    ColumnOrigins star =
        ColumnOrigins.of(ColumnName.of(TableName.of("events"), "*"), LineageKind.DIRECT);
    QueryOutput output = new QueryOutput(List.of(new OutputColumn(OutputColumn.STAR, star)));
    scope.add(new DerivedSource("d", scope.child(ScopeKind.DERIVED_TABLE), output, PG));
    assertThat(origins(resolver.resolve(scope, column(null, "kind"))))
        .isEqualTo("{events.kind=DIRECT}");
  }

  @Test
  void severalUnknownTablesCannotPlaceAColumn() {
    Scope scope = Scope.root(PG);
    scope.add(unknown("a", "a"));
    scope.add(unknown("b", "b"));
    assertThat(resolver.resolve(scope, column(null, "x")).isEmpty()).isTrue();
    assertThat(warnings)
        .containsExactly(
            new Warning(WarningKind.UNPLACED_COLUMN, "cannot place column x: candidates a.x, b.x"));
  }

  @Test
  void preferredSourceTakesUnplaceableColumns() {
    Scope scope = Scope.root(PG);
    TableSource target = unknown("t", "t");
    scope.add(target);
    scope.add(unknown("s", "s"));
    scope.prefer(target);
    assertThat(origins(resolver.resolve(scope, column(null, "x")))).isEqualTo("{t.x=DIRECT}");
    assertThat(warnings).isEmpty();
  }

  @Test
  void unknownQualifierIsAWarning() {
    Scope scope = Scope.root(PG);
    scope.add(unknown("a", "a"));
    assertThat(resolver.resolve(scope, column("zz", "x")).isEmpty()).isTrue();
    assertThat(warnings)
        .containsExactly(
            new Warning(
                WarningKind.UNKNOWN_QUALIFIER, "column zz.x refers to no table or alias in scope"));
  }

  @Test
  void ctesAreVisibleFromNestedScopesAndShadowable() {
    Scope root = Scope.root(PG);
    Scope.Cte outer =
        new Scope.Cte(
            "c",
            root.child(ScopeKind.CTE),
            new QueryOutput(List.of(new OutputColumn("a", ColumnOrigins.none()))));
    Scope.Cte inner =
        new Scope.Cte(
            "c",
            root.child(ScopeKind.CTE),
            new QueryOutput(List.of(new OutputColumn("b", ColumnOrigins.none()))));
    root.defineCte(outer);
    Scope child = root.child(ScopeKind.SUBQUERY);
    assertThat(child.cte("c")).contains(outer);
    child.defineCte(inner);
    assertThat(child.cte("c")).contains(inner);
    assertThat(root.cte("c")).contains(outer);
    assertThat(root.cte("missing")).isEmpty();
  }

  @Test
  void mergedUsingColumnReadsEveryJoinedTable() {
    Scope scope = Scope.root(PG);
    TableSource a = unknown("a", "a");
    TableSource b = unknown("b", "b");
    scope.add(a);
    scope.add(b);
    scope.merge(new Scope.MergedColumn("id", List.of(a, b)));
    assertThat(origins(resolver.resolve(scope, column(null, "id"))))
        .isEqualTo("{a.id=DIRECT, b.id=DIRECT}");
  }
}
