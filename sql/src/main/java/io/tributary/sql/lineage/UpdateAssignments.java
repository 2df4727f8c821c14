package io.tributary.sql.lineage;

import io.tributary.sql.resolve.ColumnOrigins;
import io.tributary.sql.resolve.OutputColumn;
import io.tributary.sql.resolve.QueryOutput;
import io.tributary.sql.resolve.Scope;
import io.tributary.sql.resolve.ScopeKind;
import java.util.List;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.update.UpdateSet;

/**
 * One {@code SET} assignment of UPDATE or MERGE: {@code c = e} gives e -> c; {@code (a, b) = (x,
 * y)} pairs by position; {@code (a, b) = (SELECT x, y ...)} maps the subquery's outputs by
 * position.
 */
final class UpdateAssignments {

  private UpdateAssignments() {}

  static void apply(
      UpdateSet set,
      TargetTable target,
      Scope scope,
      QueryAnalyzer queries,
      LineagePairs pairs,
      AnalysisContext context) {
    List<Column> columns = set.getColumns();
    ExpressionList<?> values = set.getValues();
    if (columns == null || values == null) {
      return;
    }
    if (columns.size() > 1 && values.size() == 1 && values.get(0) instanceof Select select) {
      QueryOutput output = queries.query(select, scope, ScopeKind.SUBQUERY);
      List<OutputColumn> outputs = output.columns();
      for (int i = 0; i < columns.size() && i < outputs.size(); i++) {
        pairs.add(outputs.get(i).origins(), target.column(name(columns.get(i), context)));
      }
      return;
    }
    if (columns.size() == values.size()) {
      for (int i = 0; i < columns.size(); i++) {
        pairs.add(
            queries.expression((Expression) values.get(i), scope),
            target.column(name(columns.get(i), context)));
      }
      return;
    }
    ColumnOrigins all = new ColumnOrigins();
    for (Expression value : values) {
      all.addAll(queries.expression(value, scope));
    }
    ColumnOrigins derived = all.derived();
    for (Column column : columns) {
      pairs.add(derived, target.column(name(column, context)));
    }
  }

  private static String name(Column column, AnalysisContext context) {
    return context.dialect.normalize(column.getColumnName());
  }
}
