package io.tributary.sql.parse;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * T-SQL's {@code OUTPUT} clause of INSERT, UPDATE, DELETE and MERGE. Without INTO it returns rows
 * to the client and is dropped. With {@code INTO t [(cols)]} it writes t too: the statement is
 * followed by {@code INSERT INTO t [(cols)] SELECT items FROM target}, where {@code inserted.c} and
 * {@code deleted.c} are the target's column c (the rows written or removed are the target's rows).
 */
final class OutputClauses implements StatementExpander.Expansion {

  private static final Pattern ROW_PREFIX =
      Pattern.compile("(?i)(?<![\\w.])(inserted|deleted)\\s*\\.");

  /** Words that end the OUTPUT items when there is no INTO. */
  private static final String[] ITEMS_END = {
    "FROM", "WHERE", "SELECT", "VALUES", "DEFAULT", "OPTION", "EXEC", "EXECUTE", "WITH"
  };

  @Override
  public Optional<List<ScriptStatement>> expand(ScriptStatement statement, Tokens t) {
    if (!t.isAnyWord(0, "INSERT", "UPDATE", "DELETE", "MERGE")) {
      return Optional.empty();
    }
    int output = t.find(1, "OUTPUT");
    if (output < 0
        || t.isAnyWord(output - 1, "AS", "SELECT")
        || t.isSymbol(output - 1, ",")
        || t.isSymbol(output - 1, ".")
        || t.isWord(output + 1, "FROM")
        || t.isSymbol(output + 1, ",")
        || t.isSymbol(output + 1, "=")) {
      return Optional.empty(); // a column named output
    }
    int target = targetName(t);
    if (target < 0) {
      return Optional.empty();
    }
    int into = t.find(output + 1, "INTO");
    int itemsEnd = t.find(output + 1, ITEMS_END);
    String text = t.text();
    if (into > 0 && t.type(into + 1) == TokenType.PARAMETER) {
      // OUTPUT .. INTO @table_variable: a variable, not a table
      int end = t.isSymbol(into + 2, "(") ? t.closing(into + 2) + 1 : into + 2;
      return Optional.of(
          List.of(
              statement.withParseText(
                  StatementExpander.blank(text, t.start(output), t.start(end)))));
    }
    if (into < 0 || (itemsEnd > 0 && itemsEnd < into)) {
      int end = itemsEnd < 0 ? t.size() : itemsEnd;
      return Optional.of(
          List.of(
              statement.withParseText(
                  StatementExpander.blank(text, t.start(output), t.start(end)))));
    }
    int name = StatementExpander.nameEnd(t, into + 1);
    int clauseEnd = name;
    String columns = "";
    if (t.isSymbol(name + 1, "(")) {
      clauseEnd = t.closing(name + 1);
      columns = " " + StatementExpander.text(t, name + 1, clauseEnd);
    }
    String table = StatementExpander.text(t, target, StatementExpander.nameEnd(t, target));
    String items = StatementExpander.text(t, output + 1, into - 1);
    items =
        ROW_PREFIX.matcher(items).replaceAll(java.util.regex.Matcher.quoteReplacement(table + "."));
    items = items.replaceAll("(?i)\\$action", "NULL");
    String written =
        "INSERT INTO "
            + StatementExpander.text(t, into + 1, name)
            + columns
            + " SELECT "
            + items
            + " FROM "
            + table;
    ScriptStatement dml =
        statement.withParseText(StatementExpander.blank(text, t.start(output), t.end(clauseEnd)));
    return Optional.of(List.of(dml, statement.withParseText(written)));
  }

  /** The first token of the table the statement writes, or -1. */
  private static int targetName(Tokens t) {
    int i = 1;
    if (t.isWord(i, "TOP") && t.isSymbol(i + 1, "(")) {
      i = t.closing(i + 1) + 1;
    }
    if (t.isAnyWord(i, "INTO", "FROM")) {
      i++;
    }
    return t.type(i) == TokenType.WORD || t.type(i) == TokenType.QUOTED ? i : -1;
  }
}
