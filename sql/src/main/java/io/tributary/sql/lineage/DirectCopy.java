package io.tributary.sql.lineage;

import io.tributary.sql.dialect.Dialect;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.DateUnitExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.TranscodingFunction;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.select.Select;

/**
 * Whether an expression copies a value as it is: a bare column (not an element of it), possibly in
 * parentheses, possibly converted to another type (CAST, {@code ::}, TRY_CAST, CONVERT), or a
 * scalar subquery (whose own output says whether it copies).
 */
final class DirectCopy {

  private DirectCopy() {}

  static boolean is(Expression expression, Dialect dialect) {
    Expression e = expression;
    while (true) {
      if (e instanceof Column column) {
        // An element (tags[1], payload['user']) is part of the value, not a copy of it.
        return column.getArrayConstructor() == null;
      }
      if (e instanceof DateUnitExpression) {
        return true;
      }
      if (e instanceof CastExpression cast) {
        e = cast.getLeftExpression();
      } else if (e instanceof TranscodingFunction convert) {
        e = ConvertedValue.of(convert, dialect);
      } else if (e instanceof ParenthesedExpressionList<?> list && list.size() == 1) {
        e = list.get(0);
      } else {
        return e instanceof Select;
      }
      if (e == null) {
        return false;
      }
    }
  }
}
