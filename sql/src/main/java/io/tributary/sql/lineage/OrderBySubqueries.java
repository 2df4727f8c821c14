package io.tributary.sql.lineage;

import io.tributary.sql.resolve.Scope;
import io.tributary.sql.resolve.ScopeKind;
import java.util.List;
import net.sf.jsqlparser.expression.ExpressionVisitorAdapter;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.Select;

/**
 * The subqueries of a query's ORDER BY, resolved only for the tables they read: ordering feeds no
 * column and filters no row, so its own columns are neither sources nor indirect, and are not
 * resolved (ORDER BY may name output aliases, which no table has).
 */
final class OrderBySubqueries extends ExpressionVisitorAdapter<Void> {

  private final QueryAnalyzer queries;
  private final Scope scope;

  private OrderBySubqueries(QueryAnalyzer queries, Scope scope) {
    this.queries = queries;
    this.scope = scope;
  }

  static void read(List<OrderByElement> orderBy, Scope scope, QueryAnalyzer queries) {
    if (orderBy == null) {
      return;
    }
    OrderBySubqueries visitor = null;
    for (OrderByElement element : orderBy) {
      if (element.getExpression() instanceof Column) {
        continue; // the usual key holds no subquery: no visitor needed
      }
      if (visitor == null) {
        visitor = new OrderBySubqueries(queries, scope);
      }
      element.getExpression().accept(visitor, null);
    }
  }

  @Override
  public <S> Void visit(ParenthesedSelect select, S context) {
    return visit((Select) select, context);
  }

  @Override
  public <S> Void visit(Select select, S context) {
    queries.query(select, scope, ScopeKind.SUBQUERY);
    return null;
  }
}
