package io.tributary.sql.parse;

import io.tributary.sql.dialect.Dialect;
import java.util.Locale;
import java.util.Map;

/**
 * Teradata's abbreviations: {@code SEL} for SELECT and the comparison words {@code EQ}, {@code NE},
 * {@code GT}, {@code GE}, {@code LT}, {@code LE} (reserved in Teradata, so never names there) are
 * spelled out.
 */
final class TeradataForms implements Restatement {

  private static final Map<String, String> OPERATORS =
      Map.of("EQ", "= ", "NE", "<>", "GT", "> ", "GE", ">=", "LT", "< ", "LE", "<=");

  @Override
  public void edit(Tokens tokens, Dialect dialect, TextEdits edits) {
    if (!dialect.name().equals("teradata")) {
      return;
    }
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
}
