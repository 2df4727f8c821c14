package io.tributary.sql.parse;

import io.tributary.sql.dialect.Dialect;
import java.util.Set;

/**
 * BigQuery lets a table path start with a project whose name has dashes, unquoted: {@code FROM
 * my-project.dataset.orders}. The parser reads the dash as a minus, so such a path right after a
 * word that introduces a table is wrapped in backticks, which BigQuery reads the same way.
 */
final class DashedTableNames {

  private static final Set<String> TABLE_INTRODUCERS =
      Set.of("FROM", "JOIN", "INTO", "UPDATE", "TABLE", "USING", "MERGE", "VIEW", "EXISTS");

  private DashedTableNames() {}

  static String quote(String sql, Dialect dialect) {
    if (!dialect.syntax().dashedTableNames() || sql.indexOf('-') < 0) {
      return sql;
    }
    SqlLexer lexer = new SqlLexer(sql, dialect);
    StringBuilder out = null;
    int copied = 0;
    boolean afterIntroducer = false;
    TokenType type = lexer.next();
    while (type != TokenType.END) {
      if (afterIntroducer && type == TokenType.WORD) {
        int start = lexer.start();
        int end = lexer.end();
        boolean dashed = false;
        // a path is adjacent words, numbers, dashes and dots with no space in between
        while ((type = lexer.next()) != TokenType.END
            && lexer.start() == end
            && (type == TokenType.WORD
                || type == TokenType.NUMBER
                || lexer.isSymbol('-')
                || lexer.isSymbol('.'))) {
          dashed |= lexer.isSymbol('-');
          end = lexer.end();
        }
        if (dashed) {
          out = out == null ? new StringBuilder(sql.length() + 8) : out;
          out.append(sql, copied, start).append('`').append(sql, start, end).append('`');
          copied = end;
        }
        afterIntroducer = false;
        continue;
      }
      afterIntroducer =
          type == TokenType.WORD && TABLE_INTRODUCERS.contains(lexer.text().toUpperCase());
      type = lexer.next();
    }
    return out == null ? sql : out.append(sql, copied, sql.length()).toString();
  }
}
