package io.tributary.sql.parse;

import io.tributary.sql.dialect.Dialect;
import io.tributary.sql.model.AnalysisError;
import io.tributary.sql.model.ErrorKind;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.ParseException;
import net.sf.jsqlparser.parser.StringProvider;
import net.sf.jsqlparser.parser.Token;
import net.sf.jsqlparser.parser.TokenMgrException;
import net.sf.jsqlparser.statement.Statement;

/**
 * Parses one statement with JSqlParser, bounded in time and depth, on the calling thread.
 *
 * <p>{@code CCJSqlParserUtil.parse} hands every parse to a fresh executor thread to enforce its
 * timeout, which costs about as much as the parse itself. Here the generated parser is driven
 * directly and {@link ParseWatchdog} flags it when its time is up. Like {@code CCJSqlParserUtil},
 * the cheap "simple" grammar is tried first and the "complex" one only when it fails and the
 * statement is shallow enough for its backtracking to stay affordable.
 *
 * <p>Depth: statements nested deeper than {@link #MAX_NESTING} are refused before parsing (the
 * parser's recursion and backtracking on them costs seconds to minutes before the stack overflows);
 * a {@link StackOverflowError} on shallower ones is caught. Either is {@code TOO_DEEP}.
 */
public final class StatementParser {

  /** Deeper nesting of parentheses and CASE than this is refused without parsing. */
  public static final int MAX_NESTING = 300;

  /** Tokens that continue a condition: where the complex grammar can read on. */
  private static final java.util.Set<String> CONDITION_TOKENS =
      java.util.Set.of(
          "=",
          "<",
          ">",
          "<=",
          ">=",
          "<>",
          "!=",
          "==",
          "^=",
          "~",
          "!~",
          "~*",
          "!~*",
          "@>",
          "<@",
          "&&",
          "?",
          "AND",
          "OR",
          "XOR",
          "NOT",
          "IS",
          "IN",
          "LIKE",
          "ILIKE",
          "RLIKE",
          "REGEXP",
          "SIMILAR",
          "BETWEEN",
          "EXISTS",
          "ESCAPE",
          "OVERLAPS",
          "ISNULL",
          "NOTNULL",
          "MEMBER",
          "SOUNDS");

  /** The deepest nesting complex parsing is retried at (JSqlParser's own default). */
  private static final int MAX_COMPLEX_NESTING = 10;

  private final Dialect dialect;

  public StatementParser(Dialect dialect) {
    this.dialect = dialect;
  }

  /** Parses a statement cut by {@link ScriptSplitter}; error positions are the statement's own. */
  public ParseResult parse(ScriptStatement statement, long timeoutNanos) {
    return parse(statement.parseText(), statement.nestingDepth(), timeoutNanos);
  }

  /** Parses one statement; error positions are relative to {@code sql}. */
  public ParseResult parse(String sql, int nestingDepth, long timeoutNanos) {
    if (nestingDepth > MAX_NESTING) {
      return tooDeep("nested " + nestingDepth + " levels deep; the limit is " + MAX_NESTING);
    }
    TextEdits.Rewrite rewrite = Restatement.restate(sql, dialect);
    ParseResult result =
        parseWithin(ParserSeparators.neutralize(rewrite.text()), nestingDepth, timeoutNanos);
    return result instanceof ParseResult.Failed failed
        ? new ParseResult.Failed(rewrite.toOriginal(failed.error()))
        : result;
  }

  private ParseResult parseWithin(String text, int nestingDepth, long timeoutNanos) {
    long deadline = System.nanoTime() + timeoutNanos;
    ParseResult simple = attempt(text, false, timeoutNanos);
    if (simple instanceof ParseResult.Failed failed
        && complexMayHelp(failed.error())
        && nestingDepth <= MAX_COMPLEX_NESTING) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return timeout(timeoutNanos);
      }
      ParseResult complex = attempt(text, true, left);
      if (complex instanceof ParseResult.Parsed
          || ((ParseResult.Failed) complex).error().kind() != ErrorKind.PARSE_ERROR) {
        return complex;
      }
      // both failed: the grammar that read further names the more telling position
      return further(((ParseResult.Failed) complex).error(), failed.error()) ? complex : simple;
    }
    return simple;
  }

  /**
   * Whether the complex grammar could read what the simple one could not. What it adds is a
   * condition where the simple grammar expects a plain expression ({@code CASE WHEN x THEN a > b},
   * {@code f(a = 1)}), so it can only help when the simple grammar stopped at an operator or word
   * that continues a condition. Anything else (a lexical error, an unexpected name, the end of the
   * text) fails in both, and the second parse, as slow as the first, is skipped.
   */
  private static boolean complexMayHelp(AnalysisError error) {
    if (error.kind() != ErrorKind.PARSE_ERROR
        || !error.message().startsWith(ParseErrors.AT_TOKEN)) {
      return false;
    }
    String rest = error.message().substring(ParseErrors.AT_TOKEN.length());
    int close = rest.indexOf('"');
    return close > 0
        && rest.length() == close + 1
        && CONDITION_TOKENS.contains(rest.substring(0, close).toUpperCase(java.util.Locale.ROOT));
  }

  private static boolean further(AnalysisError a, AnalysisError b) {
    int lineA = a.line().orElse(0);
    int lineB = b.line().orElse(0);
    return lineA != lineB ? lineA > lineB : a.column().orElse(0) > b.column().orElse(0);
  }

  private ParseResult attempt(String sql, boolean complex, long timeoutNanos) {
    CCJSqlParser parser =
        ParserDialects.configure(new CCJSqlParser(new StringProvider(sql)), dialect, complex);
    try (ParseWatchdog.Watch watch = ParseWatchdog.watch(parser, timeoutNanos)) {
      Statement statement = parser.Statement();
      if (parser.interrupted) {
        return timeout(timeoutNanos);
      }
      Token rest = parser.getToken(1);
      if (rest != null && rest.kind != 0) {
        return new ParseResult.Failed(ParseErrors.unexpected(rest));
      }
      if (statement == null) {
        return new ParseResult.Failed(AnalysisError.of(ErrorKind.PARSE_ERROR, "no statement"));
      }
      return new ParseResult.Parsed(statement);
    } catch (ParseException e) {
      return parser.interrupted
          ? timeout(timeoutNanos)
          : new ParseResult.Failed(ParseErrors.syntax(e));
    } catch (TokenMgrException e) {
      return new ParseResult.Failed(ParseErrors.lexical(e));
    } catch (StackOverflowError e) {
      return tooDeep("the parser ran out of stack");
    } catch (RuntimeException e) {
      // The generated parser throws unchecked exceptions on some malformed input.
      return parser.interrupted
          ? timeout(timeoutNanos)
          : new ParseResult.Failed(ParseErrors.rejected(e, parser.token));
    }
  }

  private static ParseResult tooDeep(String why) {
    return new ParseResult.Failed(
        AnalysisError.of(ErrorKind.TOO_DEEP, "statement is nested too deeply: " + why));
  }

  private static ParseResult timeout(long timeoutNanos) {
    return new ParseResult.Failed(
        AnalysisError.of(
            ErrorKind.TIMEOUT, "parsing took longer than " + (timeoutNanos / 1_000_000) + " ms"));
  }
}
