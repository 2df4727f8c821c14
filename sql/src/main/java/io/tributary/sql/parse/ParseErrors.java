package io.tributary.sql.parse;

import io.tributary.sql.model.AnalysisError;
import io.tributary.sql.model.ErrorKind;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.jsqlparser.parser.ParseException;
import net.sf.jsqlparser.parser.Token;
import net.sf.jsqlparser.parser.TokenMgrException;

/** Turns JSqlParser's exceptions into an {@link AnalysisError} with line and column. */
final class ParseErrors {

  private static final Pattern POSITION = Pattern.compile("line (\\d+), column (\\d+)");
  private static final int MAX_TOKEN_CHARS = 40;
  private static final Pattern EXCEPTION_NAME =
      Pattern.compile("\\b(?:[a-z_][a-z0-9_]*\\.)+[A-Z]\\w*(?:Exception|Error):\\s*");

  /** How the message of a syntax error at a token starts; the token follows, in quotes. */
  static final String AT_TOKEN = "syntax error at or near \"";

  /** The message of a statement that ends before the grammar is satisfied. */
  static final String AT_END = "syntax error at end of statement";

  private ParseErrors() {}

  /**
   * The parser's own check failed on a token it had read ({@code Invalid column name: x}): a parse
   * error at that token with the check's message, never the exception's class.
   */
  static AnalysisError rejected(RuntimeException e, Token last) {
    String why =
        e.getMessage() == null
            ? ""
            : EXCEPTION_NAME.matcher(firstLine(e.getMessage())).replaceAll("").trim();
    if (last == null || last.image == null || last.beginLine <= 0) {
      return AnalysisError.of(
          ErrorKind.PARSE_ERROR, why.isEmpty() ? "syntax error" : "syntax error: " + why);
    }
    String message = "syntax error at or near \"" + shorten(last.image) + "\"";
    return AnalysisError.at(
        ErrorKind.PARSE_ERROR,
        why.isEmpty() ? message : message + ": " + why,
        last.beginLine,
        last.beginColumn);
  }

  /** A syntax error at the token the parser could not accept. */
  static AnalysisError syntax(ParseException e) {
    Token at = e.currentToken == null ? null : e.currentToken.next;
    if (at == null) {
      at = e.currentToken;
    }
    if (at == null) {
      return fromMessage(e.getMessage());
    }
    return unexpected(at);
  }

  /** A syntax error at a token left over after a complete statement. */
  static AnalysisError unexpected(Token at) {
    String message =
        at.kind == 0 || at.image == null || at.image.isEmpty()
            ? AT_END
            : AT_TOKEN + shorten(at.image) + "\"";
    return AnalysisError.at(ErrorKind.PARSE_ERROR, message, at.beginLine, at.beginColumn);
  }

  /** A character the tokenizer could not read, such as an unterminated string. */
  static AnalysisError lexical(TokenMgrException e) {
    String raw = e.getMessage() == null ? "" : e.getMessage();
    Matcher m = POSITION.matcher(raw);
    if (!m.find()) {
      return fromMessage("lexical error: " + raw);
    }
    // "Lexical error at line 1, column 12.  Encountered: <EOF> after: ..." -> what was found
    String found = raw.substring(m.end()).replaceFirst("^[.\\s]+", "");
    return AnalysisError.at(
        ErrorKind.PARSE_ERROR,
        firstLine("lexical error: " + (found.isEmpty() ? "unreadable text" : found)),
        Integer.parseInt(m.group(1)),
        Integer.parseInt(m.group(2)));
  }

  private static AnalysisError fromMessage(String raw) {
    String message = raw == null ? "syntax error" : firstLine(raw);
    Matcher m = POSITION.matcher(message);
    if (m.find()) {
      return AnalysisError.at(
          ErrorKind.PARSE_ERROR,
          message,
          Integer.parseInt(m.group(1)),
          Integer.parseInt(m.group(2)));
    }
    return AnalysisError.of(ErrorKind.PARSE_ERROR, message);
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    String line = (nl < 0 ? s : s.substring(0, nl)).trim();
    return line.length() > 300 ? line.substring(0, 300) + "..." : line;
  }

  private static String shorten(String image) {
    return image.length() > MAX_TOKEN_CHARS ? image.substring(0, MAX_TOKEN_CHARS) + "..." : image;
  }
}
