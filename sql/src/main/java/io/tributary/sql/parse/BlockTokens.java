package io.tributary.sql.parse;

import io.tributary.sql.dialect.Dialect;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The tokens of one piece of a script, with the searches {@link BlockWalker} makes over them: words
 * at parenthesis depth 0, the END of a block, the end of a T-SQL condition.
 */
final class BlockTokens {

  /** One token; {@code word} is the upper-cased text of a {@link TokenType#WORD}, else null. */
  record Tok(TokenType type, int start, int end, String word) {
    boolean is(String w) {
      return w.equals(word);
    }
  }

  private final String script;
  private final List<Tok> tokens;

  private BlockTokens(String script, List<Tok> tokens) {
    this.script = script;
    this.tokens = tokens;
  }

  /** The tokens of {@code script[from, to)}. */
  static BlockTokens of(String script, int from, int to, Dialect dialect) {
    SqlLexer lexer = new SqlLexer(script, from, to, dialect);
    List<Tok> t = new ArrayList<>();
    for (TokenType type = lexer.next(); type != TokenType.END; type = lexer.next()) {
      String word = type == TokenType.WORD ? lexer.text().toUpperCase(Locale.ROOT) : null;
      t.add(new Tok(type, lexer.start(), lexer.end(), word));
    }
    return new BlockTokens(script, t);
  }

  /** The tokens from {@code from} on. */
  BlockTokens from(int from) {
    return new BlockTokens(script, tokens.subList(from, tokens.size()));
  }

  int size() {
    return tokens.size();
  }

  Tok get(int i) {
    return tokens.get(i);
  }

  String script() {
    return script;
  }

  boolean is(int i, String word) {
    return i >= 0 && i < tokens.size() && tokens.get(i).is(word);
  }

  boolean isWord(int i) {
    return i >= 0 && i < tokens.size() && tokens.get(i).type() == TokenType.WORD;
  }

  boolean isSymbol(int i, String symbol) {
    if (i < 0 || i >= tokens.size()) {
      return false;
    }
    Tok k = tokens.get(i);
    return k.type() == TokenType.SYMBOL
        && script.startsWith(symbol, k.start())
        && k.end() - k.start() == symbol.length();
  }

  /** The text of token {@code i} as written. */
  String text(int i) {
    return script.substring(tokens.get(i).start(), tokens.get(i).end());
  }

  /** The first {@code word} at parenthesis depth 0 and outside CASE ... END, or -1. */
  int find(int from, String word) {
    return findAny(from, word, word);
  }

  int findAny(int from, String a, String b) {
    int depth = 0;
    int cases = 0;
    for (int j = from; j < tokens.size(); j++) {
      Tok k = tokens.get(j);
      if (isSymbol(j, "(")) {
        depth++;
      } else if (isSymbol(j, ")")) {
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

  /** The first of {@code words} at any depth, or -1. */
  int findAnyWord(int from, String... words) {
    for (int j = from; j < tokens.size(); j++) {
      for (String w : words) {
        if (tokens.get(j).is(w)) {
          return j;
        }
      }
    }
    return -1;
  }

  /** The token after the next {@code symbol}, or the end. */
  int skipPast(int i, String symbol) {
    for (int j = i + 1; j < tokens.size(); j++) {
      if (isSymbol(j, symbol)) {
        return j + 1;
      }
    }
    return tokens.size();
  }

  /** The parenthesis closing the one at {@code open}, or -1. */
  int closingParen(int open) {
    int depth = 0;
    for (int j = open; j < tokens.size(); j++) {
      if (isSymbol(j, "(")) {
        depth++;
      } else if (isSymbol(j, ")") && --depth == 0) {
        return j;
      }
    }
    return -1;
  }

  /** Whether the BEGIN at {@code i} opens a block (not a transaction, not a name). */
  boolean isBlock(int i) {
    if (i + 1 >= tokens.size()) {
      return false;
    }
    Tok next = tokens.get(i + 1);
    if (next.type() == TokenType.WORD) {
      if (next.is("NOT") && is(i + 2, "ATOMIC")) {
        return true; // MariaDB's BEGIN NOT ATOMIC ... END
      }
      return !ScriptSplitter.TRANSACTION_WORDS.contains(next.word())
          && !ScriptSplitter.NAME_FOLLOWERS.contains(next.word());
    }
    return !isSymbol(i + 1, ";") && !isSymbol(i + 1, ",");
  }

  /** The END closing the block that opens at {@code i}, or -1. */
  int matchingEnd(int i) {
    int depth = 0;
    for (int j = i; j < tokens.size(); j++) {
      Tok k = tokens.get(j);
      if (k.is("BEGIN") && isBlock(j)) {
        depth++;
      } else if (k.is("CASE")) {
        depth++;
      } else if (k.is("END")) {
        Tok next = j + 1 < tokens.size() ? tokens.get(j + 1) : null;
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

  /** Whether {@code END} followed by token {@code i} closes IF, LOOP, CASE...: not a block. */
  boolean closesConstruct(int i) {
    return isWord(i)
        && (ScriptSplitter.UNCOUNTED_ENDS.contains(tokens.get(i).word()) || is(i, "CASE"));
  }

  /** Where T-SQL's IF/WHILE condition from {@code from} ends: where its statement starts. */
  int tsqlBody(int from, java.util.Set<String> starters) {
    int depth = 0;
    for (int j = from; j < tokens.size(); j++) {
      Tok k = tokens.get(j);
      if (isSymbol(j, "(")) {
        depth++;
      } else if (isSymbol(j, ")")) {
        depth--;
      } else if (depth == 0 && k.type() == TokenType.WORD && starters.contains(k.word())) {
        return j;
      }
    }
    return tokens.size();
  }
}
