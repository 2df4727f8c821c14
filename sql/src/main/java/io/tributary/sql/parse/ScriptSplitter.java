package io.tributary.sql.parse;

import io.tributary.sql.dialect.Dialect;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Cuts a script into statements at top-level semicolons, in one pass of {@link SqlLexer}: a
 * semicolon inside a string, a quoted name, a comment, a dollar-quoted body or a {@code BEGIN ...
 * END} block does not end a statement. A line holding only {@code GO} (T-SQL batches) ends one too.
 * Text without any token (blank, only comments) yields no statement.
 */
public final class ScriptSplitter {

  /** Words after {@code BEGIN} that make it a transaction, not a block. */
  private static final Set<String> TRANSACTION_WORDS =
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
          "NOT");

  /** Words after {@code END} that close a construct whose opener is not counted. */
  private static final Set<String> UNCOUNTED_ENDS = Set.of("IF", "LOOP", "WHILE", "REPEAT", "FOR");

  private final Dialect dialect;

  public ScriptSplitter(Dialect dialect) {
    this.dialect = dialect;
  }

  public List<ScriptStatement> split(String script) {
    return new Run(script).split();
  }

  private final class Run {
    private final String script;
    private final SqlLexer lexer;
    private final List<ScriptStatement> statements = new ArrayList<>();
    private int statementStart = -1;
    private int statementEnd;
    private int blocks;
    private int parens;
    private int cases;
    private int maxDepth;
    private boolean pendingBegin;
    private boolean pendingEnd;
    // position bookkeeping, advanced monotonically
    private int scanned;
    private int line = 1;
    private int column = 1;

    Run(String script) {
      this.script = script;
      this.lexer = new SqlLexer(script, dialect);
    }

    List<ScriptStatement> split() {
      while (true) {
        TokenType type = lexer.next();
        boolean qualifierOfEnd = false;
        if (pendingBegin) {
          pendingBegin = false;
          if (type != TokenType.END && !lexer.isSymbol(';') && !isOneOf(TRANSACTION_WORDS)) {
            blocks++;
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
          flush();
          return statements;
        }
        if (blocks == 0 && lexer.isSymbol(';')) {
          flush();
          continue;
        }
        if (blocks == 0 && lexer.isWord("GO") && aloneOnLine()) {
          flush();
          continue;
        }
        if (statementStart < 0) {
          statementStart = lexer.start();
        }
        statementEnd = lexer.end();
        track(type, qualifierOfEnd);
      }
    }

    private void track(TokenType type, boolean qualifierOfEnd) {
      if (type == TokenType.SYMBOL) {
        if (lexer.isSymbol('(')) {
          parens++;
          maxDepth = Math.max(maxDepth, parens + cases);
        } else if (lexer.isSymbol(')') && parens > 0) {
          parens--;
        }
      } else if (type == TokenType.WORD && !qualifierOfEnd) {
        if (lexer.isWord("BEGIN")) {
          pendingBegin = true;
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
    }

    private void flush() {
      if (statementStart >= 0) {
        advanceTo(statementStart);
        statements.add(
            new ScriptStatement(
                statements.size(),
                script.substring(statementStart, statementEnd),
                statementStart,
                line,
                column,
                maxDepth));
      }
      statementStart = -1;
      blocks = 0;
      parens = 0;
      cases = 0;
      maxDepth = 0;
      pendingBegin = false;
      pendingEnd = false;
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
          && words.contains(lexer.text().toUpperCase(java.util.Locale.ROOT));
    }

    private boolean aloneOnLine() {
      for (int i = lexer.start() - 1; i >= 0 && script.charAt(i) != '\n'; i--) {
        if (!Character.isWhitespace(script.charAt(i))) {
          return false;
        }
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
