package io.tributary.sql.parse;

import io.tributary.sql.dialect.Dialect;
import io.tributary.sql.model.AnalysisError;
import io.tributary.sql.model.ErrorKind;
import io.tributary.sql.parse.BlockTokens.Tok;
import io.tributary.sql.parse.ScriptSplitter.Context;
import java.util.Locale;
import java.util.Set;

/**
 * Finds where the body of a routine or block starts and ends, per dialect: {@code CREATE PROCEDURE}
 * (T-SQL {@code AS [BEGIN]}, PL/SQL {@code IS|AS declarations BEGIN}, BigQuery and MySQL {@code
 * BEGIN}, Snowflake and PostgreSQL {@code AS $$..$$} or a quoted body), plpgsql functions, PL/SQL
 * package bodies (each procedure and function), {@code DO $$..$$} and {@code EXECUTE IMMEDIATE} of
 * a literal text. The body is handed back to the walker as a region of the script.
 */
final class RoutineBodies {

  /** Where a body found in the script is walked. */
  interface Regions {
    void region(int from, int to, Context context);
  }

  /** Routine languages whose body is SQL the walker reads. */
  private static final Set<String> SQL_LANGUAGES = Set.of("SQL", "PLPGSQL");

  private final Dialect dialect;
  private final BlockOutput out;
  private final Regions regions;

  RoutineBodies(Dialect dialect, BlockOutput out, Regions regions) {
    this.dialect = dialect;
    this.out = out;
    this.regions = regions;
  }

  /**
   * CREATE PROCEDURE, a plpgsql FUNCTION or a PL/SQL PACKAGE BODY: walks its body; false when it is
   * no such routine.
   */
  boolean routine(ScriptStatement piece, BlockTokens t, int i) {
    int kind = -1;
    for (int j = i + 1; j < Math.min(t.size(), i + 7); j++) {
      Tok k = t.get(j);
      if (k.is("PROCEDURE") || k.is("PROC") || k.is("FUNCTION")) {
        kind = j;
        break;
      }
      if (k.is("PACKAGE") && t.is(j + 1, "BODY")) {
        return packageBody(piece, t, j + 2);
      }
      if (k.is("TRIGGER")) {
        return trigger(piece, t, j + 1);
      }
      if (k.is("TABLE") || k.is("VIEW") || k.is("AS")) {
        return false;
      }
    }
    if (kind < 0) {
      return false;
    }
    String language = language(t, kind);
    boolean function = t.get(kind).is("FUNCTION");
    boolean plsqlFunction = dialect.name().equals("oracle") && language.equals("SQL");
    if (function
        ? !language.equals("PLPGSQL") && !plsqlFunction
        : !SQL_LANGUAGES.contains(language)) {
      return false; // JavaScript, Python...; a SQL function is a definition with no lineage
    }
    int before = out.size();
    int end = piece.offset() + piece.sql().length();
    int depth = 0;
    for (int j = kind + 1; j < t.size(); j++) {
      Tok k = t.get(j);
      if (t.isSymbol(j, "(")) {
        depth++;
      } else if (t.isSymbol(j, ")")) {
        depth--;
      }
      if (depth != 0) {
        continue;
      }
      if (k.type() == TokenType.STRING && t.script().charAt(k.start()) == '$') {
        stringBody(k, Context.BLOCK);
        break;
      }
      if ((k.is("AS") || k.is("IS"))
          && !t.is(j - 1, "EXECUTE")
          && t.get(j - 1).type() != TokenType.PARAMETER
          && j + 1 < t.size()) {
        Tok next = t.get(j + 1);
        if (next.type() == TokenType.STRING) {
          if (!stringBody(next, Context.BLOCK)) {
            out.add(quotedBodyNotAnalyzed(piece));
            return true;
          }
        } else {
          boolean declarations =
              !next.is("BEGIN")
                  && !ScriptSplitter.DECLARE_STATEMENT_DIALECTS.contains(dialect.name());
          regions.region(next.start(), end, declarations ? Context.DECLARATIONS : Context.BLOCK);
        }
        break;
      }
      if (k.is("BEGIN")) {
        regions.region(k.start(), end, Context.BLOCK);
        break;
      }
    }
    if (out.size() == before) {
      out.add(piece.withRole(ScriptStatement.Role.PROCEDURAL)); // an empty body
    }
    return true;
  }

  /**
   * PL/SQL's {@code CREATE PACKAGE BODY p IS|AS ... END p}: each procedure and function of the
   * package is walked as a routine of its own; the package's own declarations carry no lineage.
   */
  private boolean packageBody(ScriptStatement piece, BlockTokens t, int from) {
    int before = out.size();
    int body = t.findAny(from, "IS", "AS");
    for (int j = body + 1; body > 0 && j < t.size(); j++) {
      if (!(t.is(j, "PROCEDURE") || t.is(j, "FUNCTION")) || t.is(j - 1, "END")) {
        continue;
      }
      int is = t.findAny(j + 1, "IS", "AS");
      int begin = is < 0 ? -1 : t.findAnyWord(is + 1, "BEGIN");
      int close = begin < 0 ? -1 : t.matchingEnd(begin);
      if (close < 0) {
        break;
      }
      int to = t.isWord(close + 1) ? t.get(close + 1).end() : t.get(close).end();
      regions.region(t.get(is + 1).start(), to, Context.DECLARATIONS);
      j = close;
    }
    if (out.size() == before) {
      out.add(piece.withRole(ScriptStatement.Role.PROCEDURAL));
    }
    return true;
  }

  /**
   * A trigger whose body is a block: PL/SQL and MySQL's {@code .. FOR EACH ROW [WHEN (..)] BEGIN ..
   * END}, T-SQL's {@code .. AS [BEGIN] .. [END]}. A trigger that calls a function (PostgreSQL's
   * {@code EXECUTE FUNCTION f()}) has no body here: false.
   */
  private boolean trigger(ScriptStatement piece, BlockTokens t, int from) {
    int end = piece.offset() + piece.sql().length();
    int before = out.size();
    if (dialect.name().equals("tsql")) {
      int on = t.find(from, "ON");
      int as = t.find(from, "AS");
      if (on < 0 || as < 0 || as + 1 >= t.size()) {
        return false;
      }
      regions.region(t.get(as + 1).start(), end, Context.BLOCK);
      String table = t.script().substring(t.get(on + 1).start(), t.get(nameEnd(t, on + 1)).end());
      out.changeFrom(before, statement -> rowsOf(statement, table));
    } else {
      int begin = t.find(from, "BEGIN");
      int declare = t.find(from, "DECLARE");
      int at = declare >= 0 && (begin < 0 || declare < begin) ? declare : begin;
      if (at < 0) {
        return false;
      }
      regions.region(t.get(at).start(), end, Context.BLOCK);
    }
    if (out.size() == before) {
      out.add(piece.withRole(ScriptStatement.Role.PROCEDURAL));
    }
    return true;
  }

  /**
   * T-SQL trigger: the pseudo tables {@code inserted} and {@code deleted} are rows of the table.
   */
  private ScriptStatement rowsOf(ScriptStatement statement, String table) {
    if (statement.role() != ScriptStatement.Role.STATEMENT || statement.knownError().isPresent()) {
      return statement;
    }
    Tokens tokens = new Tokens(statement.parseText(), dialect);
    StringBuilder text = new StringBuilder();
    int copied = 0;
    for (int i = 0; i < tokens.size(); i++) {
      if (tokens.isAnyWord(i, "INSERTED", "DELETED") && !tokens.isSymbol(i - 1, ".")) {
        text.append(statement.parseText(), copied, tokens.start(i)).append(table);
        copied = tokens.end(i);
      }
    }
    if (copied == 0) {
      return statement;
    }
    return statement.withParseText(text.append(statement.parseText().substring(copied)).toString());
  }

  private static int nameEnd(BlockTokens t, int i) {
    while (t.isSymbol(i + 1, ".") && i + 2 < t.size()) {
      i += 2;
    }
    return i;
  }

  /** The routine's {@code LANGUAGE x} in upper case; SQL when it names none. */
  private static String language(BlockTokens t, int from) {
    for (int j = from; j + 1 < t.size(); j++) {
      if (t.is(j, "LANGUAGE")) {
        return t.text(j + 1).replace("'", "").toUpperCase(Locale.ROOT);
      }
    }
    return "SQL";
  }

  /** PostgreSQL's {@code DO [LANGUAGE x] $$ ... $$ [LANGUAGE x]}. */
  boolean doBlock(ScriptStatement piece, BlockTokens t, int i) {
    for (int j = i + 1; j < t.size(); j++) {
      Tok k = t.get(j);
      if (k.type() == TokenType.STRING) {
        String language = language(t, i);
        if (!language.equals("PLPGSQL") && !language.equals("SQL")) {
          return false;
        }
        int before = out.size();
        if (!stringBody(k, Context.BLOCK)) {
          out.add(quotedBodyNotAnalyzed(piece));
          return true;
        }
        return out.size() > before;
      }
    }
    return false;
  }

  /** {@code EXECUTE IMMEDIATE 'text'}: the text is walked; text built at run time is not. */
  void dynamic(ScriptStatement piece, BlockTokens t, int i) {
    boolean literal =
        i < t.size()
            && t.get(i).type() == TokenType.STRING
            && (i + 1 == t.size()
                || t.is(i + 1, "USING")
                || t.is(i + 1, "INTO")
                || t.isSymbol(i + 1, ")")
                || t.isSymbol(i + 1, ","));
    if (literal) {
      if (!stringBody(t.get(i), Context.BLOCK)) {
        out.add(quotedBodyNotAnalyzed(piece));
      }
      return;
    }
    out.add(
        piece
            .withRole(ScriptStatement.Role.STATEMENT)
            .withKnownError(
                AnalysisError.of(
                    ErrorKind.UNSUPPORTED,
                    "dynamic SQL: the text it runs is built at run time and is not analyzed")));
  }

  /**
   * T-SQL's dynamic SQL: {@code EXEC[UTE] ('text')} and {@code EXEC sp_executesql N'text' [, ..]}
   * walk a literal text; a text built at run time ({@code EXEC (@sql)}) is unsupported. False for a
   * procedure call.
   */
  boolean tsqlExec(ScriptStatement piece, BlockTokens t, int i) {
    int text;
    if (t.isSymbol(i + 1, "(")) {
      int close = t.closingParen(i + 1);
      text = close == i + 3 ? i + 2 : -1;
    } else if (t.isWord(i + 1) && t.get(i + 1).word().endsWith("SP_EXECUTESQL")) {
      text = i + 2 < t.size() && (i + 3 == t.size() || t.isSymbol(i + 3, ",")) ? i + 2 : -1;
    } else {
      return false;
    }
    dynamic(piece, t, text < 0 ? t.size() : text);
    return true;
  }

  private static ScriptStatement quotedBodyNotAnalyzed(ScriptStatement piece) {
    return piece
        .withRole(ScriptStatement.Role.STATEMENT)
        .withKnownError(
            AnalysisError.of(
                ErrorKind.UNSUPPORTED,
                "a body quoted as a string with escaped quotes inside is not analyzed; "
                    + "dollar-quote it ($$ ... $$)"));
  }

  /**
   * Walks the inside of a string literal holding SQL ({@code $$...$$}, {@code $tag$...$tag$} or
   * {@code '...'}); false when the text has escaped quotes, whose positions would not be the
   * script's.
   */
  private boolean stringBody(Tok k, Context context) {
    String script = out.script();
    if ((script.charAt(k.start()) == 'N' || script.charAt(k.start()) == 'n')
        && k.end() - k.start() > 1
        && script.charAt(k.start() + 1) == '\'') {
      k = new Tok(k.type(), k.start() + 1, k.end(), k.word()); // T-SQL's N'..'
    }
    String text = script.substring(k.start(), k.end());
    if (text.charAt(0) == '$') {
      int tag = text.indexOf('$', 1) + 1;
      regions.region(k.start() + tag, k.end() - tag, context);
      return true;
    }
    char quote = text.charAt(0);
    if ((quote != '\'' && quote != '"') || text.length() < 2) {
      return false;
    }
    String inner = text.substring(1, text.length() - 1);
    if (inner.indexOf(quote) >= 0 || inner.contains("\\")) {
      return false;
    }
    regions.region(k.start() + 1, k.end() - 1, context);
    return true;
  }
}
