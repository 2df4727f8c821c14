package io.tributary.sql.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Oracle's multitable insert, {@code INSERT ALL|FIRST [WHEN c THEN] INTO t [(cols)] [VALUES (..)]
 * .. [ELSE INTO ..] query}: one INSERT per INTO clause, {@code INSERT INTO t [(cols)] SELECT
 * values|* FROM (query) [WHERE c]}. The WHEN condition only filters rows: its columns are indirect.
 */
final class MultiTableInserts implements StatementExpander.Expansion {

  private static final String ROWS = "insert_rows";

  private record Into(String condition, String target, String columns, String values) {}

  @Override
  public Optional<List<ScriptStatement>> expand(ScriptStatement statement, Tokens t) {
    if (!t.isWord(0, "INSERT") || !t.isAnyWord(1, "ALL", "FIRST")) {
      return Optional.empty();
    }
    List<Into> intos = new ArrayList<>();
    String condition = null;
    int i = 2;
    while (true) {
      if (t.isWord(i, "WHEN")) {
        int then = t.find(i + 1, "THEN");
        if (then < 0) {
          return Optional.empty();
        }
        condition = StatementExpander.text(t, i + 1, then - 1);
        i = then + 1;
      } else if (t.isWord(i, "ELSE")) {
        condition = null;
        i++;
      } else if (t.isWord(i, "INTO")) {
        int name = StatementExpander.nameEnd(t, i + 1);
        String target = StatementExpander.text(t, i + 1, name);
        i = name + 1;
        String columns = "";
        if (t.isSymbol(i, "(")) {
          columns = StatementExpander.text(t, i, t.closing(i));
          i = t.closing(i) + 1;
        }
        String values = "*";
        if (t.isWord(i, "VALUES") && t.isSymbol(i + 1, "(")) {
          values = StatementExpander.text(t, i + 2, t.closing(i + 1) - 1);
          i = t.closing(i + 1) + 1;
        }
        intos.add(new Into(condition, target, columns, values));
      } else {
        break;
      }
    }
    if (intos.isEmpty() || i >= t.size()) {
      return Optional.empty();
    }
    String query = t.text().substring(t.start(i));
    List<ScriptStatement> out = new ArrayList<>();
    for (Into into : intos) {
      String sql =
          "INSERT INTO "
              + into.target()
              + (into.columns().isEmpty() ? "" : " " + into.columns())
              + " SELECT "
              + into.values()
              + " FROM ("
              + query
              + ") "
              + ROWS
              + (into.condition() == null ? "" : " WHERE " + into.condition());
      out.add(statement.withParseText(sql));
    }
    return Optional.of(out);
  }
}
