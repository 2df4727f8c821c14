package io.tributary.sql.parse;

import io.tributary.sql.dialect.Dialect;
import io.tributary.sql.model.AnalysisError;
import io.tributary.sql.model.ErrorKind;
import io.tributary.sql.parse.ScriptSplitter.Context;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds the statements inside procedures and blocks, so that each is analyzed as if it ran: the
 * bodies of {@code CREATE PROCEDURE} (T-SQL, PL/SQL, BigQuery, Snowflake, MySQL, PostgreSQL's
 * {@code LANGUAGE plpgsql AS $$...$$}, and plpgsql functions), anonymous blocks ({@code BEGIN ...
 * END}, {@code DECLARE ... BEGIN ... END}, {@code DO $$...$$}) and {@code EXECUTE IMMEDIATE} of a
 * literal text. Control flow is walked, not evaluated: the statements of every branch of {@code
 * IF}/{@code CASE}, of every loop ({@code WHILE}, {@code LOOP}, {@code REPEAT}, {@code FOR}) and of
 * exception handlers are reported in the order written; the query a {@code FOR} loop iterates over
 * is a statement of its own.
 *
 * <p>Inside a block, procedural steps (assignments, {@code RAISE}, {@code RETURN}, a bare procedure
 * call...) carry no lineage; {@code SELECT ... INTO variable} reads its tables and writes no table
 * (outside T-SQL, where {@code INTO} names a table); {@code PERFORM} is a SELECT; dynamic SQL built
 * at run time is {@link ErrorKind#UNSUPPORTED}. A routine in another language (JavaScript,
 * Python...) stays one utility statement.
 */
public final class BlockWalker {

  /** First words of a script-level statement that may hold or be part of a block. */
  private static final Set<String> WALKED =
      Set.of(
          "CREATE",
          "ALTER",
          "BEGIN",
          "DECLARE",
          "DO",
          "EXECUTE",
          "EXEC",
          "IF",
          "ELSIF",
          "ELSEIF",
          "ELSE",
          "WHILE",
          "LOOP",
          "REPEAT",
          "FOR",
          "END",
          "UNTIL",
          "EXCEPTION",
          "WHEN",
          "CASE");

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

  /** Dialects whose blocks are plpgsql, where {@code EXECUTE text} runs dynamic SQL. */
  private static final Set<String> PLPGSQL_DIALECTS = Set.of("postgresql", "redshift", "greenplum");

  /** Routine languages whose body is SQL the walker reads. */
  private static final Set<String> SQL_LANGUAGES = Set.of("SQL", "PLPGSQL");

  /** T-SQL words that start the statement after an IF or WHILE condition. */
  private static final Set<String> TSQL_BODY_STARTERS =
      Set.of(
          "SELECT",
          "INSERT",
          "UPDATE",
          "DELETE",
          "MERGE",
          "BEGIN",
          "SET",
          "EXEC",
          "EXECUTE",
          "RETURN",
          "PRINT",
          "RAISERROR",
          "THROW",
          "DECLARE",
          "CREATE",
          "DROP",
          "TRUNCATE",
          "BREAK",
          "CONTINUE",
          "GOTO",
          "WAITFOR",
          "IF",
          "WHILE",
          "WITH");

  private final Dialect dialect;
  private final ScriptSplitter splitter;
  private final boolean tsql;

  public BlockWalker(Dialect dialect) {
    this.dialect = dialect;
    this.splitter = new ScriptSplitter(dialect);
    this.tsql = dialect.name().equals("tsql");
  }

  /**
   * The script's statements with every procedure and block replaced by the statements inside it,
   * numbered anew in order.
   */
  public List<ScriptStatement> walk(String script, List<ScriptStatement> statements) {
    Walk walk = new Walk(script);
    for (ScriptStatement statement : statements) {
      if (statement.knownError().isPresent() || !mayHoldBlock(script, statement)) {
        walk.out.add(statement);
      } else {
        walk.piece(statement, false);
      }
    }
    List<ScriptStatement> out = walk.out;
    for (int i = 0; i < out.size(); i++) {
      if (out.get(i).index() != i) {
        out.set(i, out.get(i).withIndex(i));
      }
    }
    return out;
  }

  /** Cheap test on the first token, so that plain statements cost nothing more. */
  private boolean mayHoldBlock(String script, ScriptStatement statement) {
    SqlLexer lexer =
        new SqlLexer(
            script, statement.offset(), statement.offset() + statement.sql().length(), dialect);
    TokenType type = lexer.next();
    if (type == TokenType.SYMBOL) {
      return script.startsWith("<<", lexer.start());
    }
    if (type != TokenType.WORD) {
      return false;
    }
    if (lexer.isWord("CREATE") || lexer.isWord("ALTER")) {
      // only a routine: CREATE TABLE ... AS SELECT costs nothing more
      for (int i = 0; i < 6 && lexer.next() != TokenType.END; i++) {
        if (lexer.isWord("PROCEDURE") || lexer.isWord("PROC") || lexer.isWord("FUNCTION")) {
          return true;
        }
      }
      return false;
    }
    if (lexer.end() - lexer.start() <= 9
        && WALKED.contains(lexer.text().toUpperCase(Locale.ROOT))) {
      return true;
    }
    lexer.next();
    return lexer.isSymbol(':'); // a label
  }

  private record Tok(TokenType type, int start, int end, String word) {
    boolean is(String w) {
      return w.equals(word);
    }

    boolean isSymbol(String s, String script) {
      return type == TokenType.SYMBOL && script.startsWith(s, start) && end - start == s.length();
    }
  }

  private final class Walk {
    private final String script;
    private final List<ScriptStatement> out = new ArrayList<>();
    private int[] lineStarts;

    Walk(String script) {
      this.script = script;
    }

    void piece(ScriptStatement statement, boolean inBlock) {
      if (statement.knownError().isPresent()) {
        out.add(statement);
        return;
      }
      List<Tok> t = tokens(statement.offset(), statement.offset() + statement.sql().length());
      walk(statement, t, 0, inBlock);
    }

    private List<Tok> tokens(int from, int to) {
      SqlLexer lexer = new SqlLexer(script, from, to, dialect);
      List<Tok> t = new ArrayList<>();
      for (TokenType type = lexer.next(); type != TokenType.END; type = lexer.next()) {
        String word = type == TokenType.WORD ? lexer.text().toUpperCase(Locale.ROOT) : null;
        t.add(new Tok(type, lexer.start(), lexer.end(), word));
      }
      return t;
    }

    /** Walks the tokens of one piece from {@code i}: control flow, blocks, then a statement. */
    private void walk(ScriptStatement piece, List<Tok> t, int i, boolean inBlock) {
      int end = piece.offset() + piece.sql().length();
      while (i < t.size()) {
        Tok k = t.get(i);
        if (k.isSymbol("<<", script)) {
          i = skipPast(t, i, ">>");
          continue;
        }
        if (k.type() == TokenType.WORD
            && i + 1 < t.size()
            && t.get(i + 1).isSymbol(":", script)
            && i + 2 < t.size()
            && t.get(i + 2).type() == TokenType.WORD) {
          i += 2; // a label
          continue;
        }
        String w = k.word() == null ? "" : k.word();
        switch (w) {
          case "IF", "ELSIF", "ELSEIF" -> {
            int then = find(t, i + 1, "THEN");
            if (then >= 0) {
              i = then + 1;
            } else if (tsql) {
              i = tsqlBody(t, i + 1);
            } else {
              emit(piece, t, i, inBlock);
              return;
            }
            continue;
          }
          case "WHILE" -> {
            int body = findAny(t, i + 1, "DO", "LOOP");
            i = body >= 0 ? body + 1 : tsql ? tsqlBody(t, i + 1) : t.size();
            continue;
          }
          case "FOR" -> {
            int body = findAny(t, i + 1, "LOOP", "DO");
            if (body < 0) {
              emit(piece, t, i, inBlock);
              return;
            }
            loopQuery(piece, t, i + 1, body);
            i = body + 1;
            continue;
          }
          case "FORALL" -> {
            i = findAnyWord(t, i + 1, "INSERT", "UPDATE", "DELETE", "MERGE");
            if (i < 0) {
              return;
            }
            continue;
          }
          case "ELSE", "LOOP", "REPEAT", "EXCEPTION" -> {
            i++;
            continue;
          }
          case "WHEN", "CASE" -> {
            if (!inBlock && w.equals("WHEN")) {
              emit(piece, t, i, inBlock);
              return;
            }
            int then = find(t, i + 1, "THEN");
            if (then < 0) {
              emit(piece, t, i, inBlock);
              return;
            }
            i = then + 1;
            continue;
          }
          case "UNTIL" -> {
            return; // REPEAT's condition
          }
          case "END" -> {
            if (i + 1 < t.size() && isClosedConstruct(t.get(i + 1))) {
              i += 2;
              continue;
            }
            if (!inBlock && i == 0) {
              emit(piece, t, i, inBlock); // END alone: COMMIT in PostgreSQL
              return;
            }
            i++;
            continue;
          }
          case "BEGIN" -> {
            if (!isBlock(t, i)) {
              emit(piece, t, i, inBlock);
              return;
            }
            int close = matchingEnd(t, i);
            if (close < 0) {
              emit(piece, t, i, inBlock);
              return;
            }
            Tok first = t.get(i + 1);
            // BEGIN TRY ... END TRY, BEGIN CATCH ... END CATCH, BEGIN ATOMIC ... END
            int from = first.is("TRY") || first.is("CATCH") || first.is("ATOMIC") ? i + 2 : i + 1;
            region(
                from < close ? t.get(from).start() : t.get(close).start(),
                t.get(close).start(),
                Context.BLOCK);
            i = close + 1;
            if (i < t.size()
                && t.get(i).type() == TokenType.WORD
                && (t.get(i).is("TRY") || t.get(i).is("CATCH") || i == t.size() - 1)) {
              i++; // END TRY, END CATCH, END label
            }
            continue;
          }
          case "DECLARE" -> {
            int begin = declaredBlock(t, i);
            if (begin < 0) {
              emit(piece, t, i, inBlock);
              return;
            }
            i = begin;
            continue;
          }
          case "CREATE", "ALTER" -> {
            if (!routine(piece, t, i)) {
              emit(piece, t, i, inBlock);
            }
            return;
          }
          case "DO" -> {
            if (!doBlock(piece, t, i)) {
              emit(piece, t, i, inBlock);
            }
            return;
          }
          case "EXECUTE", "EXEC" -> {
            boolean immediate = i + 1 < t.size() && t.get(i + 1).is("IMMEDIATE");
            if (immediate || (inBlock && PLPGSQL_DIALECTS.contains(dialect.name()))) {
              dynamic(piece, t, immediate ? i + 2 : i + 1, end);
            } else {
              emit(piece, t, i, inBlock);
            }
            return;
          }
          default -> {
            emit(piece, t, i, inBlock);
            return;
          }
        }
      }
    }

    /** {@code FOR r IN <query> LOOP}: the query the loop iterates over is read. */
    private void loopQuery(ScriptStatement piece, List<Tok> t, int from, int body) {
      int in = find(t, from, "IN");
      if (in < 0 || in + 1 >= body) {
        return;
      }
      int a = in + 1;
      int b = body;
      if (t.get(a).isSymbol("(", script) && t.get(b - 1).isSymbol(")", script)) {
        a++;
        b--;
      }
      if (a < b && (t.get(a).is("SELECT") || t.get(a).is("WITH"))) {
        out.add(statementOf(piece, t.get(a).start(), t.get(b - 1).end(), Context.BLOCK));
      }
    }

    /** CREATE PROCEDURE / plpgsql FUNCTION: walks its body; false when it is no such routine. */
    private boolean routine(ScriptStatement piece, List<Tok> t, int i) {
      int kind = -1;
      for (int j = i + 1; j < Math.min(t.size(), i + 7); j++) {
        Tok k = t.get(j);
        if (k.is("PROCEDURE") || k.is("PROC") || k.is("FUNCTION")) {
          kind = j;
          break;
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
      if (function ? !language.equals("PLPGSQL") : !SQL_LANGUAGES.contains(language)) {
        return false; // JavaScript, Python...; a SQL function is a definition with no lineage
      }
      int before = out.size();
      int depth = 0;
      for (int j = kind + 1; j < t.size(); j++) {
        Tok k = t.get(j);
        if (k.isSymbol("(", script)) {
          depth++;
        } else if (k.isSymbol(")", script)) {
          depth--;
        }
        if (depth != 0) {
          continue;
        }
        if (k.type() == TokenType.STRING && script.charAt(k.start()) == '$') {
          stringBody(k, Context.BLOCK);
          break;
        }
        if ((k.is("AS") || k.is("IS"))
            && !t.get(j - 1).is("EXECUTE")
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
            region(
                next.start(),
                piece.offset() + piece.sql().length(),
                declarations ? Context.DECLARATIONS : Context.BLOCK);
          }
          break;
        }
        if (k.is("BEGIN")) {
          region(k.start(), piece.offset() + piece.sql().length(), Context.BLOCK);
          break;
        }
      }
      if (out.size() == before) {
        out.add(piece.withRole(ScriptStatement.Role.PROCEDURAL)); // an empty body
      }
      return true;
    }

    /** The routine's {@code LANGUAGE x} in upper case; SQL when it names none. */
    private String language(List<Tok> t, int from) {
      for (int j = from; j + 1 < t.size(); j++) {
        if (t.get(j).is("LANGUAGE")) {
          Tok name = t.get(j + 1);
          String text = script.substring(name.start(), name.end()).replace("'", "");
          return text.toUpperCase(Locale.ROOT);
        }
      }
      return "SQL";
    }

    /** PostgreSQL's {@code DO [LANGUAGE x] $$ ... $$ [LANGUAGE x]}. */
    private boolean doBlock(ScriptStatement piece, List<Tok> t, int i) {
      for (int j = i + 1; j < t.size(); j++) {
        Tok k = t.get(j);
        if (k.type() == TokenType.STRING) {
          if (!language(t, i).equals("PLPGSQL") && !language(t, i).equals("SQL")) {
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
    private void dynamic(ScriptStatement piece, List<Tok> t, int i, int end) {
      boolean literal =
          i < t.size()
              && t.get(i).type() == TokenType.STRING
              && (i + 1 == t.size() || t.get(i + 1).is("USING") || t.get(i + 1).is("INTO"));
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

    private ScriptStatement quotedBodyNotAnalyzed(ScriptStatement piece) {
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
      String text = script.substring(k.start(), k.end());
      if (text.charAt(0) == '$') {
        int tag = text.indexOf('$', 1) + 1;
        region(k.start() + tag, k.end() - tag, context);
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
      region(k.start() + 1, k.end() - 1, context);
      return true;
    }

    private void region(int from, int to, Context context) {
      List<ScriptStatement> inner = splitter.split(script, from, to, context);
      for (int n = 0; n < inner.size(); n++) {
        ScriptStatement statement = inner.get(n);
        if (n == 0 && context == Context.DECLARATIONS && statement.knownError().isEmpty()) {
          List<Tok> t = tokens(statement.offset(), statement.offset() + statement.sql().length());
          int begin = blockAfterDeclarations(t, 0);
          if (begin >= 0) {
            walk(statement, t, begin, true);
            continue;
          }
        }
        piece(statement, true);
      }
    }

    /** {@code DECLARE ...; BEGIN ... END}: the BEGIN's token, or -1 for a lone DECLARE. */
    private int declaredBlock(List<Tok> t, int i) {
      return blockAfterDeclarations(t, i + 1);
    }

    private int blockAfterDeclarations(List<Tok> t, int from) {
      for (int j = from; j < t.size(); j++) {
        if (t.get(j).is("BEGIN") && (j == from || t.get(j - 1).isSymbol(";", script))) {
          return j;
        }
      }
      return -1;
    }

    /** Emits the rest of the piece from token {@code i} as a statement. */
    private void emit(ScriptStatement piece, List<Tok> t, int i, boolean inBlock) {
      int end = piece.offset() + piece.sql().length();
      ScriptStatement statement =
          i == 0 ? piece : statementOf(piece, t.get(i).start(), end, Context.BLOCK);
      if (!inBlock) {
        out.add(statement);
        return;
      }
      out.add(classify(statement, t.subList(i, t.size())));
    }

    /** A statement of a block: a procedural step, or SQL (with INTO variables blanked out). */
    private ScriptStatement classify(ScriptStatement statement, List<Tok> t) {
      Tok first = t.get(0);
      String w = first.word() == null ? "" : first.word();
      if (w.equals("RETURN") && t.size() > 2 && t.get(1).is("QUERY")) {
        return statementOf(
            statement,
            t.get(2).start(),
            statement.offset() + statement.sql().length(),
            Context.BLOCK);
      }
      if (w.equals("OPEN")) {
        int query = findAnyWord(t, 1, "SELECT", "WITH");
        int forWord = find(t, 1, "FOR");
        if (query >= 0 && forWord >= 0 && forWord < query) {
          return statementOf(
              statement,
              t.get(query).start(),
              statement.offset() + statement.sql().length(),
              Context.BLOCK);
        }
      }
      if (PROCEDURAL.contains(w) || assignment(t) || call(t)) {
        return statement.withRole(ScriptStatement.Role.PROCEDURAL);
      }
      if (w.equals("PERFORM")) {
        return statement.withParseText(replace(statement, first.start(), first.end(), "SELECT "));
      }
      if ((w.equals("SELECT") || w.equals("WITH")) && !tsql) {
        return withoutIntoVariables(statement, t);
      }
      return statement;
    }

    /** {@code x := e}, {@code SET x = e} is SET's own; {@code a.b := e}. */
    private boolean assignment(List<Tok> t) {
      for (int j = 1; j < Math.min(t.size(), 6); j++) {
        Tok k = t.get(j);
        if (k.isSymbol(":=", script)) {
          return true;
        }
        if (k.type() != TokenType.WORD && !k.isSymbol(".", script)) {
          return false;
        }
      }
      return false;
    }

    /** A bare procedure call: {@code name}, {@code pkg.proc(args)} (PL/SQL, plpgsql blocks). */
    private boolean call(List<Tok> t) {
      if (tsql) {
        return false;
      }
      int j = 0;
      while (j < t.size() && t.get(j).type() == TokenType.WORD) {
        j++;
        if (j < t.size() && t.get(j).isSymbol(".", script)) {
          j++;
        } else {
          break;
        }
      }
      if (j == 0 || (j == 1 && isSqlKeyword(t.get(0)))) {
        return false;
      }
      if (j == t.size()) {
        return true;
      }
      return t.get(j).isSymbol("(", script) && closingParen(t, j) == t.size() - 1;
    }

    private boolean isSqlKeyword(Tok k) {
      return Set.of(
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
              "SAVEPOINT")
          .contains(k.word());
    }

    /** {@code SELECT a INTO v FROM t}: the INTO clause names variables, blanked for the parser. */
    private ScriptStatement withoutIntoVariables(ScriptStatement statement, List<Tok> t) {
      int depth = 0;
      for (int j = 0; j < t.size(); j++) {
        Tok k = t.get(j);
        if (k.isSymbol("(", script)) {
          depth++;
        } else if (k.isSymbol(")", script)) {
          depth--;
        } else if (depth == 0 && k.is("INTO")) {
          int from = j > 1 && t.get(j - 1).is("COLLECT") && t.get(j - 2).is("BULK") ? j - 2 : j;
          int to = j + 1;
          while (to < t.size() && !endsInto(t.get(to))) {
            to++;
          }
          int until =
              to < t.size() ? t.get(to).start() : statement.offset() + statement.sql().length();
          return statement.withParseText(replace(statement, t.get(from).start(), until, ""));
        } else if (depth == 0
            && (k.is("FROM") || k.is("INSERT") || k.is("UPDATE") || k.is("DELETE"))) {
          return statement;
        }
      }
      return statement;
    }

    private boolean endsInto(Tok k) {
      return k.type() == TokenType.WORD
          && Set.of("FROM", "WHERE", "GROUP", "ORDER", "UNION", "LIMIT", "HAVING", "WINDOW")
              .contains(k.word());
    }

    /**
     * The statement's text with {@code [from, to)} (script offsets) replaced by {@code with} padded
     * with blanks to the same length; line breaks are kept so positions stay the same.
     */
    private String replace(ScriptStatement statement, int from, int to, String with) {
      char[] text = statement.parseText().toCharArray();
      int a = from - statement.offset();
      int b = to - statement.offset();
      for (int i = a; i < b; i++) {
        int w = i - a;
        text[i] = w < with.length() ? with.charAt(w) : text[i] == '\n' ? '\n' : ' ';
      }
      return new String(text);
    }

    /** A statement for {@code script[from, to)} inside {@code parent}. */
    private ScriptStatement statementOf(ScriptStatement parent, int from, int to, Context context) {
      int[] position = position(from);
      return new ScriptStatement(
          parent.index(),
          script.substring(from, to),
          from,
          position[0],
          position[1],
          parent.nestingDepth());
    }

    private int[] position(int offset) {
      if (lineStarts == null) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < script.length(); i++) {
          if (script.charAt(i) == '\n') {
            starts.add(i + 1);
          }
        }
        lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
      }
      int l = Arrays.binarySearch(lineStarts, offset);
      if (l < 0) {
        l = -l - 2;
      }
      return new int[] {l + 1, offset - lineStarts[l] + 1};
    }

    private boolean isBlock(List<Tok> t, int i) {
      if (i + 1 >= t.size()) {
        return false;
      }
      Tok next = t.get(i + 1);
      if (next.type() == TokenType.WORD) {
        return !ScriptSplitter.TRANSACTION_WORDS.contains(next.word())
            && !ScriptSplitter.NAME_FOLLOWERS.contains(next.word());
      }
      return !next.isSymbol(";", script) && !next.isSymbol(",", script);
    }

    /** The END closing the block that opens at {@code t[i]}, or -1. */
    private int matchingEnd(List<Tok> t, int i) {
      int depth = 0;
      for (int j = i; j < t.size(); j++) {
        Tok k = t.get(j);
        if (k.is("BEGIN") && isBlock(t, j)) {
          depth++;
        } else if (k.is("CASE")) {
          depth++;
        } else if (k.is("END")) {
          Tok next = j + 1 < t.size() ? t.get(j + 1) : null;
          if (next != null
              && next.type() == TokenType.WORD
              && ScriptSplitter.UNCOUNTED_ENDS.contains(next.word())) {
            j++; // END IF, END LOOP...: their openers are not counted
            continue;
          }
          if (--depth == 0) {
            return j;
          }
          if (next != null && next.is("CASE")) {
            j++;
          }
        }
      }
      return -1;
    }

    private boolean isClosedConstruct(Tok k) {
      return k.type() == TokenType.WORD
          && (ScriptSplitter.UNCOUNTED_ENDS.contains(k.word()) || k.is("CASE"));
    }

    /** T-SQL's IF/WHILE condition ends where its statement starts. */
    private int tsqlBody(List<Tok> t, int from) {
      int depth = 0;
      for (int j = from; j < t.size(); j++) {
        Tok k = t.get(j);
        if (k.isSymbol("(", script)) {
          depth++;
        } else if (k.isSymbol(")", script)) {
          depth--;
        } else if (depth == 0
            && k.type() == TokenType.WORD
            && TSQL_BODY_STARTERS.contains(k.word())) {
          return j;
        }
      }
      return t.size();
    }

    /** The first {@code word} at parenthesis depth 0 and outside CASE ... END, or -1. */
    private int find(List<Tok> t, int from, String word) {
      return findAny(t, from, word, word);
    }

    private int findAny(List<Tok> t, int from, String a, String b) {
      int depth = 0;
      int cases = 0;
      for (int j = from; j < t.size(); j++) {
        Tok k = t.get(j);
        if (k.isSymbol("(", script)) {
          depth++;
        } else if (k.isSymbol(")", script)) {
          depth--;
        } else if (depth == 0 && k.is("CASE")) {
          cases++;
        } else if (depth == 0 && cases > 0 && k.is("END")) {
          cases--;
        } else if (depth == 0 && cases == 0 && (k.is(a) || k.is(b))) {
          return j;
        }
      }
      return -1;
    }

    private int findAnyWord(List<Tok> t, int from, String... words) {
      for (int j = from; j < t.size(); j++) {
        for (String w : words) {
          if (t.get(j).is(w)) {
            return j;
          }
        }
      }
      return -1;
    }

    private int skipPast(List<Tok> t, int i, String symbol) {
      for (int j = i + 1; j < t.size(); j++) {
        if (t.get(j).isSymbol(symbol, script)) {
          return j + 1;
        }
      }
      return t.size();
    }

    private int closingParen(List<Tok> t, int open) {
      int depth = 0;
      for (int j = open; j < t.size(); j++) {
        if (t.get(j).isSymbol("(", script)) {
          depth++;
        } else if (t.get(j).isSymbol(")", script) && --depth == 0) {
          return j;
        }
      }
      return -1;
    }
  }
}
