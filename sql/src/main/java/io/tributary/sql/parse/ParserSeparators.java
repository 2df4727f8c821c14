package io.tributary.sql.parse;

/**
 * JSqlParser ends a statement at two blank lines, at a line holding only {@code /} and at a line
 * holding only {@code GO}, besides a semicolon. The splitter has already cut the script where
 * statements end, so inside one statement these are only layout (or a division, or a name): a blank
 * is put where the parser would see a separator, keeping every line and column where it was.
 */
final class ParserSeparators {

  private ParserSeparators() {}

  static String neutralize(String sql) {
    int length = sql.length();
    for (int i = sql.indexOf('\n'); i >= 0 && i + 1 < length; i = sql.indexOf('\n', i + 1)) {
      char next = sql.charAt(i + 1);
      boolean separator =
          switch (next) {
            case '\n' -> i + 2 < length && sql.charAt(i + 2) == '\n';
            case '/' -> i + 2 >= length || sql.charAt(i + 2) == '\n';
            case 'g', 'G' ->
                i + 2 < length
                    && (sql.charAt(i + 2) == 'o' || sql.charAt(i + 2) == 'O')
                    && (i + 3 >= length || sql.charAt(i + 3) == '\n');
            default -> false;
          };
      if (separator) {
        return rebuild(sql);
      }
    }
    return sql;
  }

  private static String rebuild(String sql) {
    int length = sql.length();
    StringBuilder out = new StringBuilder(length + 16);
    for (int i = 0; i < length; i++) {
      char c = sql.charAt(i);
      out.append(c);
      if (c != '\n' || i + 1 >= length) {
        continue;
      }
      char next = sql.charAt(i + 1);
      if (next == '\n') {
        out.append(' ');
      } else if (next == '/' && (i + 2 >= length || sql.charAt(i + 2) == '\n')) {
        out.append('/').append(' ');
        i++;
      } else if ((next == 'g' || next == 'G')
          && i + 2 < length
          && (sql.charAt(i + 2) == 'o' || sql.charAt(i + 2) == 'O')
          && (i + 3 >= length || sql.charAt(i + 3) == '\n')) {
        out.append(next).append(sql.charAt(i + 2)).append(' ');
        i += 2;
      }
    }
    return out.toString();
  }
}
