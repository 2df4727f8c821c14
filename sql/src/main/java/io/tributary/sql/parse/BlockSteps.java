package io.tributary.sql.parse;

import io.tributary.sql.parse.BlockTokens.Tok;
import java.util.Set;

/**
 * What a statement inside a procedure or block is: a procedural step with no lineage (an
 * assignment, {@code RAISE}, {@code RETURN}, a procedure call...), or SQL to analyze ({@code
 * PERFORM} as a SELECT, {@code RETURN QUERY} and {@code OPEN c FOR} as their query, {@code SELECT
 * .. INTO variable} without its INTO). Steps that read tables report each query they hold as a
 * SELECT of its own: a cursor's query, {@code DECLARE x DEFAULT (SELECT ..)}, {@code SET x =
 * (SELECT ..)}, {@code x := (SELECT ..)} and the subqueries of IF and WHILE conditions.
 */
final class BlockSteps {

  /** Procedural steps with no lineage, by first word. */
  private static final Set<String> PROCEDURAL =
      Set.of(
          "RAISE",
          "RETURN",
          "EXIT",
          "LEAVE",
          "ITERATE",
          "BREAK",
          "CONTINUE",
          "NULL",
          "GET",
          "OPEN",
          "FETCH",
          "CLOSE",
          "CALL",
          "PRINT",
          "RAISERROR",
          "THROW",
          "LET",
          "GOTO",
          "PIPE",
          "ASSERT",
          "SIGNAL",
          "RESIGNAL");

  /** Words a bare procedure call cannot start with. */
  private static final Set<String> SQL_KEYWORDS =
      Set.of(
          "SELECT",
          "INSERT",
          "UPDATE",
          "DELETE",
          "MERGE",
          "WITH",
          "COMMIT",
          "ROLLBACK",
          "TRUNCATE",
          "VALUES",
          "TABLE",
          "SAVEPOINT");

  /** Words that end a {@code SELECT .. INTO variables} list. */
  private static final Set<String> AFTER_INTO =
      Set.of("FROM", "WHERE", "GROUP", "ORDER", "UNION", "LIMIT", "HAVING", "WINDOW");

  private final BlockOutput out;
  private final boolean tsql;

  BlockSteps(BlockOutput out, boolean tsql) {
    this.out = out;
    this.tsql = tsql;
  }

  /**
   * A step that declares or assigns variables and reads tables to do so: each query it holds is
   * added as a statement of its own, in place of the step. False when the statement is no such
   * step.
   */
  boolean addReads(ScriptStatement statement, BlockTokens t) {
    boolean cursor = t.findAnyWord(0, "CURSOR") >= 0 && t.findAnyWord(0, "CURSOR") < 5;
    boolean declares = t.is(0, "DECLARE") || t.is(0, "SET") || t.is(0, "LET") || assignment(t);
    if (!declares && !cursor) {
      return false;
    }
    int before = out.size();
    int query = cursor ? cursorQuery(t, 0, t.size()) : -1;
    if (query >= 0) {
      out.add(out.statementOf(statement, t.get(query).start(), t.get(t.size() - 1).end()));
    } else {
      addQueries(statement, t, 0, t.size());
    }
    return out.size() > before;
  }

  /** Adds each {@code (SELECT ..)} of {@code t[from, to)} as a statement of its own. */
  void addQueries(ScriptStatement piece, BlockTokens t, int from, int to) {
    for (int j = from; j < to; j++) {
      if (t.isSymbol(j, "(") && (t.is(j + 1, "SELECT") || t.is(j + 1, "WITH"))) {
        int close = t.closingParen(j);
        if (close < 0 || close > to) {
          return;
        }
        out.add(out.statementOf(piece, t.get(j + 1).start(), t.get(close - 1).end()));
        j = close;
      }
    }
  }

  /**
   * The declarations before a block's BEGIN ({@code t[from, to)}): each cursor's query is a
   * statement of its own.
   */
  void addDeclarations(ScriptStatement piece, BlockTokens t, int from, int to) {
    int start = from;
    for (int j = from; j <= to; j++) {
      if (j == to || t.isSymbol(j, ";")) {
        if (j > start && (t.is(start, "CURSOR") || t.is(start + 1, "CURSOR"))) {
          int query = cursorQuery(t, start, j);
          if (query >= 0) {
            out.add(out.statementOf(piece, t.get(query).start(), t.get(j - 1).end()));
          }
        }
        start = j + 1;
      }
    }
  }

  /**
   * {@code [DECLARE] c [options] CURSOR [(..)] [options] FOR|IS query}: the query's first token.
   */
  private static int cursorQuery(BlockTokens t, int from, int to) {
    for (int j = from; j + 1 < to; j++) {
      if ((t.is(j, "FOR") || t.is(j, "IS")) && (t.is(j + 1, "SELECT") || t.is(j + 1, "WITH"))) {
        return j + 1;
      }
      if (t.isSymbol(j, "(") && t.closingParen(j) > j) {
        j = t.closingParen(j);
      }
    }
    return -1;
  }

  /** A statement of a block: a procedural step, or SQL (with INTO variables blanked out). */
  ScriptStatement classify(ScriptStatement statement, BlockTokens t) {
    Tok first = t.get(0);
    String w = first.word() == null ? "" : first.word();
    int end = statement.offset() + statement.sql().length();
    if (w.equals("RETURN") && t.size() > 2 && t.is(1, "QUERY")) {
      return out.statementOf(statement, t.get(2).start(), end);
    }
    if (w.equals("OPEN")) {
      int query = t.findAnyWord(1, "SELECT", "WITH");
      int forWord = t.find(1, "FOR");
      if (query >= 0 && forWord >= 0 && forWord < query) {
        return out.statementOf(statement, t.get(query).start(), end);
      }
    }
    if (PROCEDURAL.contains(w) || assignment(t) || call(t)) {
      return statement.withRole(ScriptStatement.Role.PROCEDURAL);
    }
    if (w.equals("PERFORM")) {
      return statement.withParseText(
          BlockOutput.replace(statement, first.start(), first.end(), "SELECT "));
    }
    if ((w.equals("SELECT") || w.equals("WITH")) && !tsql) {
      return withoutIntoVariables(statement, t);
    }
    return statement;
  }

  /** {@code x := e}, {@code a.b := e}; {@code SET x = e} is SET's own. */
  private static boolean assignment(BlockTokens t) {
    for (int j = 1; j < Math.min(t.size(), 6); j++) {
      if (t.isSymbol(j, ":=")) {
        return true;
      }
      if (!t.isWord(j) && !t.isSymbol(j, ".")) {
        return false;
      }
    }
    return false;
  }

  /** A bare procedure call: {@code name}, {@code pkg.proc(args)} (PL/SQL, plpgsql blocks). */
  private boolean call(BlockTokens t) {
    if (tsql) {
      return false;
    }
    int j = 0;
    while (t.isWord(j)) {
      j++;
      if (t.isSymbol(j, ".")) {
        j++;
      } else {
        break;
      }
    }
    if (j == 0 || (j == 1 && SQL_KEYWORDS.contains(t.get(0).word()))) {
      return false;
    }
    if (j == t.size()) {
      return true;
    }
    return t.isSymbol(j, "(") && t.closingParen(j) == t.size() - 1;
  }

  /** {@code SELECT a INTO v FROM t}: the INTO clause names variables, blanked for the parser. */
  private static ScriptStatement withoutIntoVariables(ScriptStatement statement, BlockTokens t) {
    int depth = 0;
    for (int j = 0; j < t.size(); j++) {
      Tok k = t.get(j);
      if (t.isSymbol(j, "(")) {
        depth++;
      } else if (t.isSymbol(j, ")")) {
        depth--;
      } else if (depth == 0 && k.is("INTO")) {
        int from = j > 1 && t.is(j - 1, "COLLECT") && t.is(j - 2, "BULK") ? j - 2 : j;
        int to = j + 1;
        if (j == 1) {
          to = afterVariables(t, t.is(to, "STRICT") ? to + 1 : to); // plpgsql: SELECT INTO v a ..
        } else {
          while (to < t.size() && !(t.isWord(to) && AFTER_INTO.contains(t.get(to).word()))) {
            to++;
          }
        }
        int until =
            to < t.size() ? t.get(to).start() : statement.offset() + statement.sql().length();
        return statement.withParseText(
            BlockOutput.replace(statement, t.get(from).start(), until, ""));
      } else if (depth == 0
          && (k.is("FROM") || k.is("INSERT") || k.is("UPDATE") || k.is("DELETE"))) {
        return statement;
      }
    }
    return statement;
  }

  /** Past the variables {@code a, r.b, ..} that start at {@code i}. */
  private static int afterVariables(BlockTokens t, int i) {
    while (t.isWord(i) || t.get(Math.min(i, t.size() - 1)).type() == TokenType.PARAMETER) {
      i++;
      while (t.isSymbol(i, ".") && t.isWord(i + 1)) {
        i += 2;
      }
      if (!t.isSymbol(i, ",")) {
        return i;
      }
      i++;
    }
    return i;
  }
}
