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

  private ParseErrors() {}

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
            ? "syntax error at end of statement"
            : "syntax error at or near \"" + shorten(at.image) + "\"";
    return AnalysisError.at(ErrorKind.PARSE_ERROR, message, at.beginLine, at.beginColumn);
  }

  /** A character the tokenizer could not read, such as an unterminated string. */
  static AnalysisError lexical(TokenMgrException e) {
    return fromMessage("lexical error: " + e.getMessage());
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
