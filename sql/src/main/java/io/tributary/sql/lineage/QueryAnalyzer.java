package io.tributary.sql.lineage;

import io.tributary.sql.model.WarningKind;
import io.tributary.sql.resolve.ColumnOrigins;
import io.tributary.sql.resolve.OutputColumn;
import io.tributary.sql.resolve.QueryOutput;
import io.tributary.sql.resolve.Scope;
import io.tributary.sql.resolve.ScopeKind;
import java.util.ArrayList;
import java.util.List;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.WindowDefinition;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.GroupByElement;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.LateralView;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.select.Values;
import net.sf.jsqlparser.statement.select.WithItem;

/**
 * Resolves a query into its output columns, each with the source columns it comes from. Every query
 * gets its own {@link Scope}; WITH items, FROM items, subqueries and set-operation branches are
 * resolved in child scopes.
 */
final class QueryAnalyzer {

  private final AnalysisContext context;
  private final FromBinder from;
  private final StarExpander stars;
  private List<WindowDefinition> windows = List.of();

  QueryAnalyzer(AnalysisContext context) {
    this.context = context;
    this.from = new FromBinder(context, this);
    this.stars = new StarExpander(context);
  }

  FromBinder from() {
    return from;
  }

  /** Resolves a query in a new scope of the given kind under {@code parent} (null for a root). */
  QueryOutput query(Select select, Scope parent, ScopeKind kind) {
    Scope scope = parent == null ? new Scope(kind, null, context.dialect) : parent.child(kind);
    return body(select, scope);
  }

  /** Resolves a query in a scope already made for it. */
  QueryOutput body(Select select, Scope scope) {
    context.deadline.check();
    defineCtes(select.getWithItemsList(), scope);
    QueryOutput output = shape(select, scope);
    ReadOnlySubqueries.read(select, scope, this);
    return output;
  }

  private QueryOutput shape(Select select, Scope scope) {
    if (select instanceof PlainSelect plain) {
      return plain(plain, scope);
    }
    if (select instanceof SetOperationList setOperation) {
      return setOperation(setOperation, scope);
    }
    if (select instanceof ParenthesedSelect parenthesed) {
      return body(parenthesed.getSelect(), scope);
    }
    if (select instanceof Values values) {
      return values(values, scope);
    }
    throw new UnsupportedLineageException(
        "query form not supported: " + select.getClass().getSimpleName());
  }

  /** The named window ({@code WINDOW w AS (...)}) of the SELECT being resolved, or null. */
  WindowDefinition window(String name) {
    for (WindowDefinition w : windows) {
      if (name.equalsIgnoreCase(w.getWindowName())) {
        return w;
      }
    }
    return null;
  }

  /** The columns an expression in this scope reads. */
  ColumnOrigins expression(Expression expression, Scope scope) {
    return ExpressionColumns.of(expression, scope, context, this);
  }

  /** Records the columns of a filter, join or grouping expression as indirect. */
  void indirect(Expression expression, Scope scope) {
    if (expression != null) {
      context.indirect(expression(expression, scope));
    }
  }

  void defineCtes(List<WithItem<?>> withItems, Scope scope) {
    if (withItems == null) {
      return;
    }
    for (WithItem<?> item : withItems) {
      context.deadline.check();
      if (item.getSelect() == null) {
        throw new UnsupportedLineageException("WITH item without a query: " + item.getAliasName());
      }
      String name = context.dialect.normalize(item.getAlias().getName());
      List<String> columnNames = columnNames(item.getWithItemList());
      Select body = item.getSelect().getSelect();
      if (item.isRecursive() && body instanceof SetOperationList union) {
        // The anchor branch tells what the recursive reference reads.
        Scope anchor = scope.child(ScopeKind.CTE);
        QueryOutput anchorOutput = body(union.getSelect(0), anchor);
        scope.defineCte(new Scope.Cte(name, anchor, anchorOutput.renamed(columnNames)));
      }
      Scope cte = scope.child(ScopeKind.CTE);
      QueryOutput output = body(item.getSelect(), cte);
      scope.defineCte(new Scope.Cte(name, cte, output.renamed(columnNames)));
    }
  }

  private List<String> columnNames(List<SelectItem<?>> items) {
    if (items == null || items.isEmpty()) {
      return List.of();
    }
    List<String> names = new ArrayList<>(items.size());
    for (SelectItem<?> item : items) {
      names.add(OutputNames.of(item, context.dialect));
    }
    return names;
  }

  private QueryOutput plain(PlainSelect select, Scope scope) {
    if (select.getFromItem() != null) {
      from.bind(select.getFromItem(), scope);
    }
    if (select.getJoins() != null) {
      for (Join join : select.getJoins()) {
        from.join(join, scope);
      }
    }
    if (select.getLateralViews() != null) {
      for (LateralView view : select.getLateralViews()) {
        from.lateralView(view, scope);
      }
    }
    List<OutputColumn> outputs = new ArrayList<>(select.getSelectItems().size());
    scope.outputs(outputs);
    List<WindowDefinition> enclosingWindows = windows;
    windows = select.getWindowDefinitions() == null ? List.of() : select.getWindowDefinitions();
    try {
      items(select, scope, outputs);
      indirect(select.getQualify(), scope);
    } finally {
      windows = enclosingWindows;
    }
    indirect(select.getWhere(), scope);
    indirect(select.getPreWhere(), scope);
    GroupByElement groupBy = select.getGroupBy();
    if (groupBy != null) {
      indirect(groupBy.getGroupByExpressionList(), scope);
      if (groupBy.getGroupingSets() != null) {
        for (ExpressionList<Expression> set : groupBy.getGroupingSets()) {
          indirect(set, scope);
        }
      }
    }
    indirect(select.getHaving(), scope);
    if (select.getDistinct() != null && select.getDistinct().getOnSelectItems() != null) {
      for (SelectItem<?> on : select.getDistinct().getOnSelectItems()) {
        indirect(on.getExpression(), scope);
      }
    }
    if (select.getLimitBy() != null) {
      indirect(select.getLimitBy().getByExpressions(), scope);
    }
    if (select.getOracleHierarchical() != null) {
      indirect(select.getOracleHierarchical(), scope);
    }
    return new QueryOutput(outputs);
  }

  private void items(PlainSelect select, Scope scope, List<OutputColumn> outputs) {
    for (SelectItem<?> item : select.getSelectItems()) {
      context.deadline.check();
      Expression expression = item.getExpression();
      if (expression instanceof AllTableColumns tableStar) {
        outputs.addAll(stars.table(tableStar, scope, this));
      } else if (expression instanceof AllColumns star) {
        outputs.addAll(stars.all(star, scope, this));
      } else {
        outputs.add(
            new OutputColumn(OutputNames.of(item, context.dialect), expression(expression, scope)));
      }
    }
  }

  private QueryOutput setOperation(SetOperationList setOperation, Scope scope) {
    List<String> names = null;
    List<ColumnOrigins> merged = null;
    for (Select branch : setOperation.getSelects()) {
      QueryOutput output = query(branch, scope, ScopeKind.UNION_BRANCH);
      List<OutputColumn> columns = output.columns();
      if (names == null) {
        names = new ArrayList<>(columns.size());
        merged = new ArrayList<>(columns.size());
        for (OutputColumn c : columns) {
          names.add(c.name());
          ColumnOrigins origins = new ColumnOrigins();
          origins.addAll(c.origins());
          merged.add(origins);
        }
        continue;
      }
      if (columns.size() != names.size()) {
        context.warn(
            WarningKind.COLUMN_COUNT_MISMATCH,
            "set operation branches have "
                + names.size()
                + " and "
                + columns.size()
                + " columns; mapped by position as far as they go");
      }
      for (int i = 0; i < Math.min(columns.size(), names.size()); i++) {
        merged.get(i).addAll(columns.get(i).origins());
      }
    }
    List<OutputColumn> outputs = new ArrayList<>(names.size());
    for (int i = 0; i < names.size(); i++) {
      outputs.add(new OutputColumn(names.get(i), merged.get(i)));
    }
    return new QueryOutput(outputs);
  }

  private QueryOutput values(Values values, Scope scope) {
    // VALUES (a, b): JSqlParser gives one row as the list of its values, not a list of rows.
    List<? extends Expression> rows =
        values.getExpressions() instanceof ParenthesedExpressionList<?> single
            ? List.of(single)
            : values.getExpressions();
    List<ColumnOrigins> merged = new ArrayList<>();
    for (Expression row : rows) {
      context.deadline.check();
      if (row instanceof ExpressionList<?> list) {
        for (int i = 0; i < list.size(); i++) {
          at(merged, i).addAll(expression(list.get(i), scope));
        }
      } else {
        at(merged, 0).addAll(expression(row, scope));
      }
    }
    List<OutputColumn> outputs = new ArrayList<>(merged.size());
    for (int i = 0; i < merged.size(); i++) {
      outputs.add(new OutputColumn("column" + (i + 1), merged.get(i)));
    }
    return new QueryOutput(outputs);
  }

  private static ColumnOrigins at(List<ColumnOrigins> list, int index) {
    while (list.size() <= index) {
      list.add(new ColumnOrigins());
    }
    return list.get(index);
  }
}
