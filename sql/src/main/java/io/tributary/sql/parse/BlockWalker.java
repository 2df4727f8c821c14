package io.tributary.sql.parse;

import io.tributary.sql.dialect.Dialect;
import io.tributary.sql.model.ErrorKind;
import io.tributary.sql.parse.BlockTokens.Tok;
import io.tributary.sql.parse.ScriptSplitter.Context;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds the statements inside procedures and blocks, so that each is analyzed as if it ran (where a
 * body starts and ends, per dialect, is {@link RoutineBodies}'; what a statement inside is, {@link
 * BlockSteps}'). Control flow is walked, not evaluated: the statements of every branch of {@code
 * IF}/{@code CASE}, of every loop ({@code WHILE}, {@code LOOP}, {@code REPEAT}, {@code FOR}) and of
 * exception handlers are reported in the order written; the query a {@code FOR} loop iterates over
 * and the subqueries of IF and WHILE conditions are statements of their own.
 *
 * <p>Dynamic SQL built at run time is {@link ErrorKind#UNSUPPORTED}. A routine in another language
 * (JavaScript, Python...) stays one utility statement.
 */
public final class BlockWalker {

  /** First words of a script-level statement that may hold or be part of a block. */
  private static final Set<String> WALKED =
      Set.of(
          "CREATE",
          "ALTER",
          "BEGIN",
          "DECLARE",
          "SET",
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

  /** Dialects whose blocks are plpgsql, where {@code EXECUTE text} runs dynamic SQL. */
  private static final Set<String> PLPGSQL_DIALECTS = Set.of("postgresql", "redshift", "greenplum");

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
    return walk.out.numbered();
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
        if (lexer.isWord("PROCEDURE")
            || lexer.isWord("PROC")
            || lexer.isWord("FUNCTION")
            || lexer.isWord("PACKAGE")
            || lexer.isWord("TRIGGER")) {
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

  private final class Walk implements RoutineBodies.Regions {
    private final String script;
    private final BlockOutput out;
    private final RoutineBodies bodies;
    private final BlockSteps steps;

    Walk(String script) {
      this.script = script;
      this.out = new BlockOutput(script);
      this.bodies = new RoutineBodies(dialect, out, this);
      this.steps = new BlockSteps(out, tsql);
    }

    void piece(ScriptStatement statement, boolean inBlock) {
      if (statement.knownError().isPresent()) {
        out.add(statement);
        return;
      }
      walk(statement, tokens(statement), 0, inBlock);
    }

    private BlockTokens tokens(ScriptStatement statement) {
      return BlockTokens.of(
          script, statement.offset(), statement.offset() + statement.sql().length(), dialect);
    }

    /** Walks the tokens of one piece from {@code i}: control flow, blocks, then a statement. */
    private void walk(ScriptStatement piece, BlockTokens t, int i, boolean inBlock) {
      while (i < t.size()) {
        Tok k = t.get(i);
        if (t.isSymbol(i, "<<")) {
          i = t.skipPast(i, ">>");
          continue;
        }
        if (t.isWord(i) && t.isSymbol(i + 1, ":") && t.isWord(i + 2)) {
          i += 2; // a label
          continue;
        }
        String w = k.word() == null ? "" : k.word();
        switch (w) {
          case "IF", "ELSIF", "ELSEIF" -> {
            int then = t.find(i + 1, "THEN");
            if (then >= 0) {
              steps.addQueries(piece, t, i + 1, then);
              i = then + 1;
            } else if (tsql) {
              int body = t.tsqlBody(i + 1, TSQL_BODY_STARTERS);
              steps.addQueries(piece, t, i + 1, body);
              i = body;
            } else {
              emit(piece, t, i, inBlock);
              return;
            }
            continue;
          }
          case "WHILE" -> {
            int body = t.findAny(i + 1, "DO", "LOOP");
            int to = body >= 0 ? body : tsql ? t.tsqlBody(i + 1, TSQL_BODY_STARTERS) : t.size();
            steps.addQueries(piece, t, i + 1, to);
            i = body >= 0 ? body + 1 : to;
            continue;
          }
          case "FOR" -> {
            int body = t.findAny(i + 1, "LOOP", "DO");
            if (body < 0) {
              emit(piece, t, i, inBlock);
              return;
            }
            loopQuery(piece, t, i + 1, body);
            i = body + 1;
            continue;
          }
          case "FORALL" -> {
            i = t.findAnyWord(i + 1, "INSERT", "UPDATE", "DELETE", "MERGE");
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
            int then = t.find(i + 1, "THEN");
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
            if (t.closesConstruct(i + 1)) {
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
            if (!t.isBlock(i)) {
              emit(piece, t, i, inBlock);
              return;
            }
            int close = t.matchingEnd(i);
            if (close < 0) {
              emit(piece, t, i, inBlock);
              return;
            }
            i = block(t, i, close);
            continue;
          }
          case "DECLARE" -> {
            int begin = blockAfterDeclarations(t, i + 1);
            if (begin < 0) {
              emit(piece, t, i, inBlock);
              return;
            }
            steps.addDeclarations(piece, t, i + 1, begin);
            i = begin;
            continue;
          }
          case "CREATE", "ALTER" -> {
            if (!bodies.routine(piece, t, i)) {
              emit(piece, t, i, inBlock);
            }
            return;
          }
          case "DO" -> {
            if (!bodies.doBlock(piece, t, i)) {
              emit(piece, t, i, inBlock);
            }
            return;
          }
          case "EXECUTE", "EXEC" -> {
            boolean immediate = t.is(i + 1, "IMMEDIATE");
            if (immediate || (inBlock && PLPGSQL_DIALECTS.contains(dialect.name()))) {
              bodies.dynamic(piece, t, immediate ? i + 2 : i + 1);
            } else if (tsql && bodies.tsqlExec(piece, t, i)) {
              return;
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

    /** Walks the block {@code BEGIN [TRY | CATCH | [NOT] ATOMIC] .. END}; the token after it. */
    private int block(BlockTokens t, int begin, int close) {
      int from = begin + 1;
      if (t.is(from, "TRY") || t.is(from, "CATCH") || t.is(from, "ATOMIC")) {
        from++;
      } else if (t.is(from, "NOT") && t.is(from + 1, "ATOMIC")) {
        from += 2;
      }
      region(
          from < close ? t.get(from).start() : t.get(close).start(),
          t.get(close).start(),
          Context.BLOCK);
      int i = close + 1;
      if (t.isWord(i) && (t.is(i, "TRY") || t.is(i, "CATCH") || i == t.size() - 1)) {
        i++; // END TRY, END CATCH, END label
      }
      return i;
    }

    /** {@code FOR r IN <query> LOOP}: the query the loop iterates over is read. */
    private void loopQuery(ScriptStatement piece, BlockTokens t, int from, int body) {
      int in = t.find(from, "IN");
      if (in < 0 || in + 1 >= body) {
        return;
      }
      int a = in + 1;
      int b = body;
      if (t.isSymbol(a, "(") && t.isSymbol(b - 1, ")")) {
        a++;
        b--;
      }
      if (a < b && (t.is(a, "SELECT") || t.is(a, "WITH"))) {
        out.add(out.statementOf(piece, t.get(a).start(), t.get(b - 1).end()));
      }
    }

    @Override
    public void region(int from, int to, Context context) {
      List<ScriptStatement> inner = splitter.split(script, from, to, context);
      for (int n = 0; n < inner.size(); n++) {
        ScriptStatement statement = inner.get(n);
        if (n == 0 && context == Context.DECLARATIONS && statement.knownError().isEmpty()) {
          BlockTokens t = tokens(statement);
          int begin = blockAfterDeclarations(t, 0);
          if (begin >= 0) {
            steps.addDeclarations(statement, t, 0, begin);
            walk(statement, t, begin, true);
            continue;
          }
        }
        piece(statement, true);
      }
    }

    /** {@code DECLARE ...; BEGIN ... END}: the BEGIN's token, or -1 for a lone DECLARE. */
    private int blockAfterDeclarations(BlockTokens t, int from) {
      for (int j = from; j < t.size(); j++) {
        if (t.is(j, "BEGIN") && (j == from || t.isSymbol(j - 1, ";"))) {
          return j;
        }
      }
      return -1;
    }

    /** Emits the rest of the piece from token {@code i} as a statement. */
    private void emit(ScriptStatement piece, BlockTokens t, int i, boolean inBlock) {
      int end = piece.offset() + piece.sql().length();
      ScriptStatement statement = i == 0 ? piece : out.statementOf(piece, t.get(i).start(), end);
      BlockTokens rest = i == 0 ? t : t.from(i);
      if (steps.addReads(statement, rest)) {
        return;
      }
      out.add(inBlock ? steps.classify(statement, rest) : statement);
    }
  }
}
