package io.tributary.sql.parse;

import io.tributary.sql.dialect.Dialect;
import java.util.Locale;
import java.util.Map;

/**
 * Teradata's abbreviations: {@code SEL} for SELECT and the comparison words {@code EQ}, {@code NE},
 * {@code GT}, {@code GE}, {@code LT}, {@code LE} (reserved in Teradata, so never names there) are
 * spelled out; {@code CREATE TABLE t2 AS t1 WITH [NO] DATA} is {@code CREATE TABLE t2 AS SELECT *
 * FROM t1}.
 */
final class TeradataForms implements Restatement {

  private static final Map<String, String> OPERATORS =
      Map.of("EQ", "= ", "NE", "<>", "GT", "> ", "GE", ">=", "LT", "< ", "LE", "<=");

  @Override
  public void edit(Tokens tokens, Dialect dialect, TextEdits edits) {
    if (!dialect.name().equals("teradata")) {
      return;
    }
    copiedTable(tokens, edits);
    for (int i = 0; i < tokens.size(); i++) {
      if (tokens.type(i) != TokenType.WORD
          || tokens.end(i) - tokens.start(i) > 3
          || tokens.isSymbol(i - 1, ".")
          || tokens.isSymbol(i + 1, ".")
          || tokens.isSymbol(i + 1, "(")) {
        continue;
      }
      String word = tokens.text(i).toUpperCase(Locale.ROOT);
      if (word.equals("SEL")) {
        edits.replace(tokens.start(i), tokens.end(i), "SELECT");
      } else if (OPERATORS.containsKey(word) && !tokens.isWord(i - 1, "AS")) {
        edits.replace(tokens.start(i), tokens.end(i), OPERATORS.get(word));
      }
    }
  }

  /**
   * {@code CREATE [VOLATILE] TABLE t2 AS t1 WITH [NO] DATA} copies t1's definition (and rows): it
   * is {@code CREATE TABLE t2 AS SELECT * FROM t1} (the tail is {@link StorageClauses}').
   */
  private static void copiedTable(Tokens tokens, TextEdits edits) {
    int table = tokens.isWord(0, "CREATE") ? tokens.find(1, "TABLE") : -1;
    int as = table < 0 ? -1 : tokens.find(table + 1, "AS");
    if (as < 0
        || tokens.type(as + 1) != TokenType.WORD
        || tokens.isAnyWord(as + 1, "SELECT", "SEL")) {
      return;
    }
    int name = as + 1;
    while (tokens.isSymbol(name + 1, ".")) {
      name += 2;
    }
    if (tokens.isWord(name + 1, "WITH")) {
      edits.insert(tokens.start(as + 1), "SELECT * FROM ");
    }
  }
}
