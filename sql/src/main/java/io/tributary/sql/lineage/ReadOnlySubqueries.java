package io.tributary.sql.lineage;

import io.tributary.sql.resolve.Scope;
import io.tributary.sql.resolve.ScopeKind;
import java.util.List;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExpressionVisitorAdapter;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.select.Fetch;
import net.sf.jsqlparser.statement.select.Limit;
import net.sf.jsqlparser.statement.select.Offset;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.Select;

/**
 * The subqueries of a query's ORDER BY, LIMIT, OFFSET and FETCH, resolved only for the tables they
 * read: ordering and counting rows feed no column and filter on no column's value, so their own
 * columns are neither sources nor indirect, and are not resolved (ORDER BY may name output aliases,
 * which no table has).
 */
final class ReadOnlySubqueries extends ExpressionVisitorAdapter<Void> {

  private final QueryAnalyzer queries;
  private final Scope scope;

  private ReadOnlySubqueries(QueryAnalyzer queries, Scope scope) {
    this.queries = queries;
    this.scope = scope;
  }

  /** Reads the subqueries of the query's ORDER BY, LIMIT, OFFSET and FETCH. */
  static void read(Select select, Scope scope, QueryAnalyzer queries) {
    ReadOnlySubqueries visitor = null;
    List<OrderByElement> orderBy = select.getOrderByElements();
    if (orderBy != null) {
      for (OrderByElement element : orderBy) {
        visitor = read(element.getExpression(), visitor, scope, queries);
      }
    }
    Limit limit = select.getLimit();
    if (limit != null) {
      visitor = read(limit.getRowCount(), visitor, scope, queries);
      visitor = read(limit.getOffset(), visitor, scope, queries);
    }
    Offset offset = select.getOffset();
    if (offset != null) {
      visitor = read(offset.getOffset(), visitor, scope, queries);
    }
    Fetch fetch = select.getFetch();
    if (fetch != null) {
      read(fetch.getExpression(), visitor, scope, queries);
    }
  }

  private static ReadOnlySubqueries read(
      Expression expression, ReadOnlySubqueries visitor, Scope scope, QueryAnalyzer queries) {
    if (expression == null || expression instanceof Column || expression instanceof LongValue) {
      return visitor; // the usual key or count holds no subquery: no visitor needed
    }
    ReadOnlySubqueries v = visitor != null ? visitor : new ReadOnlySubqueries(queries, scope);
    expression.accept(v, null);
    return v;
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
