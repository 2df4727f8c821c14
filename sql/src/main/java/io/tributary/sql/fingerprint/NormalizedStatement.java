package io.tributary.sql.fingerprint;

import io.tributary.sql.dialect.Dialect;
import io.tributary.sql.parse.SqlLexer;
import io.tributary.sql.parse.TokenType;

/**
 * A statement's shape as one string, built in a single lexer pass without parsing: comments and
 * whitespace dropped, every literal and parameter replaced by {@code ?}, identifiers unquoted and
 * lower-cased, {@code IN (?, ?, ...)} collapsed to {@code in (?)}, a {@code VALUES} row that
 * repeats the previous one dropped, trailing semicolons dropped. Tokens are separated by one space,
 * except around dots, so {@code "a"."b"}, {@code a.b} and {@code a . b} read the same.
 */
public final class NormalizedStatement {

  private final String sql;
  private final StringBuilder out;
  private boolean pendingSemicolon;
  private boolean glue = true;

  // IN (literal, ...): 0 = nothing, 1 = after IN, 2 = expecting a literal, 3 = after a literal
  private int inList;
  private int inListMark;

  // VALUES rows: where the current row starts in `out`, its parenthesis depth, whether it holds
  // only literals, and the previous row's text
  private boolean inValues;
  private int rowMark = -1;
  private int rowDepth;
  private boolean rowLiteralsOnly;
  private String previousRow;

  private NormalizedStatement(String sql) {
    this.sql = sql;
    this.out = new StringBuilder(Math.min(sql.length(), 1 << 16));
  }

  /** The normalized text of {@code sql}, read with the dialect's quoting and comment rules. */
  public static String of(String sql, Dialect dialect) {
    NormalizedStatement n = new NormalizedStatement(sql);
    SqlLexer lexer = new SqlLexer(sql, dialect);
    for (TokenType t = lexer.next(); t != TokenType.END; t = lexer.next()) {
      n.accept(t, lexer.start(), lexer.end());
    }
    return n.out.toString();
  }

  private void accept(TokenType type, int start, int end) {
    boolean single = end - start == 1;
    char c = sql.charAt(start);
    if (type == TokenType.SYMBOL && single && c == ';') {
      pendingSemicolon = true;
      inValues = false;
      rowMark = -1;
      inList = 0;
      return;
    }
    if (pendingSemicolon) {
      pendingSemicolon = false;
      space();
      out.append(';');
    }
    switch (type) {
      case WORD -> word(start, end);
      case QUOTED -> quoted(start, end);
      case STRING, NUMBER, PARAMETER -> literal();
      default -> {
        if (single && c == '(') {
          open();
        } else if (single && c == ')') {
          close();
        } else if (single && c == '.') {
          out.append('.');
          glue = true;
          inList = 0;
        } else {
          if (!(single && c == ',')) {
            rowLiteralsOnly = false;
          }
          inList = single && c == ',' && inList == 3 ? 2 : 0;
          space();
          out.append(sql, start, end);
        }
      }
    }
  }

  private void word(int start, int end) {
    space();
    int at = out.length();
    for (int i = start; i < end; i++) {
      out.append(Character.toLowerCase(sql.charAt(i)));
    }
    int length = end - start;
    inList = length == 2 && out.charAt(at) == 'i' && out.charAt(at + 1) == 'n' ? 1 : 0;
    if (length == 6 && out.indexOf("values", at) == at) {
      inValues = true;
      previousRow = null;
    } else if (rowMark < 0) {
      inValues = false;
    }
    rowLiteralsOnly = false;
  }

  private void quoted(int start, int end) {
    space();
    int innerEnd = end - start >= 2 ? end - 1 : end;
    for (int i = start + 1; i < innerEnd; i++) {
      out.append(Character.toLowerCase(sql.charAt(i)));
    }
    inList = 0;
    rowLiteralsOnly = false;
  }

  private void literal() {
    space();
    out.append('?');
    inList = inList == 2 ? 3 : 0;
  }

  private void open() {
    int before = out.length();
    space();
    out.append('(');
    if (inList == 1) {
      inList = 2;
      inListMark = out.length();
    } else {
      inList = 0;
    }
    if (inValues && rowMark < 0) {
      rowMark = before;
      rowDepth = 1;
      rowLiteralsOnly = true;
    } else if (rowMark >= 0) {
      rowDepth++;
    }
  }

  private void close() {
    if (inList == 3) {
      out.setLength(inListMark);
      out.append('?');
    } else {
      space();
    }
    out.append(')');
    inList = 0;
    if (rowMark >= 0 && --rowDepth == 0) {
      endRow();
    }
  }

  /** Drops a VALUES row of literals that repeats the previous row, with the comma before it. */
  private void endRow() {
    String row = out.substring(rowMark);
    if (rowLiteralsOnly && row.equals(previousRow) && out.charAt(rowMark - 1) == ',') {
      int cut = rowMark - 1;
      out.setLength(cut > 0 && out.charAt(cut - 1) == ' ' ? cut - 1 : cut);
    } else {
      previousRow = rowLiteralsOnly ? row : null;
    }
    rowMark = -1;
  }

  private void space() {
    if (glue || out.isEmpty()) {
      glue = false;
      return;
    }
    out.append(' ');
  }
}
