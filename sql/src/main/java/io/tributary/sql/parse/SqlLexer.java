package io.tributary.sql.parse;

import io.tributary.sql.dialect.Dialect;
import io.tributary.sql.dialect.DialectSyntax;

/**
 * A single-pass SQL tokenizer that never fails: an unterminated string or comment runs to the end
 * of the text, and {@link #unterminated()} says so (a sign the text was cut). It knows quoting,
 * comments and literals well enough to split scripts, recognize utility statements and fingerprint
 * queries; it is not a parser. Allocation-free: callers read {@link #start()} and {@link #end()} of
 * the current token.
 */
public final class SqlLexer {

  /** A construct the text ends inside of, never closed. */
  public enum Unterminated {
    NONE("nothing"),
    STRING("a string literal"),
    QUOTED_NAME("a quoted name"),
    DOLLAR_QUOTE("a dollar-quoted body"),
    COMMENT("a block comment");

    private final String description;

    Unterminated(String description) {
      this.description = description;
    }

    public String description() {
      return description;
    }
  }

  private final CharSequence text;
  private final int length;
  private final Dialect dialect;
  private final DialectSyntax syntax;
  private int pos;
  private int start;
  private int end;
  private TokenType type;
  private Unterminated unterminated = Unterminated.NONE;
  private int unterminatedStart = -1;

  public SqlLexer(CharSequence text, Dialect dialect) {
    this(text, 0, text.length(), dialect);
  }

  /** Reads only {@code text[from, to)}; offsets stay those of the whole text. */
  public SqlLexer(CharSequence text, int from, int to, Dialect dialect) {
    this.text = text;
    this.length = to;
    this.pos = from;
    this.dialect = dialect;
    this.syntax = dialect.syntax();
  }

  /** What the text ends inside of, when a string, quoted name, body or comment never closes. */
  public Unterminated unterminated() {
    return unterminated;
  }

  /** Where the unterminated construct starts, or -1. */
  public int unterminatedStart() {
    return unterminatedStart;
  }

  /** Moves to the next token and returns its type ({@link TokenType#END} at the end). */
  public TokenType next() {
    skipBlanksAndComments();
    start = pos;
    if (pos >= length) {
      end = pos;
      return type = TokenType.END;
    }
    type = scan(text.charAt(pos));
    end = pos;
    return type;
  }

  public TokenType type() {
    return type;
  }

  /** Offset of the current token's first character. */
  public int start() {
    return start;
  }

  /** Offset just after the current token's last character. */
  public int end() {
    return end;
  }

  public String text() {
    return text.subSequence(start, end).toString();
  }

  /** Whether the current token is the given word, ignoring case. */
  public boolean isWord(String word) {
    if (type != TokenType.WORD || end - start != word.length()) {
      return false;
    }
    for (int i = 0; i < word.length(); i++) {
      if (Character.toUpperCase(text.charAt(start + i)) != Character.toUpperCase(word.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** Whether the current token is the given one-character symbol. */
  public boolean isSymbol(char c) {
    return type == TokenType.SYMBOL && end - start == 1 && text.charAt(start) == c;
  }

  private TokenType scan(char c) {
    if (c == '\'') {
      pos = closed(endOfString(pos + 1, '\'', syntax.backslashEscapes()), Unterminated.STRING);
      return TokenType.STRING;
    }
    if (c == '"') {
      if (syntax.doubleQuotedStrings()) {
        pos = closed(endOfString(pos + 1, '"', syntax.backslashEscapes()), Unterminated.STRING);
        return TokenType.STRING;
      }
      pos = closed(endOfString(pos + 1, '"', false), Unterminated.QUOTED_NAME);
      return TokenType.QUOTED;
    }
    if (c == '`') {
      pos = closed(endOfString(pos + 1, '`', false), Unterminated.QUOTED_NAME);
      return TokenType.QUOTED;
    }
    if (c == '[' && dialect.closingQuote('[').isPresent()) {
      pos = closed(endOfString(pos + 1, ']', false), Unterminated.QUOTED_NAME);
      return TokenType.QUOTED;
    }
    if (c == '$') {
      return dollar();
    }
    if (isDigit(c) || (c == '.' && isDigit(peek(1)))) {
      number();
      return TokenType.NUMBER;
    }
    if (isWordStart(c)) {
      return wordOrPrefixedString();
    }
    if (c == '?') {
      pos++;
      return TokenType.PARAMETER;
    }
    if ((c == ':' || c == '@') && isWordStart(peek(1)) && !afterName()) {
      pos++;
      while (pos < length && isWordPart(text.charAt(pos))) {
        pos++;
      }
      return TokenType.PARAMETER;
    }
    symbol(c);
    return TokenType.SYMBOL;
  }

  private TokenType wordOrPrefixedString() {
    int wordStart = pos;
    while (pos < length && isWordPart(text.charAt(pos))) {
      pos++;
    }
    // N'..', E'..', X'..', B'..', U&'..', r'..', b'..': one literal, not a word and a string.
    int wordLength = pos - wordStart;
    if (wordLength <= 2 && pos < length && text.charAt(pos) == '\'') {
      char p = Character.toUpperCase(text.charAt(wordStart));
      boolean backslashes = syntax.backslashEscapes() || (wordLength == 1 && p == 'E');
      boolean prefix =
          wordLength == 1
              ? "NEXBR".indexOf(p) >= 0
              : "RB".indexOf(p) >= 0
                  && "RB".indexOf(Character.toUpperCase(text.charAt(wordStart + 1))) >= 0;
      if (prefix) {
        pos = closed(endOfString(pos + 1, '\'', backslashes), Unterminated.STRING);
        return TokenType.STRING;
      }
    }
    return TokenType.WORD;
  }

  private TokenType dollar() {
    if (isDigit(peek(1))) {
      pos++;
      while (pos < length && isDigit(text.charAt(pos))) {
        pos++;
      }
      return TokenType.PARAMETER;
    }
    if (syntax.dollarQuotedStrings()) {
      int tagEnd = pos + 1;
      while (tagEnd < length && isWordPart(text.charAt(tagEnd)) && text.charAt(tagEnd) != '$') {
        tagEnd++;
      }
      if (tagEnd < length && text.charAt(tagEnd) == '$') {
        String tag = text.subSequence(pos, tagEnd + 1).toString();
        int close = indexOf(tag, tagEnd + 1);
        pos = close < 0 ? closed(-1, Unterminated.DOLLAR_QUOTE) : close + tag.length();
        return TokenType.STRING;
      }
    }
    pos++;
    return TokenType.SYMBOL;
  }

  private void number() {
    if (text.charAt(pos) == '0' && (peek(1) == 'x' || peek(1) == 'X')) {
      pos += 2;
      while (pos < length && Character.digit(text.charAt(pos), 16) >= 0) {
        pos++;
      }
      return;
    }
    while (pos < length && isDigit(text.charAt(pos))) {
      pos++;
    }
    if (pos < length && text.charAt(pos) == '.' && peek(1) != '.') {
      pos++;
      while (pos < length && isDigit(text.charAt(pos))) {
        pos++;
      }
    }
    if (pos < length && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
      int p = pos + 1;
      if (p < length && (text.charAt(p) == '+' || text.charAt(p) == '-')) {
        p++;
      }
      if (p < length && isDigit(text.charAt(p))) {
        pos = p;
        while (pos < length && isDigit(text.charAt(pos))) {
          pos++;
        }
      }
    }
  }

  private void symbol(char c) {
    pos++;
    if (pos < length) {
      char n = text.charAt(pos);
      boolean pair =
          switch (c) {
            case ':' -> n == ':' || n == '=';
            case '<' -> n == '=' || n == '>' || n == '<';
            case '>' -> n == '=' || n == '>';
            case '!' -> n == '=';
            case '|' -> n == '|';
            case '=' -> n == '>';
            case '-' -> n == '>';
            default -> false;
          };
      if (pair) {
        pos++;
        if (c == '-' && pos < length && text.charAt(pos) == '>') {
          pos++; // ->>
        }
      }
    }
  }

  /**
   * {@code end} when the construct starting at the current token closed; otherwise records what
   * never closed and returns the end of the text. {@code endOfString} returns {@code length + 1}
   * when the text ends before the closing quote.
   */
  private int closed(int end, Unterminated what) {
    if (end >= 0 && end <= length) {
      return end;
    }
    unterminated = what;
    unterminatedStart = start;
    return length;
  }

  /** Offset just after the closing quote, or {@code length + 1} when it never closes. */
  private int endOfString(int from, char close, boolean backslashes) {
    int i = from;
    while (i < length) {
      char ch = text.charAt(i);
      if (backslashes && ch == '\\') {
        i += 2;
      } else if (ch == close) {
        if (i + 1 < length && text.charAt(i + 1) == close) {
          i += 2; // doubled quote
        } else {
          return i + 1;
        }
      } else {
        i++;
      }
    }
    return length + 1;
  }

  private void skipBlanksAndComments() {
    while (pos < length) {
      char c = text.charAt(pos);
      if (Character.isWhitespace(c)) {
        pos++;
      } else if (c == '-' && peek(1) == '-') {
        skipLine();
      } else if (c == '#' && syntax.hashComments()) {
        skipLine();
      } else if (c == '/' && peek(1) == '*') {
        int close = indexOf("*/", pos + 2);
        if (close < 0) {
          unterminated = Unterminated.COMMENT;
          unterminatedStart = pos;
          pos = length;
        } else {
          pos = close + 2;
        }
      } else {
        return;
      }
    }
  }

  private void skipLine() {
    while (pos < length && text.charAt(pos) != '\n') {
      pos++;
    }
  }

  /** A name just before the current position makes {@code :x} a path ({@code v:field}). */
  private boolean afterName() {
    if (pos == 0) {
      return false;
    }
    char before = text.charAt(pos - 1);
    return isWordPart(before) || before == '"' || before == ']' || before == '`';
  }

  private int indexOf(String needle, int from) {
    int last = length - needle.length();
    outer:
    for (int i = from; i <= last; i++) {
      for (int j = 0; j < needle.length(); j++) {
        if (text.charAt(i + j) != needle.charAt(j)) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private char peek(int ahead) {
    int i = pos + ahead;
    return i < length ? text.charAt(i) : '\0';
  }

  private boolean isWordStart(char c) {
    return Character.isLetter(c) || c == '_' || (c == '#' && !syntax.hashComments());
  }

  private boolean isWordPart(char c) {
    return Character.isLetterOrDigit(c)
        || c == '_'
        || c == '$'
        || (c == '#' && !syntax.hashComments());
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
