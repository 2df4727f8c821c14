package io.tributary.sql.parse;

import io.tributary.sql.dialect.Dialect;

/**
 * BigQuery lets a table path start with a project whose name has dashes, unquoted: {@code FROM
 * my-project.dataset.orders}. The parser reads the dash as a minus, so such a path right after a
 * word that introduces a table is wrapped in backticks, which BigQuery reads the same way.
 */
final class DashedTableNames implements Restatement {

  private static final String[] TABLE_INTRODUCERS = {
    "FROM", "JOIN", "INTO", "UPDATE", "TABLE", "USING", "MERGE", "VIEW", "EXISTS"
  };

  @Override
  public void edit(Tokens tokens, Dialect dialect, TextEdits edits) {
    if (!dialect.syntax().dashedTableNames() || tokens.text().indexOf('-') < 0) {
      return;
    }
    for (int i = 0; i < tokens.size() - 1; i++) {
      if (!tokens.isAnyWord(i, TABLE_INTRODUCERS) || tokens.type(i + 1) != TokenType.WORD) {
        continue;
      }
      // a path is adjacent words, numbers, dashes and dots with no space in between
      int last = i + 1;
      boolean dashed = false;
      while (tokens.adjacent(last + 1)
          && (tokens.type(last + 1) == TokenType.WORD
              || tokens.type(last + 1) == TokenType.NUMBER
              || tokens.isSymbol(last + 1, "-")
              || tokens.isSymbol(last + 1, "."))) {
        last++;
        dashed |= tokens.isSymbol(last, "-");
      }
      if (dashed) {
        edits.insert(tokens.start(i + 1), "`");
        edits.insert(tokens.end(last), "`");
      }
      i = last;
    }
  }
}
