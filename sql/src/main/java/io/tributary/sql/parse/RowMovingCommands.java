package io.tributary.sql.parse;

import io.tributary.sql.model.Warning;
import io.tributary.sql.model.WarningKind;
import java.util.List;
import java.util.Optional;

/**
 * Commands that move rows into or out of a table, restated as the INSERT or SELECT with their
 * lineage:
 *
 * <ul>
 *   <li>T-SQL's {@code INSERT [INTO] t [(cols)] EXEC proc ..} writes t with rows whose sources the
 *       procedure hides: an INSERT with no source and a warning naming the procedure; {@code EXEC
 *       ('query')} is {@code INSERT INTO t query}.
 *   <li>PostgreSQL and Redshift's {@code COPY t [(cols)] FROM 'files'}, BigQuery's {@code LOAD DATA
 *       INTO|OVERWRITE t .. FROM FILES (..)}, MySQL's {@code LOAD DATA INFILE '..' INTO TABLE t}
 *       and Hive's {@code LOAD DATA INPATH '..' INTO TABLE t}: t is written from files, no table is
 *       read (a warning names the files). {@code COPY t TO ..} reads t; {@code COPY (query) TO ..}
 *       is its query.
 *   <li>BigQuery's {@code EXPORT DATA .. AS query} is its query (files are not tables).
 *   <li>BigQuery's {@code CREATE TABLE t COPY s} is {@code CREATE TABLE t CLONE s}.
 *   <li>Redshift's {@code ALTER TABLE t APPEND FROM s} moves the rows of s into t: {@code INSERT
 *       INTO t SELECT * FROM s}.
 * </ul>
 */
final class RowMovingCommands implements StatementExpander.Expansion {

  @Override
  public Optional<List<ScriptStatement>> expand(ScriptStatement statement, Tokens t) {
    ScriptStatement restated = null;
    if (t.isWord(0, "INSERT")) {
      restated = insertExec(statement, t);
    } else if (t.isWord(0, "COPY") && !t.isWord(1, "INTO")) {
      restated = copy(statement, t);
    } else if (t.isWord(0, "LOAD") && t.isWord(1, "DATA")) {
      restated = load(statement, t);
    } else if (t.isWord(0, "EXPORT") && t.isWord(1, "DATA")) {
      int as = t.find(2, "AS");
      if (as > 0) {
        restated = statement.withParseText(StatementExpander.blank(t.text(), 0, t.end(as)));
      }
    } else if (t.isWord(0, "CREATE") && t.find(1, "TABLE") > 0) {
      int copy = StatementExpander.nameEnd(t, t.find(1, "TABLE") + 1) + 1;
      if (t.isWord(copy, "COPY")) {
        // BigQuery: CREATE TABLE t COPY s copies s's rows and columns, as CLONE does
        restated =
            statement.withParseText(
                t.text().substring(0, t.start(copy)) + "CLONE" + t.text().substring(t.end(copy)));
      }
    } else if (t.isWord(0, "ALTER") && t.isWord(1, "TABLE")) {
      int name = StatementExpander.nameEnd(t, 2);
      if (t.isWord(name + 1, "APPEND") && t.isWord(name + 2, "FROM")) {
        int source = StatementExpander.nameEnd(t, name + 3);
        restated =
            statement.withParseText(
                "INSERT INTO "
                    + StatementExpander.text(t, 2, name)
                    + " SELECT * FROM "
                    + StatementExpander.text(t, name + 3, source));
      }
    }
    return Optional.ofNullable(restated).map(List::of);
  }

  private static ScriptStatement insertExec(ScriptStatement statement, Tokens t) {
    int name = t.isWord(1, "INTO") ? 2 : 1;
    int end = StatementExpander.nameEnd(t, name);
    int columnsEnd = t.isSymbol(end + 1, "(") ? t.closing(end + 1) : end;
    int exec = columnsEnd + 1;
    if (!t.isAnyWord(exec, "EXEC", "EXECUTE")) {
      return null;
    }
    String head = "INSERT INTO " + StatementExpander.text(t, name, columnsEnd);
    if (t.isSymbol(exec + 1, "(")
        && t.type(exec + 2) == TokenType.STRING
        && t.isSymbol(exec + 3, ")")) {
      return statement.withParseText(head + " " + unquoted(t.text(exec + 2)));
    }
    int procedure =
        t.type(exec + 1) == TokenType.PARAMETER && t.isSymbol(exec + 2, "=")
            ? exec + 3 // EXEC @status = proc
            : exec + 1;
    String called = StatementExpander.text(t, procedure, StatementExpander.nameEnd(t, procedure));
    return written(
        statement, head, "rows come from procedure " + called + ", whose reads are not known");
  }

  private static ScriptStatement copy(ScriptStatement statement, Tokens t) {
    if (t.isSymbol(1, "(")) {
      int close = t.closing(1);
      return t.isWord(close + 1, "TO")
          ? statement.withParseText(
              StatementExpander.blank(
                  StatementExpander.blank(t.text(), 0, t.end(1)),
                  t.start(close),
                  t.text().length()))
          : null;
    }
    int name = StatementExpander.nameEnd(t, 1);
    int columnsEnd = t.isSymbol(name + 1, "(") ? t.closing(name + 1) : name;
    String table = StatementExpander.text(t, 1, name);
    if (t.isWord(columnsEnd + 1, "TO")) {
      String columns =
          columnsEnd == name ? "*" : StatementExpander.text(t, name + 2, columnsEnd - 1);
      return statement.withParseText("SELECT " + columns + " FROM " + table);
    }
    if (!t.isWord(columnsEnd + 1, "FROM")) {
      return null;
    }
    String from = t.text(columnsEnd + 2);
    return written(
        statement,
        "INSERT INTO " + StatementExpander.text(t, 1, columnsEnd),
        "rows come from " + unquoted(from) + ", not from a table");
  }

  private static ScriptStatement load(ScriptStatement statement, Tokens t) {
    int name;
    int into = t.find(2, "INTO");
    if (t.isAnyWord(2, "INTO", "OVERWRITE") && !t.isWord(3, "TABLE")) {
      name = 3; // BigQuery: LOAD DATA INTO|OVERWRITE t
    } else if (into > 0 && t.isWord(into + 1, "TABLE")) {
      name = into + 2; // MySQL, Hive: .. INTO TABLE t
    } else {
      return null;
    }
    int end = StatementExpander.nameEnd(t, name);
    String files = "files";
    for (int i = 2; i < t.size(); i++) {
      if (t.type(i) == TokenType.STRING
          && (t.isAnyWord(i - 1, "INFILE", "INPATH")
              || t.isSymbol(i - 1, "[")
              || t.isSymbol(i - 1, ","))) {
        files = unquoted(t.text(i));
        break;
      }
    }
    return written(
        statement,
        "INSERT INTO " + StatementExpander.text(t, name, end),
        "rows come from " + files + ", not from a table");
  }

  /** An INSERT into the table with no source: {@code head} is {@code INSERT INTO t [(cols)]}. */
  private static ScriptStatement written(ScriptStatement statement, String head, String warning) {
    return statement
        .withParseText(head + " SELECT NULL")
        .withWarning(new Warning(WarningKind.ROWS_FROM_OUTSIDE, warning));
  }

  private static String unquoted(String literal) {
    if (literal.length() > 2 && (literal.charAt(0) == 'N' || literal.charAt(0) == 'n')) {
      literal = literal.substring(1); // T-SQL's N'..'
    }
    if (literal.length() >= 2 && literal.charAt(0) == '\'' && literal.endsWith("'")) {
      return literal.substring(1, literal.length() - 1).replace("''", "'");
    }
    return literal;
  }
}
