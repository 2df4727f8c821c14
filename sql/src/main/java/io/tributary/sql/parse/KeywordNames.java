package io.tributary.sql.parse;

import io.tributary.sql.dialect.Dialect;
import java.util.Locale;
import java.util.Set;

/**
 * Words JSqlParser reserves for one dialect's syntax but the other dialects let name columns,
 * aliases and tables ({@code SUM(x) AS returns}, {@code WHERE output > 0}, {@code FROM final}) are
 * quoted where they stand for a name, spelled as the dialect folds them so that the name is the
 * same. A word stands for a name after {@code AS}, next to a dot, before the comma or FROM that
 * ends a select item, or between a word or symbol that starts an expression or a table and one that
 * ends it.
 */
final class KeywordNames implements Restatement {

  /** Reserved by JSqlParser, not by the SQL standard nor by most dialects. */
  static final Set<String> WORDS =
      Set.of(
          "ABSENT",
          "CSV",
          "CURRENT",
          "ERRORS",
          "EXCLUDES",
          "EXTEND",
          "FBV",
          "FINAL",
          "FORCE",
          "IMPORT",
          "INCLUDES",
          "NOCYCLE",
          "OUTPUT",
          "PREFERRING",
          "PREWHERE",
          "PRIOR",
          "RETURNING",
          "RETURNS",
          "SAMPLE",
          "SCRIPT",
          "SEMI",
          "SETTINGS",
          "STATEMENT",
          "UNBOUNDED",
          "UNKNOWN",
          "USE",
          "VERIFY",
          "XOR");

  /** Words after which a name can start an expression or name a table. */
  private static final String[] BEFORE_NAME = {
    "SELECT",
    "DISTINCT",
    "BY",
    "WHERE",
    "AND",
    "OR",
    "ON",
    "WHEN",
    "THEN",
    "ELSE",
    "SET",
    "HAVING",
    "QUALIFY",
    "RETURN",
    "WITH"
  };

  /** Words after which a name is a table's. */
  private static final String[] BEFORE_TABLE = {"FROM", "JOIN", "INTO", "UPDATE", "TABLE"};

  /** Words that can follow a name in an expression, a select list or a FROM item. */
  private static final String[] AFTER_NAME = {
    "AS",
    "FROM",
    "WHERE",
    "GROUP",
    "ORDER",
    "HAVING",
    "LIMIT",
    "ASC",
    "DESC",
    "ON",
    "JOIN",
    "LEFT",
    "RIGHT",
    "INNER",
    "FULL",
    "CROSS",
    "UNION",
    "EXCEPT",
    "INTERSECT",
    "MINUS",
    "IS",
    "IN",
    "NOT",
    "AND",
    "OR",
    "THEN",
    "ELSE",
    "END",
    "WHEN",
    "BETWEEN",
    "LIKE",
    "ILIKE",
    "NULLS",
    "QUALIFY",
    "WINDOW",
    "USING",
    "SET",
    "VALUES",
    "SELECT",
    "COLLATE"
  };

  @Override
  public void edit(Tokens tokens, Dialect dialect, TextEdits edits) {
    for (int i = 0; i < tokens.size(); i++) {
      if (tokens.type(i) == TokenType.WORD && isListed(tokens, i) && isName(tokens, i)) {
        edits.replace(tokens.start(i), tokens.end(i), Restatement.quoted(tokens.text(i), dialect));
      }
    }
  }

  private static boolean isListed(Tokens tokens, int i) {
    int length = tokens.end(i) - tokens.start(i);
    return length >= 3 && length <= 10 && WORDS.contains(tokens.text(i).toUpperCase(Locale.ROOT));
  }

  private static boolean isName(Tokens tokens, int i) {
    if (tokens.isWord(i - 1, "AS")
        || (tokens.isSymbol(i - 1, ".") && tokens.adjacent(i))
        || (tokens.isSymbol(i + 1, ".") && tokens.adjacent(i + 1))) {
      return true;
    }
    if (tokens.isAnyWord(i - 1, BEFORE_TABLE)) {
      return true;
    }
    if ((tokens.isSymbol(i + 1, ",") || tokens.isWord(i + 1, "FROM"))
        && (tokens.isSymbol(i - 1, ")") || tokens.type(i - 1) != TokenType.SYMBOL)) {
      return true; // an alias without AS: coalesce(x, 0) returns, ...
    }
    boolean startsExpression =
        tokens.isAnyWord(i - 1, BEFORE_NAME)
            || (tokens.type(i - 1) == TokenType.SYMBOL && !tokens.isSymbol(i - 1, ")"));
    if (!startsExpression) {
      return false;
    }
    TokenType next = tokens.type(i + 1);
    return next == TokenType.END
        || (next == TokenType.SYMBOL && !tokens.isSymbol(i + 1, "("))
        || tokens.isAnyWord(i + 1, AFTER_NAME);
  }
}
