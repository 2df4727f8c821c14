package io.tributary.sql.parse;

import io.tributary.sql.dialect.Dialect;

/**
 * A parenthesized branch of a set operation that is itself in parentheses, {@code ((SELECT ..)
 * UNION ALL (SELECT ..))}, trips a lookahead limit of the parser once the branch is long (a hundred
 * select items, a long IN list). The parentheses around a plain SELECT branch change nothing, so
 * they are blanked out: a branch with its own ORDER BY, LIMIT, OFFSET or FETCH, or a set operation
 * of its own, keeps them.
 */
final class SetOperationBranches implements Restatement {

  private static final String[] SET_OPERATORS = {"UNION", "INTERSECT", "EXCEPT", "MINUS"};
  private static final String[] OWN_CLAUSES = {
    "ORDER", "LIMIT", "OFFSET", "FETCH", "UNION", "INTERSECT", "EXCEPT", "MINUS"
  };

  @Override
  public void edit(Tokens tokens, Dialect dialect, TextEdits edits) {
    for (int i = 0; i < tokens.size(); i++) {
      if (!tokens.isSymbol(i, "(") || !tokens.isWord(i + 1, "SELECT")) {
        continue;
      }
      int close = tokens.closing(i);
      // a first branch opens the statement or a group; a scalar subquery before UNION does not
      boolean first = (i == 0 || tokens.isSymbol(i - 1, "(")) && isSetOperator(tokens, close + 1);
      if (close >= tokens.size() || !(first || followsSetOperator(tokens, i))) {
        continue;
      }
      if (tokens.find(i + 1, OWN_CLAUSES) < 0) {
        edits.blank(tokens.start(i), tokens.end(i));
        edits.blank(tokens.start(close), tokens.end(close));
      }
    }
  }

  private static boolean followsSetOperator(Tokens tokens, int open) {
    int before = tokens.isAnyWord(open - 1, "ALL", "DISTINCT") ? open - 2 : open - 1;
    return isSetOperator(tokens, before);
  }

  private static boolean isSetOperator(Tokens tokens, int i) {
    return tokens.isAnyWord(i, SET_OPERATORS);
  }
}
