package io.tributary.sql.parse;

import io.tributary.sql.dialect.Dialect;
import io.tributary.sql.model.AnalysisError;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
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

  /**
   * The text to parse and where backticks were added to it.
   *
   * @param text the statement, with dashed paths quoted
   * @param added offsets in {@code text} of each added backtick, ascending
   */
  record Rewrite(String original, String text, List<Integer> added) {

    /** An error positioned in {@link #text()}, moved back to the original statement. */
    AnalysisError toOriginal(AnalysisError error) {
      if (added.isEmpty() || error.line().isEmpty() || error.column().isEmpty()) {
        return error;
      }
      int offset = offsetOf(text, error.line().getAsInt(), error.column().getAsInt());
      int shift = 0;
      for (int at : added) {
        if (at < offset) {
          shift++;
        }
      }
      int original = Math.max(0, offset - shift);
      int line = 1;
      int column = 1;
      for (int i = 0; i < original && i < this.original.length(); i++) {
        if (this.original.charAt(i) == '\n') {
          line++;
          column = 1;
        } else {
          column++;
        }
      }
      return new AnalysisError(
          error.kind(), error.message(), OptionalInt.of(line), OptionalInt.of(column));
    }

    private static int offsetOf(String text, int line, int column) {
      int offset = 0;
      for (int l = 1; l < line && offset < text.length(); offset++) {
        if (text.charAt(offset) == '\n') {
          l++;
        }
      }
      return offset + column - 1;
    }
  }

  static Rewrite quote(String sql, Dialect dialect) {
    if (!dialect.syntax().dashedTableNames() || sql.indexOf('-') < 0) {
      return new Rewrite(sql, sql, List.of());
    }
    SqlLexer lexer = new SqlLexer(sql, dialect);
    StringBuilder out = new StringBuilder(sql.length() + 8);
    List<Integer> added = new ArrayList<>();
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
          out.append(sql, copied, start);
          added.add(out.length());
          out.append('`').append(sql, start, end);
          added.add(out.length());
          out.append('`');
          copied = end;
        }
        afterIntroducer = false;
        continue;
      }
      afterIntroducer =
          type == TokenType.WORD
              && TABLE_INTRODUCERS.contains(lexer.text().toUpperCase(Locale.ROOT));
      type = lexer.next();
    }
    if (added.isEmpty()) {
      return new Rewrite(sql, sql, List.of());
    }
    return new Rewrite(sql, out.append(sql, copied, sql.length()).toString(), added);
  }
}
