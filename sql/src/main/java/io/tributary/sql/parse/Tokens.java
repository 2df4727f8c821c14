package io.tributary.sql.parse;

import io.tributary.sql.dialect.Dialect;
import java.util.Arrays;

/**
 * A statement's tokens, lexed once, for the restatements that look back and ahead. An index past
 * either end reads as {@link TokenType#END}.
 */
final class Tokens {

  private final String text;
  private TokenType[] types = new TokenType[32];
  private int[] starts = new int[32];
  private int[] ends = new int[32];
  private int size;

  Tokens(String text, Dialect dialect) {
    this.text = text;
    SqlLexer lexer = new SqlLexer(text, dialect);
    for (TokenType type = lexer.next(); type != TokenType.END; type = lexer.next()) {
      if (size == types.length) {
        types = Arrays.copyOf(types, size * 2);
        starts = Arrays.copyOf(starts, size * 2);
        ends = Arrays.copyOf(ends, size * 2);
      }
      types[size] = type;
      starts[size] = lexer.start();
      ends[size] = lexer.end();
      size++;
    }
  }

  String text() {
    return text;
  }

  int size() {
    return size;
  }

  TokenType type(int i) {
    return i >= 0 && i < size ? types[i] : TokenType.END;
  }

  /** Offset of token {@code i}; the text's length past the end. */
  int start(int i) {
    return i < 0 ? 0 : i < size ? starts[i] : text.length();
  }

  int end(int i) {
    return i < 0 ? 0 : i < size ? ends[i] : text.length();
  }

  String text(int i) {
    return i >= 0 && i < size ? text.substring(starts[i], ends[i]) : "";
  }

  /** Whether token {@code i} is this word, ignoring case. */
  boolean isWord(int i, String word) {
    return type(i) == TokenType.WORD
        && ends[i] - starts[i] == word.length()
        && text.regionMatches(true, starts[i], word, 0, word.length());
  }

  /** Whether token {@code i} is one of these words, ignoring case. */
  boolean isAnyWord(int i, String... words) {
    for (String word : words) {
      if (isWord(i, word)) {
        return true;
      }
    }
    return false;
  }

  boolean isSymbol(int i, String symbol) {
    return type(i) == TokenType.SYMBOL
        && ends[i] - starts[i] == symbol.length()
        && text.startsWith(symbol, starts[i]);
  }

  /** Whether token {@code i} touches the one before it, with no space in between. */
  boolean adjacent(int i) {
    return i > 0 && i < size && starts[i] == ends[i - 1];
  }

  /** The index of the parenthesis closing the one at {@code open}, or {@link #size()}. */
  int closing(int open) {
    int depth = 0;
    for (int i = open; i < size; i++) {
      if (isSymbol(i, "(")) {
        depth++;
      } else if (isSymbol(i, ")") && --depth == 0) {
        return i;
      }
    }
    return size;
  }

  /**
   * The first index from {@code from} at parenthesis depth 0 holding one of the words, or -1; the
   * search ends at the parenthesis that closes a group {@code from} is in.
   */
  int find(int from, String... words) {
    int depth = 0;
    for (int i = from; i < size; i++) {
      if (isSymbol(i, "(")) {
        depth++;
      } else if (isSymbol(i, ")")) {
        if (--depth < 0) {
          return -1;
        }
      } else if (depth == 0 && isAnyWord(i, words)) {
        return i;
      }
    }
    return -1;
  }
}
