package io.tributary.sql.lineage;

import io.tributary.sql.resolve.ColumnOrigins;
import io.tributary.sql.resolve.OutputColumn;
import io.tributary.sql.resolve.QueryOutput;
import io.tributary.sql.resolve.Scope;
import io.tributary.sql.resolve.ScopeKind;
import io.tributary.sql.resolve.Source;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import net.sf.jsqlparser.expression.AnalyticExpression;
import net.sf.jsqlparser.expression.DateUnitExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExpressionVisitorAdapter;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.LambdaExpression;
import net.sf.jsqlparser.expression.TranscodingFunction;
import net.sf.jsqlparser.expression.TrimFunction;
import net.sf.jsqlparser.expression.WindowDefinition;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.Select;

/**
 * Collects the source columns an expression reads, anywhere inside it: function arguments, CASE
 * branches and conditions, window PARTITION BY / ORDER BY, aggregate arguments, and the outputs of
 * subqueries (resolved as child scopes). {@code COUNT(*)} and literals read none.
 */
final class ExpressionColumns extends ExpressionVisitorAdapter<Void> {

  private final AnalysisContext context;
  private final QueryAnalyzer queries;
  private final Scope scope;
  private final ColumnOrigins origins = new ColumnOrigins();
  private Deque<List<String>> lambdaParameters;
  private List<?> dateUnitArguments;

  private ExpressionColumns(AnalysisContext context, QueryAnalyzer queries, Scope scope) {
    this.context = context;
    this.queries = queries;
    this.scope = scope;
  }

  /** The columns an expression reads, direct when it is a {@link DirectCopy}, else derived. */
  static ColumnOrigins of(
      Expression expression, Scope scope, AnalysisContext context, QueryAnalyzer queries) {
    if (expression == null) {
      return ColumnOrigins.none();
    }
    if (expression instanceof Column column && column.getArrayConstructor() == null) {
      // The common case, without a visitor.
      return context.columns.resolve(scope, column);
    }
    if (expression instanceof Function function) {
      ColumnOrigins inserted = insertedValue(function, scope, context);
      if (inserted != null) {
        return inserted; // VALUES(c) alone copies the inserted value
      }
    }
    ExpressionColumns visitor = new ExpressionColumns(context, queries, scope);
    expression.accept(visitor, null);
    return DirectCopy.is(expression, context.dialect) ? visitor.origins : visitor.origins.derived();
  }

  @Override
  public <S> Void visit(Column column, S context) {
    if (lambdaParameters != null && column.getTable() == null && isLambdaParameter(column)) {
      return null;
    }
    origins.addAll(this.context.columns.resolve(scope, column));
    if (column.getArrayConstructor() != null) {
      // tags[i], payload['user']: the subscript may read columns too.
      column.getArrayConstructor().accept(this, context);
    }
    return null;
  }

  /**
   * MySQL's {@code VALUES(c)} in ON DUPLICATE KEY UPDATE: the value the INSERT gave column c, not a
   * call reading c. Null for any other function, or outside a conflict action.
   */
  private static ColumnOrigins insertedValue(
      Function function, Scope scope, AnalysisContext context) {
    if (!"VALUES".equalsIgnoreCase(function.getName())
        || function.getParameters() == null
        || function.getParameters().size() != 1
        || !(function.getParameters().get(0) instanceof Column column)) {
      return null;
    }
    Optional<Source> row = scope.insertedRow();
    return row.isEmpty()
        ? null
        : row.get().column(context.dialect.normalize(column.getColumnName()));
  }

  @Override
  public <S> Void visit(Function function, S context) {
    ColumnOrigins inserted = insertedValue(function, scope, this.context);
    if (inserted != null) {
      origins.addAll(inserted);
      return null;
    }
    List<?> saved = dateUnitArguments;
    dateUnitArguments = takesDateUnit(function) ? function.getParameters() : null;
    try {
      super.visit(function, context);
      // SUBSTRING(x FROM 1 FOR 3), POSITION('a' IN x): the adapter skips these arguments.
      if (function.getNamedParameters() != null) {
        for (Expression argument : function.getNamedParameters()) {
          accept(argument, context);
        }
      }
      return null;
    } finally {
      dateUnitArguments = saved;
    }
  }

  @Override
  public <S> Void visit(TranscodingFunction convert, S context) {
    accept(ConvertedValue.of(convert, this.context.dialect), context);
    return null;
  }

  /** {@code TRIM([LEADING] chars FROM x)} and {@code TRIM(x, chars)}: both operands are read. */
  @Override
  public <S> Void visit(TrimFunction trim, S context) {
    accept(trim.getExpression(), context);
    accept(trim.getFromExpression(), context);
    return null;
  }

  /**
   * JSqlParser reads a bare {@code day} or {@code month} as a date unit. As an argument of a date
   * function it is one ({@code DATEADD(day, 1, d)}); anywhere else it names a column.
   */
  @Override
  public <S> Void visit(DateUnitExpression unit, S context) {
    if (dateUnitArguments != null) {
      for (Object argument : dateUnitArguments) {
        if (argument == unit) {
          return null;
        }
      }
    }
    origins.addAll(this.context.columns.resolve(scope, new Column(unit.toString())));
    return null;
  }

  private static boolean takesDateUnit(Function function) {
    String name = function.getName();
    if (name == null) {
      return false;
    }
    String upper = name.toUpperCase(Locale.ROOT);
    return upper.contains("DATE") || upper.contains("TIME") || upper.equals("LAST_DAY");
  }

  /**
   * Window and aggregate calls: the argument, {@code FILTER (WHERE ...)}, PARTITION BY and ORDER BY
   * (also of a named window, {@code OVER w}) are read.
   */
  @Override
  public <S> Void visit(AnalyticExpression analytic, S context) {
    accept(analytic.getExpression(), context);
    accept(analytic.getOffset(), context);
    accept(analytic.getDefaultValue(), context);
    accept(analytic.getPartitionExpressionList(), context);
    orderBy(analytic.getOrderByElements(), context);
    orderBy(analytic.getFuncOrderBy(), context);
    if (analytic.getKeep() != null) {
      analytic.getKeep().accept(this, context);
    }
    accept(analytic.getFilterExpression(), context);
    String name = analytic.getWindowName();
    if (name == null && analytic.getWindowDefinition() != null) {
      name = analytic.getWindowDefinition().getWindowName();
    }
    WindowDefinition window = name == null ? null : queries.window(name);
    if (window != null) {
      accept(window.getPartitionExpressionList(), context);
      orderBy(window.getOrderByElements(), context);
    }
    return null;
  }

  private <S> void accept(Expression expression, S context) {
    if (expression != null) {
      expression.accept(this, context);
    }
  }

  private <S> void orderBy(List<OrderByElement> elements, S context) {
    if (elements != null) {
      for (OrderByElement order : elements) {
        accept(order.getExpression(), context);
      }
    }
  }

  @Override
  public <S> Void visit(ParenthesedSelect select, S context) {
    return visit((Select) select, context);
  }

  @Override
  public <S> Void visit(Select select, S context) {
    QueryOutput output = queries.query(select, scope, ScopeKind.SUBQUERY);
    for (OutputColumn c : output.columns()) {
      origins.addAll(c.origins());
    }
    return null;
  }

  @Override
  public <S> Void visit(AllColumns allColumns, S context) {
    return null;
  }

  @Override
  public <S> Void visit(AllTableColumns allTableColumns, S context) {
    return null;
  }

  @Override
  public <S> Void visit(LambdaExpression lambda, S context) {
    if (lambdaParameters == null) {
      lambdaParameters = new ArrayDeque<>();
    }
    lambdaParameters.push(lambda.getIdentifiers());
    try {
      lambda.getExpression().accept(this, context);
    } finally {
      lambdaParameters.pop();
    }
    return null;
  }

  private boolean isLambdaParameter(Column column) {
    String name = column.getColumnName();
    for (List<String> parameters : lambdaParameters) {
      for (String p : parameters) {
        if (p.equalsIgnoreCase(name)) {
          return true;
        }
      }
    }
    return false;
  }
}
