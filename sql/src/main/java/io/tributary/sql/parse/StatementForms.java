package io.tributary.sql.parse;

import io.tributary.sql.dialect.Dialect;
import java.util.regex.Pattern;

/**
 * Statement forms of one dialect restated as the standard form with the same lineage:
 *
 * <ul>
 *   <li>Hive/Spark {@code INSERT OVERWRITE t} without TABLE gets it, and so does Snowflake's {@code
 *       INSERT OVERWRITE INTO t}; {@code INSERT OVERWRITE [LOCAL] DIRECTORY '..' [options] query}
 *       is its query (it writes files, not a table); {@code CACHE [LAZY] TABLE c [OPTIONS (..)]
 *       [AS] query} is {@code CREATE VIEW c AS query}.
 *   <li>{@code CREATE TABLE t [(..)] SELECT ..} (Spark, MySQL) gets its AS; PostgreSQL and
 *       Redshift's {@code CREATE TABLE t2 (LIKE t1)} is {@code CREATE TABLE t2 AS SELECT * FROM
 *       t1}; {@code SELECT .. INTO TEMP [TABLE] t} loses TEMP and TABLE.
 *   <li>Snowflake's {@code CREATE TABLE t2 CLONE t1 [AT | BEFORE (..)]} and {@code CREATE TABLE t2
 *       LIKE t1} are {@code CREATE TABLE t2 AS SELECT * FROM t1} (the columns are copied one to
 *       one); {@code COPY INTO @stage FROM (query)} is its query; {@code COPY INTO t FROM (SELECT
 *       $1:a .. FROM @stage)} is an INSERT into t of a query without a table.
 *   <li>Redshift's {@code UNLOAD ('query') TO ..} is the quoted query; {@code #name} temporary
 *       tables are quoted names.
 *   <li>BigQuery's array subscripts {@code [OFFSET(i)]}, {@code [SAFE_OFFSET(i)]}, {@code
 *       [ORDINAL(i)]}, {@code [SAFE_ORDINAL(i)]} are {@code [i]}; partition decorators ({@code
 *       t$20240101}, {@code t$__UNPARTITIONED__}) are dropped from table names, and so is {@code
 *       UNNEST(..) x WITH OFFSET [AS] pos}'s position column (it reads no column).
 *   <li>MERGE's {@code UPDATE SET *}, {@code INSERT *} and {@code INSERT ROW}: see {@link
 *       MergeStars}.
 *   <li>T-SQL's {@code MERGE t USING ..} gets its INTO; {@code TOP (n) [PERCENT]} of INSERT,
 *       UPDATE, DELETE and MERGE is dropped (it limits rows, not columns); {@code DELETE FROM t
 *       FROM t AS a JOIN ..} loses its first FROM; in {@code SELECT @v = e FROM ..} the variables
 *       are dropped (the statement reads e).
 *   <li>Oracle's database links are dropped from table names ({@code hr.employees@remote} is {@code
 *       hr.employees}), as T-SQL's server part is.
 *   <li>Redshift's PartiQL {@code FROM t c, c.arr AS o AT i}: the position {@code AT i} is dropped.
 * </ul>
 */
final class StatementForms implements Restatement {

  private static final Pattern DECORATOR = Pattern.compile("\\$(\\d+|__[A-Z_]+__)(?=`?$)");

  @Override
  public void edit(Tokens tokens, Dialect dialect, TextEdits edits) {
    if (tokens.isWord(0, "INSERT") && tokens.isWord(1, "OVERWRITE")) {
      insertOverwrite(tokens, edits);
    } else if (tokens.isWord(0, "CREATE")) {
      create(tokens, edits);
    } else if (tokens.isWord(0, "MERGE")) {
      if (!tokens.isWord(1, "INTO")) {
        edits.insert(tokens.start(1), "INTO "); // T-SQL and BigQuery leave INTO out
      }
      MergeStars.edit(tokens, edits);
    } else if (tokens.isAnyWord(0, "SELECT", "WITH")) {
      selectInto(tokens, edits);
    } else if (tokens.isWord(0, "CACHE")) {
      cache(tokens, edits);
    } else if (tokens.isWord(0, "UNLOAD") && tokens.isSymbol(1, "(")) {
      unload(tokens, edits);
    } else if (tokens.isWord(0, "COPY") && tokens.isWord(1, "INTO")) {
      copy(tokens, edits);
    }
    switch (dialect.name()) {
      case "bigquery" -> bigQueryNames(tokens, edits);
      case "redshift" -> {
        temporaryNames(tokens, dialect, edits);
        partiqlPositions(tokens, edits);
      }
      case "tsql" -> tsqlForms(tokens, edits);
      case "oracle" -> {
        databaseLinks(tokens, edits);
        partitionsAndFlashback(tokens, edits);
      }
      case "mysql", "mariadb" -> partitionsAndFlashback(tokens, edits);
      default -> {}
    }
  }

  private static void insertOverwrite(Tokens tokens, TextEdits edits) {
    int at = 2;
    if (tokens.isWord(at, "LOCAL")) {
      at++;
    }
    if (tokens.isWord(at, "DIRECTORY")) {
      int query = tokens.find(at + 1, "SELECT", "WITH", "FROM", "VALUES");
      if (query > 0) {
        edits.blank(tokens.start(0), tokens.end(query - 1));
      }
    } else if (tokens.isWord(2, "INTO")) {
      edits.replace(tokens.start(2), tokens.end(2), "TABLE"); // Snowflake: INSERT OVERWRITE INTO t
    } else if (!tokens.isWord(2, "TABLE")) {
      edits.insert(tokens.start(2), "TABLE ");
    }
  }

  private static void create(Tokens tokens, TextEdits edits) {
    int table = tokens.find(1, "TABLE");
    if (table < 0) {
      return;
    }
    int clone = tokens.find(table + 1, "CLONE", "LIKE");
    int query = tokens.find(table + 1, "AS", "SELECT");
    if (tokens.isWord(query + 1, "OF")) {
      query = -1; // CLONE s FOR SYSTEM_TIME AS OF ..
    }
    if (clone > 0 && query < 0) {
      edits.replace(tokens.start(clone), tokens.end(clone), "AS SELECT * FROM");
      int at = clone + 2;
      while (tokens.isSymbol(at, ".")) {
        at += 2;
      }
      if (tokens.isAnyWord(at, "AT", "BEFORE") && tokens.isSymbol(at + 1, "(")) {
        edits.blank(tokens.start(at), tokens.end(tokens.closing(at + 1)));
      } else if (tokens.isWord(at, "FOR") && tokens.isWord(at + 1, "SYSTEM_TIME")) {
        edits.blank(tokens.start(at), tokens.text().length()); // BigQuery: as of a time
      }
      return;
    }
    if (clone > 0
        && tokens.isWord(clone, "LIKE")
        && tokens.isWord(tokens.find(clone + 1, "AS"), "AS")) {
      // BigQuery: CREATE TABLE t LIKE s AS SELECT ..: the query gives the rows
      int end = clone + 1;
      while (tokens.isSymbol(end + 1, ".")) {
        end += 2;
      }
      edits.blank(tokens.start(clone), tokens.end(end));
      return;
    }
    int name = table + 1;
    while (tokens.isSymbol(name + 1, ".")) {
      name += 2;
    }
    if (tokens.isSymbol(name + 1, "(") && tokens.isWord(name + 2, "LIKE")) {
      // PostgreSQL, Redshift: CREATE TABLE t (LIKE s [INCLUDING ..]) copies the columns of s
      int like = name + 3;
      int end = like;
      while (tokens.isSymbol(end + 1, ".")) {
        end += 2;
      }
      int close = tokens.closing(name + 1);
      String copied = tokens.text().substring(tokens.start(like), tokens.end(end));
      edits.replace(tokens.start(name + 1), tokens.end(close), "AS SELECT * FROM " + copied);
      return;
    }
    int select = tokens.find(table + 1, "SELECT", "AS");
    if (tokens.isWord(select, "SELECT")) {
      edits.insert(tokens.start(select), "AS ");
    }
  }

  /** PostgreSQL, Redshift: {@code SELECT .. INTO [TEMP | TEMPORARY | UNLOGGED] [TABLE] t}. */
  private static void selectInto(Tokens tokens, TextEdits edits) {
    int into = tokens.find(1, "INTO");
    if (into < 0) {
      return;
    }
    for (int i = into + 1; tokens.isAnyWord(i, "TEMP", "TEMPORARY", "UNLOGGED", "TABLE"); i++) {
      if (tokens.isSymbol(i + 1, ".") || tokens.isAnyWord(i + 1, "FROM", "WHERE")) {
        return; // a table named like one of these words
      }
      edits.blank(tokens.start(i), tokens.end(i));
    }
  }

  private static void cache(Tokens tokens, TextEdits edits) {
    int table = tokens.isWord(1, "LAZY") ? 2 : 1;
    int query = tokens.find(table + 1, "AS", "SELECT", "WITH");
    if (!tokens.isWord(table, "TABLE") || query < 0) {
      return;
    }
    edits.replace(tokens.start(0), tokens.end(table), "CREATE VIEW");
    int options = tokens.find(table + 1, "OPTIONS");
    if (options > 0 && options < query) {
      edits.blank(tokens.start(options), tokens.end(query - 1));
    }
    if (!tokens.isWord(query, "AS")) {
      edits.insert(tokens.start(query), "AS ");
    }
  }

  private static void unload(Tokens tokens, TextEdits edits) {
    if (tokens.type(2) != TokenType.STRING || !tokens.isSymbol(3, ")")) {
      return;
    }
    String quoted = tokens.text(2);
    String query = quoted.substring(1, quoted.length() - 1).replace("''", "'").replace("\\'", "'");
    edits.replace(0, tokens.text().length(), query);
  }

  private static void copy(Tokens tokens, TextEdits edits) {
    int from = tokens.find(3, "FROM");
    if (from < 0 || !tokens.isSymbol(from + 1, "(")) {
      return;
    }
    int close = tokens.closing(from + 1);
    if (tokens.text(2).startsWith("@")) {
      // unloads to a stage: the statement reads what its query reads
      edits.blank(tokens.start(0), tokens.end(from + 1));
      edits.blank(tokens.start(close), tokens.text().length());
      return;
    }
    // loads a table from staged files: a query without a table, written into the table
    edits.replace(tokens.start(0), tokens.end(1), "INSERT INTO");
    edits.blank(tokens.start(from), tokens.end(from + 1));
    int files = tokens.find(from + 3, "FROM");
    edits.blank(tokens.start(files < 0 || files > close ? close : files), tokens.text().length());
  }

  private static void bigQueryNames(Tokens tokens, TextEdits edits) {
    for (int i = 0; i < tokens.size(); i++) {
      if (tokens.isWord(i, "WITH")
          && tokens.isWord(i + 1, "OFFSET")
          && (tokens.type(i - 1) == TokenType.WORD || tokens.isSymbol(i - 1, ")"))) {
        // UNNEST(arr) x WITH OFFSET [AS] pos: the position column reads nothing
        int end = i + 2;
        if (tokens.isWord(end, "AS")) {
          end++;
        }
        if (tokens.type(end) == TokenType.WORD && !tokens.isAnyWord(end, "WHERE", "ON", "JOIN")) {
          end++;
        }
        edits.blank(tokens.start(i), tokens.end(end - 1));
      } else if (tokens.isSymbol(i, "[")
          && tokens.isAnyWord(i + 1, "OFFSET", "SAFE_OFFSET", "ORDINAL", "SAFE_ORDINAL")
          && tokens.isSymbol(i + 2, "(")) {
        int close = tokens.closing(i + 2);
        edits.blank(tokens.start(i + 1), tokens.end(i + 2));
        edits.blank(tokens.start(close), tokens.end(close));
      } else if (tokens.type(i) == TokenType.WORD || tokens.type(i) == TokenType.QUOTED) {
        String text = tokens.text(i);
        var decorator = DECORATOR.matcher(text);
        if (text.indexOf('$') > 0 && decorator.find()) {
          edits.replace(tokens.start(i) + decorator.start(), tokens.start(i) + decorator.end(), "");
        }
      }
    }
  }

  private static void tsqlForms(Tokens tokens, TextEdits edits) {
    if (tokens.isAnyWord(0, "INSERT", "UPDATE", "DELETE", "MERGE")
        && tokens.isWord(1, "TOP")
        && tokens.isSymbol(2, "(")) {
      int end = tokens.closing(2);
      if (tokens.isWord(end + 1, "PERCENT")) {
        end++;
      }
      edits.blank(tokens.start(1), tokens.end(end));
    }
    if (tokens.isWord(0, "MERGE")) {
      int name = tokens.isWord(1, "INTO") ? 2 : 1;
      while (tokens.isSymbol(name + 1, ".")) {
        name += 2;
      }
      if (tokens.isWord(name + 1, "WITH") && tokens.isSymbol(name + 2, "(")) {
        edits.blank(tokens.start(name + 1), tokens.end(tokens.closing(name + 2))); // HOLDLOCK..
      }
    }
    if (tokens.isWord(0, "DELETE")) {
      int first = tokens.isWord(1, "TOP") ? tokens.closing(2) + 1 : 1;
      if (tokens.isWord(first, "FROM") && tokens.find(first + 1, "FROM") > 0) {
        edits.blank(tokens.start(first), tokens.end(first)); // DELETE FROM t FROM t AS a JOIN ..
      }
    }
    if (tokens.isWord(0, "SELECT")) {
      int from = tokens.find(1, "FROM", "INTO", "WHERE");
      int end = from < 0 ? tokens.size() : from;
      for (int i = 1; i < end; i++) {
        if (tokens.type(i) == TokenType.PARAMETER
            && tokens.isSymbol(i + 1, "=")
            && (i == 1 || tokens.isSymbol(i - 1, ","))) {
          edits.blank(tokens.start(i), tokens.end(i + 1)); // SELECT @v = e: reads e
        }
      }
    }
  }

  /** Oracle: {@code schema.table@link[.domain..]} is the table; the link names a database. */
  private static void databaseLinks(Tokens tokens, TextEdits edits) {
    for (int i = 1; i < tokens.size(); i++) {
      if (tokens.isSymbol(i, "@")
          && tokens.adjacent(i)
          && (tokens.type(i - 1) == TokenType.WORD || tokens.type(i - 1) == TokenType.QUOTED)
          && tokens.type(i + 1) == TokenType.WORD) {
        int end = i + 1;
        while (tokens.isSymbol(end + 1, ".") && tokens.type(end + 2) == TokenType.WORD) {
          end += 2;
        }
        edits.blank(tokens.start(i), tokens.end(end));
        i = end;
      }
    }
  }

  /**
   * Oracle and MySQL: {@code FROM t PARTITION (p)}, {@code SUBPARTITION (p)}, {@code PARTITION FOR
   * (..)} read table t; Oracle's flashback {@code AS OF TIMESTAMP | SCN expr} reads it as it was.
   */
  private static void partitionsAndFlashback(Tokens tokens, TextEdits edits) {
    for (int i = 2; i < tokens.size(); i++) {
      boolean afterName =
          tokens.type(i - 1) == TokenType.WORD || tokens.type(i - 1) == TokenType.QUOTED;
      if (afterName && tokens.isAnyWord(i, "PARTITION", "SUBPARTITION")) {
        int open = tokens.isWord(i + 1, "FOR") ? i + 2 : i + 1;
        if (tokens.isSymbol(open, "(") && !tokens.isAnyWord(i - 1, "BY", "OVER")) {
          edits.blank(tokens.start(i), tokens.end(tokens.closing(open)));
        }
      } else if (afterName
          && tokens.isWord(i, "AS")
          && tokens.isWord(i + 1, "OF")
          && tokens.isAnyWord(i + 2, "TIMESTAMP", "SCN")) {
        int end = i + 3;
        if (tokens.type(end) == TokenType.WORD && tokens.isSymbol(end + 1, "(")) {
          end++; // TO_TIMESTAMP(..)
        }
        end = tokens.isSymbol(end, "(") ? tokens.closing(end) : end;
        edits.blank(tokens.start(i), tokens.end(end));
      }
    }
  }

  /** Redshift PartiQL: {@code FROM t c, c.arr AS o AT i}, the position variable reads nothing. */
  private static void partiqlPositions(Tokens tokens, TextEdits edits) {
    for (int i = 2; i < tokens.size(); i++) {
      if (tokens.isWord(i, "AT")
          && tokens.type(i + 1) == TokenType.WORD
          && tokens.type(i - 1) == TokenType.WORD
          && !tokens.isSymbol(i + 2, "(")
          && !tokens.isWord(i + 1, "TIME")) {
        edits.blank(tokens.start(i), tokens.end(i + 1));
      }
    }
  }

  private static void temporaryNames(Tokens tokens, Dialect dialect, TextEdits edits) {
    for (int i = 0; i < tokens.size(); i++) {
      if (tokens.type(i) == TokenType.WORD && tokens.text().charAt(tokens.start(i)) == '#') {
        edits.replace(tokens.start(i), tokens.end(i), Restatement.quoted(tokens.text(i), dialect));
      }
    }
  }
}
