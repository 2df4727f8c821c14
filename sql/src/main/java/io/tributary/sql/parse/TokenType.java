package io.tributary.sql.parse;

/** The kinds of token {@link SqlLexer} tells apart. Whitespace and comments are skipped. */
public enum TokenType {
  /** An unquoted identifier or keyword. */
  WORD,
  /** A quoted identifier: {@code "x"}, {@code `x`}, {@code [x]}. */
  QUOTED,
  /** A string literal, with any prefix ({@code N'x'}, {@code E'x'}) or dollar quoting. */
  STRING,
  /** A numeric literal. */
  NUMBER,
  /** A bind parameter or variable: {@code ?}, {@code $1}, {@code :name}, {@code @var}. */
  PARAMETER,
  /** An operator or punctuation: {@code ,} {@code (} {@code ::} {@code <=}... */
  SYMBOL,
  /** The end of the text. */
  END
}
