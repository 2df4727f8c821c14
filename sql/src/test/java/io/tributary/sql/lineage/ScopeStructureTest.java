package io.tributary.sql.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.sql.catalog.Catalog;
import io.tributary.sql.dialect.Dialects;
import io.tributary.sql.dialect.TableNameQualifier;
import io.tributary.sql.model.SessionDefaults;
import io.tributary.sql.parse.Deadline;
import io.tributary.sql.resolve.DerivedSource;
import io.tributary.sql.resolve.Scope;
import io.tributary.sql.resolve.ScopeKind;
import io.tributary.sql.resolve.TableSource;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.select.PlainSelect;
import org.junit.jupiter.api.Test;

/** The scopes the query analyzer builds: kinds, parent links, and sources by alias. */
class ScopeStructureTest {

  @Test
  void derivedTablesAndCtesAreChildScopesOfTheQueryThatReadsThem() throws Exception {
    PlainSelect select =
        (PlainSelect)
            CCJSqlParserUtil.parse(
                "WITH c AS (SELECT id FROM orders) SELECT d.id FROM (SELECT id FROM c) d JOIN"
                    + " customers k ON k.id = d.id");
    AnalysisContext context =
        new AnalysisContext(
            Dialects.POSTGRESQL,
            Catalog.empty(),
            new TableNameQualifier(Dialects.POSTGRESQL, SessionDefaults.none()),
            Deadline.none());
    QueryAnalyzer queries = new QueryAnalyzer(context);
    Scope root = Scope.root(Dialects.POSTGRESQL);
    queries.body(select, root);

    assertThat(root.kind()).isEqualTo(ScopeKind.ROOT);
    assertThat(root.sources()).extracting(s -> s.alias()).containsExactly("d", "k");
    DerivedSource d = (DerivedSource) root.source("d").orElseThrow();
    assertThat(d.scope().kind()).isEqualTo(ScopeKind.DERIVED_TABLE);
    assertThat(d.scope().parent()).contains(root);
    DerivedSource cte = (DerivedSource) d.scope().source("c").orElseThrow();
    assertThat(cte.scope().kind()).isEqualTo(ScopeKind.CTE);
    assertThat(cte.scope().parent()).contains(root);
    TableSource orders = (TableSource) cte.scope().source("orders").orElseThrow();
    assertThat(orders.name().qualified()).isEqualTo("orders");
    assertThat(root.cte("c")).isPresent();
    assertThat(context.sources())
        .extracting(t -> t.qualified())
        .containsExactly("orders", "customers");
  }
}
