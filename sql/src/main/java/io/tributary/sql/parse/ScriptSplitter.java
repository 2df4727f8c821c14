package io.tributary.sql.parse;

import io.tributary.sql.dialect.Dialect;
import io.tributary.sql.model.AnalysisError;
import io.tributary.sql.model.ErrorKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Cuts a script into statements in one pass of {@link SqlLexer}.
 *
 * <ul>
 *   <li>A top-level semicolon ends a statement; one inside a string, a quoted name, a comment, a
 *       dollar-quoted body or a {@code BEGIN ... END} block does not. Blank lines never do.
 *   <li>A line holding only {@code GO} or {@code GO n} (T-SQL batches) ends one too, and so does a
 *       line holding only {@code /} in Oracle (SQL*Plus).
 *   <li>T-SQL needs no semicolons: a statement keyword first on its line ({@code INSERT}, {@code
 *       SELECT}, {@code IF}, {@code DECLARE}...) starts the next statement unless it continues the
 *       current one ({@code INSERT INTO t} then {@code SELECT}, {@code UPDATE t} then {@code SET},
 *       a MERGE's {@code THEN UPDATE}...). A T-SQL {@code CREATE PROCEDURE|FUNCTION|TRIGGER} runs
 *       to the end of its batch, as T-SQL has it.
 *   <li>In Oracle and Snowflake a leading {@code DECLARE} opens a block's declarations, which end
 *       with the block's {@code END}.
 * </ul>
 *
 * Each statement records whether the lexer found its text cut: a string, quoted name, comment or
 * dollar-quoted body never closed, a parenthesis or a {@code BEGIN} block never closed. Such a
 * statement carries a {@link ErrorKind#TRUNCATED} error and is never parsed. Text without any token
 * (blank, only comments) yields no statement.
 */
public final class ScriptSplitter {

  /** Where a range of text sits, which decides what a leading {@code DECLARE} means. */
  enum Context {
    /** A whole script. */
    SCRIPT,
    /** The statements inside a block or a procedure body. */
    BLOCK,
    /** A procedure body that starts with declarations (Oracle's {@code IS v NUMBER; BEGIN}). */
    DECLARATIONS
  }

  /** Words after {@code BEGIN} that make it a transaction, not a block. */
  static final Set<String> TRANSACTION_WORDS =
      Set.of(
          "TRANSACTION",
          "WORK",
          "TRAN",
          "ISOLATION",
          "READ",
          "DEFERRED",
          "IMMEDIATE",
          "EXCLUSIVE",
          "DISTRIBUTED",
          "NOT",
          "NAME");

  /** Words after {@code BEGIN} that make it a name ({@code SELECT begin FROM t}), not a block. */
  static final Set<String> NAME_FOLLOWERS =
      Set.of(
          "FROM", "AS", "AND", "OR", "IS", "IN", "THEN", "ELSE", "WHEN", "ORDER", "GROUP", "WHERE",
          "UNION", "LIMIT", "BETWEEN", "LIKE", "OVER", "ON", "JOIN", "DESC", "ASC");

  /** Words after {@code END} that close a construct whose opener is not counted. */
  static final Set<String> UNCOUNTED_ENDS = Set.of("IF", "LOOP", "WHILE", "REPEAT", "FOR");

  /** Dialects whose script-level {@code DECLARE} opens an anonymous block's declarations. */
  private static final Set<String> DECLARE_BLOCK_DIALECTS = Set.of("oracle", "snowflake");

  /** Dialects whose {@code DECLARE} is a statement of its own, inside blocks too. */
  static final Set<String> DECLARE_STATEMENT_DIALECTS =
      Set.of("tsql", "bigquery", "mysql", "mariadb");

  /** T-SQL words that start a statement when first on a line (T-SQL needs no semicolons). */
  private static final Set<String> TSQL_STARTERS =
      Set.of(
          "SELECT",
          "INSERT",
          "UPDATE",
          "DELETE",
          "MERGE",
          "SET",
          "DECLARE",
          "EXEC",
          "EXECUTE",
          "IF",
          "ELSE",
          "WHILE",
          "BEGIN",
          "RETURN",
          "PRINT",
          "RAISERROR",
          "THROW",
          "TRUNCATE",
          "DROP",
          "CREATE",
          "ALTER",
          "USE",
          "GRANT",
          "REVOKE",
          "DENY",
          "BREAK",
          "CONTINUE",
          "GOTO",
          "WAITFOR",
          "OPEN",
          "FETCH",
          "CLOSE",
          "DEALLOCATE",
          "COMMIT",
          "ROLLBACK",
          "SAVE");

  private final Dialect dialect;
  private final boolean tsql;
  private final boolean plsql;

  public ScriptSplitter(Dialect dialect) {
    this.dialect = dialect;
    this.tsql = dialect.name().equals("tsql");
    this.plsql = dialect.name().equals("oracle");
  }

  public List<ScriptStatement> split(String script) {
    return new Run(script, 0, script.length(), Context.SCRIPT).split();
  }

  /** The statements of {@code script[from, to)}, a block's body, in the script's coordinates. */
  List<ScriptStatement> split(String script, int from, int to, Context context) {
    return new Run(script, from, to, context).split();
  }

  private final class Run {
    private final String script;
    private final SqlLexer lexer;
    private final Context context;
    private final List<ScriptStatement> statements = new ArrayList<>();
    private int statementStart = -1;
    private int statementEnd;
    private int blocks;
    private int parens;
    private int cases;
    private int maxDepth;
    private boolean pendingBegin;
    private boolean pendingEnd;
    private int openParen = -1;
    private int openBlock = -1;
    private int beginAt = -1;
    private boolean declarations;
    // what the statement has shown so far, for T-SQL's statements without semicolons
    private String firstWord;
    private String previousWord;
    private char previousSymbol;
    private boolean previousJoins;
    private int tokens;
    private boolean routine;
    private boolean startsWithCreate;
    private boolean plsqlRoutine;
    private boolean plsqlPackage;
    private boolean sawQuery;
    private boolean sawSet;
    private boolean sawMain;
    private String mainWord = "";
    // position bookkeeping, advanced monotonically
    private int scanned;
    private int line = 1;
    private int column = 1;

    Run(String script, int from, int to, Context context) {
      this.script = script;
      this.lexer = new SqlLexer(script, from, to, dialect);
      this.context = context;
    }

    List<ScriptStatement> split() {
      if (context == Context.DECLARATIONS) {
        declarations = true;
        blocks = 1;
      }
      while (true) {
        TokenType type = lexer.next();
        boolean qualifierOfEnd = false;
        if (pendingBegin) {
          pendingBegin = false;
          if (opensBlock(type)) {
            if (declarations && blocks == 1) {
              declarations = false; // the declarations' BEGIN: one END closes both
            } else {
              if (blocks == 0) {
                openBlock = beginAt;
              }
              blocks++;
            }
          }
        }
        if (pendingEnd) {
          pendingEnd = false;
          if (lexer.isWord("CASE")) {
            blocks--;
            qualifierOfEnd = true;
          } else if (isOneOf(UNCOUNTED_ENDS)) {
            qualifierOfEnd = true;
          } else {
            blocks--;
          }
        }
        if (type == TokenType.END) {
          flush(true);
          return statements;
        }
        if (blocks == 0 && !routine && lexer.isSymbol(';')) {
          flush(false);
          continue;
        }
        if (blocks == 0 && lexer.isWord("GO") && aloneOnLine()) {
          flush(false);
          continue;
        }
        if (blocks == 0 && tsql && lexer.isWord("GO") && goWithCount()) {
          flush(false);
          lexer.next(); // GO n runs the batch n times: the count is no statement
          continue;
        }
        if (blocks == 0
            && lexer.isSymbol('/')
            && dialect.name().equals("oracle")
            && aloneOnLine()) {
          flush(false);
          continue;
        }
        if (tsql && statementStart >= 0 && startsNextTsqlStatement(type)) {
          flush(false);
        }
        if (statementStart < 0) {
          statementStart = lexer.start();
          startsWithCreate = lexer.isWord("CREATE");
          if (lexer.isWord("DECLARE") && declareOpensBlock()) {
            declarations = true;
            blocks = 1;
            openBlock = lexer.start();
          }
        }
        statementEnd = lexer.end();
        track(type, qualifierOfEnd);
      }
    }

    private boolean declareOpensBlock() {
      return switch (context) {
        case SCRIPT -> DECLARE_BLOCK_DIALECTS.contains(dialect.name());
        case BLOCK, DECLARATIONS -> !DECLARE_STATEMENT_DIALECTS.contains(dialect.name());
      };
    }

    /** Whether the token after a {@code BEGIN} makes that BEGIN open a block. */
    private boolean opensBlock(TokenType type) {
      if (type == TokenType.WORD) {
        if (lexer.isWord("NOT") && nextWordIs("ATOMIC")) {
          return true; // MariaDB's BEGIN NOT ATOMIC .. END
        }
        return !isOneOf(TRANSACTION_WORDS) && !isOneOf(NAME_FOLLOWERS);
      }
      return type != TokenType.END && !lexer.isSymbol(';') && !lexer.isSymbol(',');
    }

    private void track(TokenType type, boolean qualifierOfEnd) {
      tokens++;
      if (type == TokenType.SYMBOL) {
        if (lexer.isSymbol('(')) {
          if (parens == 0) {
            openParen = lexer.start();
          }
          parens++;
          maxDepth = Math.max(maxDepth, parens + cases);
        } else if (lexer.isSymbol(')') && parens > 0) {
          parens--;
        }
        previousSymbol = lexer.end() - lexer.start() == 1 ? script.charAt(lexer.start()) : '\0';
        previousWord = null;
        previousJoins = false;
        return;
      }
      previousSymbol = '\0';
      if (type != TokenType.WORD) {
        previousWord = null;
        previousJoins = false;
        return;
      }
      if (!qualifierOfEnd) {
        if (lexer.isWord("BEGIN")) {
          if (!afterExpressionPart()) {
            pendingBegin = true;
            beginAt = lexer.start();
          }
        } else if (lexer.isWord("CASE")) {
          cases++;
          maxDepth = Math.max(maxDepth, parens + cases);
          if (blocks > 0) {
            blocks++;
          }
        } else if (lexer.isWord("END")) {
          if (cases > 0) {
            cases--;
          }
          if (blocks > 0) {
            pendingEnd = true;
          }
        }
      }
      if (plsql && startsWithCreate && parens == 0) {
        notePlsqlRoutine();
      }
      previousJoins =
          lexer.isWord("SELECT") || lexer.isWord("BY") || lexer.isWord("AND") || lexer.isWord("OR");
      if (tsql) {
        // only T-SQL's statements without semicolons need the words themselves
        String word = upper();
        if (firstWord == null) {
          firstWord = tokens == 1 ? word : "";
        }
        if (parens == 0 && cases == 0) {
          noteTsqlShape(word);
        }
        previousWord = word;
      }
    }

    /**
     * PL/SQL's {@code CREATE PROCEDURE|FUNCTION p ... IS|AS}: declarations follow, up to the body's
     * BEGIN, closed by its END.
     */
    private void notePlsqlRoutine() {
      if (tokens <= 6 && lexer.isWord("PACKAGE")) {
        plsqlRoutine = true;
        plsqlPackage = true; // its procedures' blocks are counted inside, up to END name
      } else if (tokens <= 6
          && (lexer.isWord("PROCEDURE") || lexer.isWord("FUNCTION") || lexer.isWord("TRIGGER"))) {
        plsqlRoutine = true;
      } else if (plsqlRoutine
          && blocks == 0
          && !declarations
          && (lexer.isWord("IS") || lexer.isWord("AS"))) {
        plsqlRoutine = false;
        declarations = !plsqlPackage;
        blocks = 1;
        openBlock = lexer.start();
      }
    }

    /** A BEGIN right after these is a name in an expression, never a block. */
    private boolean afterExpressionPart() {
      return previousSymbol != '\0' ? ".,(=<>+-*/|".indexOf(previousSymbol) >= 0 : previousJoins;
    }

    private void noteTsqlShape(String word) {
      if ((firstWord.equals("CREATE") || firstWord.equals("ALTER"))
          && tokens <= 5
          && (word.equals("PROCEDURE")
              || word.equals("PROC")
              || word.equals("FUNCTION")
              || word.equals("TRIGGER"))) {
        routine = true;
      }
      switch (word) {
        case "SELECT", "VALUES", "EXEC", "EXECUTE", "DEFAULT" -> sawQuery |= tokens > 1;
        case "SET" -> sawSet = true;
        default -> {}
      }
      if (tokens > 1
          && (word.equals("SELECT")
              || word.equals("INSERT")
              || word.equals("UPDATE")
              || word.equals("DELETE")
              || word.equals("MERGE"))) {
        if (!sawMain) {
          mainWord = word; // WITH .. INSERT: the statement is an INSERT
        }
        sawMain = true;
      }
    }

    /** T-SQL: whether this token, first on its line, starts a new statement. */
    private boolean startsNextTsqlStatement(TokenType type) {
      if (type != TokenType.WORD
          || blocks > 0
          || parens > 0
          || cases > 0
          || routine
          || !isOneOf(TSQL_STARTERS)
          || !firstOnLine()) {
        return false;
      }
      String word = upper();
      String prev = previousWord == null ? "" : previousWord;
      String firstWord = this.firstWord == null ? "" : this.firstWord;
      boolean openWith = firstWord.equals("WITH") && !sawMain;
      boolean insert =
          firstWord.equals("INSERT") || (firstWord.equals("WITH") && mainWord.equals("INSERT"));
      return switch (word) {
        case "SELECT" ->
            !(insert && !sawQuery)
                && !openWith
                && !Set.of("UNION", "ALL", "EXCEPT", "INTERSECT", "AS", "FOR", "DISTINCT")
                    .contains(prev);
        case "INSERT", "UPDATE", "DELETE", "MERGE" ->
            !openWith && !Set.of("THEN", "FOR", "OF", "AFTER", "INSTEAD").contains(prev);
        case "SET" ->
            !(firstWord.equals("UPDATE") && !sawSet)
                && !firstWord.equals("ALTER")
                && !prev.equals("UPDATE")
                && !prev.equals("DELETE");
        case "EXEC", "EXECUTE" -> !(insert && !sawQuery);
        case "BEGIN" -> !prev.equals("ELSE") && !prev.equals("AS");
        case "IF" ->
            !prev.equals("ELSE")
                && !Set.of("TABLE", "VIEW", "INDEX", "PROCEDURE", "PROC", "FUNCTION", "SCHEMA")
                    .contains(prev);
        case "FETCH" -> !prev.equals("ROWS") && !prev.equals("ROW");
        default -> true;
      };
    }

    private void flush(boolean atEnd) {
      if (statementStart >= 0) {
        advanceTo(statementStart);
        String sql = script.substring(statementStart, statementEnd);
        ScriptStatement statement =
            new ScriptStatement(statements.size(), sql, statementStart, line, column, maxDepth);
        Optional<AnalysisError> truncation = truncation(atEnd);
        statements.add(
            truncation.isPresent() ? statement.withKnownError(truncation.get()) : statement);
      }
      statementStart = -1;
      blocks = 0;
      parens = 0;
      cases = 0;
      maxDepth = 0;
      pendingBegin = false;
      pendingEnd = false;
      openParen = -1;
      openBlock = -1;
      declarations = false;
      firstWord = null;
      previousWord = null;
      previousSymbol = '\0';
      previousJoins = false;
      tokens = 0;
      routine = false;
      startsWithCreate = false;
      plsqlRoutine = false;
      plsqlPackage = false;
      sawQuery = false;
      sawSet = false;
      sawMain = false;
      mainWord = "";
    }

    /** A TRUNCATED error when the statement's text stops inside something it opened. */
    private Optional<AnalysisError> truncation(boolean atEnd) {
      if (atEnd
          && lexer.unterminated() != SqlLexer.Unterminated.NONE
          && lexer.unterminatedStart() >= statementStart) {
        return Optional.of(
            truncated(
                "the text ends inside " + lexer.unterminated().description() + " opened",
                lexer.unterminatedStart()));
      }
      if (parens > 0) {
        return Optional.of(
            truncated(
                parens == 1
                    ? "a parenthesis is never closed: the one opened"
                    : parens + " parentheses are never closed, the first opened",
                openParen));
      }
      if (atEnd && blocks > 0 && openBlock >= 0) {
        return Optional.of(truncated("the block is never closed by END: it opens", openBlock));
      }
      return Optional.empty();
    }

    private AnalysisError truncated(String what, int at) {
      int l = 1;
      int c = 1;
      for (int i = statementStart; i < at; i++) {
        if (script.charAt(i) == '\n') {
          l++;
          c = 1;
        } else {
          c++;
        }
      }
      return AnalysisError.at(
          ErrorKind.TRUNCATED,
          "statement is incomplete, its text probably cut: " + what + " here",
          l,
          c);
    }

    private void advanceTo(int offset) {
      for (; scanned < offset; scanned++) {
        if (script.charAt(scanned) == '\n') {
          line++;
          column = 1;
        } else {
          column++;
        }
      }
    }

    private boolean isOneOf(Set<String> words) {
      return lexer.type() == TokenType.WORD
          && lexer.end() - lexer.start() <= 12
          && words.contains(upper());
    }

    private String upper() {
      return lexer.text().toUpperCase(Locale.ROOT);
    }

    private boolean firstOnLine() {
      for (int i = lexer.start() - 1; i >= 0 && script.charAt(i) != '\n'; i--) {
        if (!Character.isWhitespace(script.charAt(i))) {
          return false;
        }
      }
      return true;
    }

    /** Whether the word after the current token, past blanks, is {@code word}. */
    private boolean nextWordIs(String word) {
      int i = lexer.end();
      while (i < script.length() && Character.isWhitespace(script.charAt(i))) {
        i++;
      }
      int end = i + word.length();
      return script.regionMatches(true, i, word, 0, word.length())
          && (end == script.length() || !Character.isLetterOrDigit(script.charAt(end)));
    }

    /** T-SQL's {@code GO n} alone on its line. */
    private boolean goWithCount() {
      if (!firstOnLine()) {
        return false;
      }
      int i = lexer.end();
      while (i < script.length() && (script.charAt(i) == ' ' || script.charAt(i) == '\t')) {
        i++;
      }
      int digits = i;
      while (i < script.length() && Character.isDigit(script.charAt(i))) {
        i++;
      }
      if (i == digits) {
        return false;
      }
      for (; i < script.length() && script.charAt(i) != '\n'; i++) {
        if (!Character.isWhitespace(script.charAt(i))) {
          return false;
        }
      }
      return true;
    }

    private boolean aloneOnLine() {
      if (!firstOnLine()) {
        return false;
      }
      for (int i = lexer.end(); i < script.length() && script.charAt(i) != '\n'; i++) {
        if (!Character.isWhitespace(script.charAt(i))) {
          return false;
        }
      }
      return true;
    }
  }
}
