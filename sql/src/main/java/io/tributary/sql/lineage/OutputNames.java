package io.tributary.sql.lineage;

import io.tributary.sql.dialect.Dialect;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.DateUnitExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Parenthesis;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.select.SelectItem;

/**
 * The name of a query's output column: its alias; for a bare column, the column's name (also in
 * parentheses or cast with {@code ::}); for any other expression, its SQL text as the parser prints
 * it (the only place a subtree is printed).
 */
final class OutputNames {

  private OutputNames() {}

  static String of(SelectItem<?> item, Dialect dialect) {
    if (item.getAlias() != null) {
      return dialect.normalize(item.getAlias().getName());
    }
    Expression expression = unwrapped(item.getExpression());
    if (expression instanceof Column column) {
      return dialect.normalize(column.getColumnName());
    }
    if (expression instanceof DateUnitExpression unit) {
      // A column named like a date unit (day, month...), read as one by the parser.
      return dialect.normalize(unit.toString());
    }
    return item.getExpression().toString();
  }

  /**
   * What names the item: {@code (x)} (as in {@code SELECT DISTINCT(x)}) and {@code x::type} are
   * named as {@code x} is.
   */
  private static Expression unwrapped(Expression expression) {
    while (true) {
      if (expression instanceof ParenthesedExpressionList<?> list && list.size() == 1) {
        expression = list.get(0);
      } else if (expression instanceof Parenthesis parenthesis) {
        expression = parenthesis.getExpression();
      } else if (expression instanceof CastExpression cast && !cast.isUseCastKeyword()) {
        expression = cast.getLeftExpression();
      } else {
        return expression;
      }
    }
  }
}
