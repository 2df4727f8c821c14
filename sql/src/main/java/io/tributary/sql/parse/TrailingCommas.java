package io.tributary.sql.parse;

import io.tributary.sql.dialect.Dialect;

/**
 * Snowflake, BigQuery and DuckDB accept a comma after the last select item ({@code SELECT a, b,
 * FROM t}); it is blanked out. No dialect gives such a comma another meaning.
 */
final class TrailingCommas implements Restatement {

  @Override
  public void edit(Tokens tokens, Dialect dialect, TextEdits edits) {
    for (int i = 1; i < tokens.size(); i++) {
      if (tokens.isWord(i, "FROM") && tokens.isSymbol(i - 1, ",")) {
        edits.blank(tokens.start(i - 1), tokens.end(i - 1));
      }
    }
  }
}
