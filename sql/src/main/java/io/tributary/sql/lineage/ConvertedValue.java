package io.tributary.sql.lineage;

import io.tributary.sql.dialect.Dialect;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.TranscodingFunction;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.create.table.ColDataType;

/**
 * The value a {@code CONVERT} call converts. JSqlParser reads {@code CONVERT(a, b)} as T-SQL's
 * {@code CONVERT(type, value)}. In the dialects that write {@code CONVERT(value, type)} (MySQL) or
 * {@code CONVERT(value, charset)} (Oracle, PostgreSQL) the "type" it read is the value: a column
 * name, the only value it can read as a type.
 */
final class ConvertedValue {

  private ConvertedValue() {}

  static Expression of(TranscodingFunction convert, Dialect dialect) {
    ColDataType type = convert.getColDataType();
    if (type == null || dialect.syntax().convertTypeFirst() || !isName(type)) {
      return convert.getExpression();
    }
    return new Column(parts(type.getDataType(), dialect));
  }

  private static boolean isName(ColDataType type) {
    return isEmpty(type.getArgumentsStringList())
        && isEmpty(type.getArrayData())
        && type.getCharacterSet() == null;
  }

  private static boolean isEmpty(List<?> list) {
    return list == null || list.isEmpty();
  }

  /** {@code t.code} as its dotted parts, dots inside quotes kept. */
  private static List<String> parts(String name, Dialect dialect) {
    List<String> parts = new ArrayList<>(2);
    OptionalInt closing = OptionalInt.empty();
    int start = 0;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (closing.isPresent()) {
        if (c == closing.getAsInt()) {
          closing = OptionalInt.empty();
        }
      } else if (c == '.') {
        parts.add(name.substring(start, i));
        start = i + 1;
      } else {
        closing = dialect.closingQuote(c);
      }
    }
    parts.add(name.substring(start));
    return parts;
  }
}
