package io.tributary.sql.parse;

import io.tributary.sql.dialect.Dialect;
import io.tributary.sql.dialect.TableNameQualifier;
import io.tributary.sql.model.AnalysisError;
import io.tributary.sql.model.DeclaredColumn;
import io.tributary.sql.model.ErrorKind;
import io.tributary.sql.model.StatementKind;
import io.tributary.sql.model.TableChange;
import io.tributary.sql.model.TableName;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads DDL statements on tables from their tokens, before parsing (JSqlParser reads few of the
 * dialects' forms): CREATE TABLE with a column list, CREATE TABLE LIKE / CLONE / COPY, ALTER TABLE
 * (ADD, DROP, RENAME COLUMN, RENAME TO, SWAP WITH; other actions change nothing lineage sees),
 * RENAME TABLE, T-SQL's {@code sp_rename}, DROP TABLE / VIEW and TRUNCATE.
 *
 * <p>A statement that starts like one of these but cannot be read (no table name, {@code RENAME TO}
 * without a name: usually a cut text) is malformed, never passed on as a statement without lineage.
 * A CREATE TABLE that is not a column list or a copy (it has a query) is not DDL here: the parser
 * reads it.
 *
 * <p>An unqualified new name in a rename stays in the renamed table's schema and database, as in
 * PostgreSQL, Redshift, BigQuery, Spark and T-SQL.
 */
public final class DdlRecognizer {

  /** What a statement is to this recognizer. */
  public sealed interface Recognition {
    /** A DDL statement on tables, read whole. */
    record Ddl(DdlStatement statement) implements Recognition {}

    /** It starts as a DDL statement on tables but does not go on as one. */
    record Malformed(AnalysisError error) implements Recognition {}

    /** Not a DDL statement on tables. */
    record NotDdl() implements Recognition {}
  }

  private static final Recognition NOT_DDL = new Recognition.NotDdl();

  /** Words between CREATE and TABLE that make the table temporary. */
  private static final Set<String> TEMPORARY_WORDS = Set.of("TEMP", "TEMPORARY", "VOLATILE");

  /** Words that start a table constraint in a column list, not a column. */
  private static final Set<String> CONSTRAINT_WORDS =
      Set.of(
          "CONSTRAINT",
          "PRIMARY",
          "UNIQUE",
          "FOREIGN",
          "CHECK",
          "KEY",
          "INDEX",
          "EXCLUDE",
          "PERIOD",
          "FULLTEXT",
          "SPATIAL",
          "LIKE");

  /** Words that end a column's type and start its constraints or options. */
  private static final Set<String> TYPE_END_WORDS =
      Set.of(
          "NOT",
          "NULL",
          "DEFAULT",
          "PRIMARY",
          "REFERENCES",
          "UNIQUE",
          "CHECK",
          "CONSTRAINT",
          "COLLATE",
          "GENERATED",
          "IDENTITY",
          "AUTO_INCREMENT",
          "AUTOINCREMENT",
          "COMMENT",
          "ENCODE",
          "DISTKEY",
          "SORTKEY",
          "OPTIONS",
          "WITH",
          "AS",
          "MASKING",
          "TAG",
          "COMPRESS",
          "FORMAT",
          "TITLE",
          "FIRST",
          "AFTER",
          "CASCADE",
          "RESTRICT");

  /** Words after ALTER TABLE t ADD / DROP that name something other than a column. */
  private static final Set<String> NOT_COLUMN_WORDS =
      Set.of(
          "CONSTRAINT",
          "PRIMARY",
          "UNIQUE",
          "FOREIGN",
          "CHECK",
          "KEY",
          "INDEX",
          "PARTITION",
          "PARTITIONS",
          "ROW",
          "SEARCH",
          "CLUSTERING",
          "PERIOD",
          "FULLTEXT",
          "SPATIAL",
          "DEFAULT",
          "IF");

  /** Words that may come between CREATE and TABLE. */
  private static final Set<String> TABLE_MODIFIERS =
      Set.of(
          "OR",
          "REPLACE",
          "GLOBAL",
          "LOCAL",
          "TEMP",
          "TEMPORARY",
          "VOLATILE",
          "TRANSIENT",
          "MULTISET",
          "SET",
          "UNLOGGED",
          "EXTERNAL",
          "SNAPSHOT");

  /** ALTER TABLE actions that are not a column continuing an ADD or DROP list. */
  private static final Set<String> ACTION_WORDS =
      Set.of(
          "ADD",
          "ALTER",
          "ATTACH",
          "CHANGE",
          "CLUSTER",
          "DETACH",
          "DISABLE",
          "DROP",
          "ENABLE",
          "FORCE",
          "INHERIT",
          "MODIFY",
          "NO",
          "OWNER",
          "RECLUSTER",
          "RENAME",
          "REPLICA",
          "RESET",
          "RESUME",
          "SET",
          "SUSPEND",
          "SWAP",
          "UNSET",
          "VALIDATE",
          "WITH");

  /** Words that bring a query into a CREATE TABLE: the parser reads those. */
  private static final Set<String> QUERY_WORDS = Set.of("AS", "SELECT", "VALUES", "FROM");

  private final Dialect dialect;

  public DdlRecognizer(Dialect dialect) {
    this.dialect = dialect;
  }

  /** Reads the statement; names are qualified with the session's defaults by {@code names}. */
  public Recognition recognize(String sql, TableNameQualifier names) {
    SqlLexer first = new SqlLexer(sql, dialect);
    if (first.next() != TokenType.WORD || !LEADING_WORDS.contains(upper(first.text()))) {
      return NOT_DDL; // most statements: decided on the first word, without lexing the rest
    }
    Tokens tokens = new Tokens(sql, dialect);
    Reader reader = new Reader(tokens, names);
    try {
      return reader.statement();
    } catch (MalformedDdl e) {
      return new Recognition.Malformed(AnalysisError.of(ErrorKind.PARSE_ERROR, e.getMessage()));
    }
  }

  /**
   * Whether a statement that creates a table or view makes it temporary by its syntax: {@code
   * CREATE [GLOBAL | LOCAL] TEMP | TEMPORARY | VOLATILE ..}, {@code SELECT .. INTO TEMP t}, Spark's
   * {@code CACHE TABLE}.
   */
  public boolean createsTemporary(String sql) {
    Tokens tokens = new Tokens(sql, dialect);
    if (tokens.isWord(0, "CACHE")) {
      return true;
    }
    if (tokens.isWord(0, "CREATE")) {
      for (int i = 1; i < tokens.size() && !tokens.isAnyWord(i, "TABLE", "VIEW"); i++) {
        if (tokens.type(i) == TokenType.WORD && TEMPORARY_WORDS.contains(upper(tokens, i))) {
          return true;
        }
      }
      return false;
    }
    int into = tokens.find(1, "INTO");
    return tokens.isAnyWord(0, "SELECT", "WITH")
        && into > 0
        && tokens.isAnyWord(into + 1, "TEMP", "TEMPORARY")
        && !tokens.isSymbol(into + 2, ".");
  }

  private static String upper(Tokens tokens, int i) {
    return upper(tokens.text(i));
  }

  private static String upper(String word) {
    return word.toUpperCase(Locale.ROOT);
  }

  /** First words of the statements read here ({@code sp_rename} may come without EXEC). */
  private static final Set<String> LEADING_WORDS =
      Set.of("CREATE", "ALTER", "DROP", "TRUNCATE", "RENAME", "EXEC", "EXECUTE", "SP_RENAME");

  /** A statement that starts as DDL on tables and stops making sense. */
  private static final class MalformedDdl extends RuntimeException {
    MalformedDdl(String message) {
      super(message, null, false, false);
    }
  }

  private final class Reader {
    private final Tokens tokens;
    private final TableNameQualifier names;
    private int at;

    Reader(Tokens tokens, TableNameQualifier names) {
      this.tokens = tokens;
      this.names = names;
    }

    Recognition statement() {
      if (tokens.isWord(0, "CREATE")) {
        return create();
      }
      if (tokens.isWord(0, "ALTER") && tokens.isWord(1, "TABLE")) {
        at = 2;
        return alter();
      }
      if (tokens.isWord(0, "DROP")) {
        return drop();
      }
      if (tokens.isWord(0, "TRUNCATE")) {
        return truncate();
      }
      if (tokens.isWord(0, "RENAME") && tokens.isWord(1, "TABLE")) {
        at = 2;
        return renameTables();
      }
      at = tokens.isAnyWord(0, "EXEC", "EXECUTE") ? 1 : 0;
      if (isSpRename()) {
        return spRename();
      }
      return NOT_DDL;
    }

    // CREATE [OR REPLACE] [GLOBAL | LOCAL] [TEMP ..] [MULTISET ..] TABLE [IF NOT EXISTS] t ..

    private Recognition create() {
      boolean temporary = false;
      at = 1;
      while (tokens.type(at) == TokenType.WORD && TABLE_MODIFIERS.contains(upper(tokens, at))) {
        temporary |= TEMPORARY_WORDS.contains(upper(tokens, at));
        at++;
      }
      if (!tokens.isWord(at, "TABLE")) {
        return NOT_DDL;
      }
      at++;
      skipIfExists("NOT");
      if (tokens.find(at, "SELECT") >= 0) {
        return NOT_DDL;
      }
      TableName table = tableName("CREATE TABLE");
      if (tokens.isAnyWord(at, "LIKE", "CLONE", "COPY")) {
        boolean withRows = !tokens.isWord(at, "LIKE");
        at++;
        TableName template = tableName(upper(tokens, at - 1));
        return copy(table, template, withRows, temporary);
      }
      if (tokens.isSymbol(at, "(") && tokens.isWord(at + 1, "LIKE")) {
        at += 2; // PostgreSQL, Redshift: CREATE TABLE t (LIKE s [INCLUDING ..])
        return copy(table, tableName("LIKE"), false, temporary);
      }
      // Teradata puts options between the name and the column list: t, NO LOG, FALLBACK (..)
      while (tokens.isSymbol(at, ",") || (tokens.type(at) == TokenType.WORD && !queryWord(at))) {
        at++;
      }
      if (!tokens.isSymbol(at, "(")) {
        // no column list: CREATE TABLE t, Spark's CREATE TABLE t USING delta LOCATION '..'
        for (int i = at; i < tokens.size(); i++) {
          if (queryWord(i) && !(tokens.isWord(i, "AS") && tokens.isWord(i - 1, "STORED"))) {
            return NOT_DDL;
          }
        }
        return ddl(
            StatementKind.CREATE_TABLE,
            table,
            List.of(),
            List.of(new TableChange.Created(table, List.of(), temporary)));
      }
      int close = tokens.closing(at);
      Optional<List<DeclaredColumn>> columns = columnList(at + 1, close);
      if (columns.isEmpty() || close >= tokens.size()) {
        return NOT_DDL;
      }
      for (int i = close + 1; i < tokens.size(); i++) {
        if (queryWord(i) && !(tokens.isWord(i, "AS") && tokens.isWord(i - 1, "STORED"))) {
          return NOT_DDL; // CREATE TABLE t (a, b) AS SELECT ..: the parser reads it
        }
        if (tokens.isSymbol(i, "(")) {
          i = tokens.closing(i);
        }
      }
      return ddl(
          StatementKind.CREATE_TABLE,
          table,
          List.of(),
          List.of(new TableChange.Created(table, columns.get(), temporary)));
    }

    private boolean queryWord(int i) {
      return tokens.type(i) == TokenType.WORD && QUERY_WORDS.contains(upper(tokens, i));
    }

    private Recognition copy(
        TableName table, TableName template, boolean withRows, boolean temporary) {
      if (tokens.find(at, "SELECT") >= 0) {
        return NOT_DDL;
      }
      // LIKE reads the template's definition, not its rows: no source, no lineage edge
      return ddl(
          withRows ? StatementKind.CREATE_TABLE_CLONE : StatementKind.CREATE_TABLE_LIKE,
          table,
          withRows ? List.of(template) : List.of(),
          List.of(new TableChange.CreatedFrom(table, template, withRows, temporary)));
    }

    /** The columns of {@code (a int, b varchar(10) NOT NULL, PRIMARY KEY (a))}; empty if not. */
    private Optional<List<DeclaredColumn>> columnList(int from, int close) {
      List<DeclaredColumn> columns = new ArrayList<>();
      int entry = from;
      while (entry < close) {
        int end = entryEnd(entry, close);
        if (tokens.type(entry) != TokenType.WORD && tokens.type(entry) != TokenType.QUOTED) {
          return Optional.empty();
        }
        if (tokens.type(entry) == TokenType.QUOTED
            || !CONSTRAINT_WORDS.contains(upper(tokens, entry))) {
          columns.add(column(entry, end));
        }
        entry = end + 1;
      }
      return columns.isEmpty() ? Optional.empty() : Optional.of(columns);
    }

    /**
     * The index of the comma or parenthesis ending the entry starting at {@code from}; commas in
     * parentheses and in a type's angle brackets ({@code STRUCT<a INT, b STRING>}) stay inside.
     */
    private int entryEnd(int from, int close) {
      int i = from;
      int angles = 0;
      while (i < close && (angles > 0 || !tokens.isSymbol(i, ","))) {
        if (tokens.isSymbol(i, "(")) {
          i = tokens.closing(i);
        } else if (tokens.isSymbol(i, "<")) {
          angles++;
        } else if (tokens.isSymbol(i, ">")) {
          angles = Math.max(0, angles - 1);
        } else if (tokens.isSymbol(i, ">>")) {
          angles = Math.max(0, angles - 2);
        }
        i++;
      }
      return Math.min(i, close);
    }

    /** {@code name [type ..] [constraints ..]} between {@code from} and {@code end}. */
    private DeclaredColumn column(int from, int end) {
      String name = dialect.normalize(tokens.text(from));
      int typeEnd = from + 1;
      while (typeEnd < end
          && !(tokens.type(typeEnd) == TokenType.WORD
              && TYPE_END_WORDS.contains(upper(tokens, typeEnd)))) {
        if (tokens.isSymbol(typeEnd, "(")) {
          typeEnd = tokens.closing(typeEnd);
        }
        typeEnd++;
      }
      typeEnd = Math.min(typeEnd, end);
      String type =
          typeEnd > from + 1
              ? tokens
                  .text()
                  .substring(tokens.start(from + 1), tokens.end(typeEnd - 1))
                  .replaceAll("\\s+", " ")
              : null;
      return DeclaredColumn.of(name, type);
    }

    // ALTER TABLE [IF EXISTS] [ONLY] t action [, action ..]

    private Recognition alter() {
      skipIfExists("EXISTS");
      if (tokens.isWord(at, "ONLY")) {
        at++;
      }
      TableName table = tableName("ALTER TABLE");
      if (at >= tokens.size()) {
        throw new MalformedDdl("ALTER TABLE " + table.qualified() + " says nothing to do");
      }
      List<TableChange> changes = new ArrayList<>();
      String action = "";
      while (at < tokens.size()) {
        if (tokens.isWord(at, "RENAME")) {
          action = "RENAME";
          rename(table, changes);
        } else if (tokens.isWord(at, "SWAP") && tokens.isWord(at + 1, "WITH")) {
          at += 2;
          changes.add(new TableChange.Swapped(table, tableName("SWAP WITH")));
        } else if (tokens.isWord(at, "ADD")) {
          action = "ADD";
          at++;
          addColumns(table, changes);
        } else if (tokens.isWord(at, "DROP")) {
          action = "DROP";
          at++;
          dropColumns(table, changes);
        } else if (tokens.isAnyWord(at, "CHANGE")) {
          action = "";
          at++;
          changeColumn(table, changes);
        } else if (action.equals("ADD") && continuesList(at)) {
          addColumns(table, changes); // T-SQL, Snowflake: ADD a int, b int
        } else if (action.equals("DROP") && continuesList(at)) {
          dropColumns(table, changes); // T-SQL: DROP COLUMN a, b
        } else {
          action = "";
          skipAction();
        }
        if (tokens.isSymbol(at, ",")) {
          at++;
        }
      }
      for (TableChange change : changes) {
        if (change instanceof TableChange.Renamed renamed) {
          return ddl(StatementKind.RENAME_TABLE, renamed.table(), List.of(), changes);
        }
        if (change instanceof TableChange.Swapped) {
          return ddl(StatementKind.SWAP_TABLES, table, List.of(), changes);
        }
      }
      return ddl(StatementKind.ALTER_TABLE, table, List.of(), changes);
    }

    private boolean continuesList(int i) {
      return isColumnStart(i)
          && !(tokens.type(i) == TokenType.WORD && ACTION_WORDS.contains(upper(tokens, i)));
    }

    private boolean isColumnStart(int i) {
      return (tokens.type(i) == TokenType.WORD && !NOT_COLUMN_WORDS.contains(upper(tokens, i)))
          || tokens.type(i) == TokenType.QUOTED;
    }

    /** {@code RENAME TO | AS t2}, {@code RENAME [COLUMN] a TO b}. */
    private void rename(TableName table, List<TableChange> changes) {
      at++;
      if (tokens.isAnyWord(at, "TO", "AS")) {
        at++;
        changes.add(new TableChange.Renamed(table, newName(table, "RENAME TO")));
        return;
      }
      if (tokens.isWord(at, "COLUMN")) {
        at++;
      }
      if (!isColumnStart(at)) {
        skipAction(); // RENAME CONSTRAINT, RENAME INDEX ..
        return;
      }
      String from = columnName("RENAME COLUMN");
      if (!tokens.isWord(at, "TO")) {
        throw new MalformedDdl("RENAME COLUMN " + from + " without TO and a new name");
      }
      at++;
      changes.add(new TableChange.ColumnRenamed(table, from, columnName("RENAME COLUMN .. TO")));
      skipAction();
    }

    /** {@code [COLUMN | COLUMNS] [IF NOT EXISTS] a type [..]}, or Spark's {@code COLUMNS (..)}. */
    private void addColumns(TableName table, List<TableChange> changes) {
      boolean columnWord = tokens.isAnyWord(at, "COLUMN", "COLUMNS");
      if (columnWord) {
        at++;
      }
      skipIfExists("NOT");
      if (tokens.isSymbol(at, "(")) {
        int close = tokens.closing(at);
        columnList(at + 1, close)
            .orElseThrow(() -> new MalformedDdl("ADD COLUMNS without columns"))
            .forEach(c -> changes.add(new TableChange.ColumnAdded(table, c)));
        at = close + 1;
        return;
      }
      if (!isColumnStart(at)) {
        if (columnWord) {
          throw new MalformedDdl("ADD COLUMN without a column");
        }
        skipAction(); // ADD CONSTRAINT, ADD PARTITION ..
        return;
      }
      int end = actionEnd(at);
      changes.add(new TableChange.ColumnAdded(table, column(at, end)));
      at = end;
    }

    /** {@code [COLUMN | COLUMNS] [IF EXISTS] a [CASCADE]}, or Spark's {@code COLUMNS (a, b)}. */
    private void dropColumns(TableName table, List<TableChange> changes) {
      boolean columnWord = tokens.isAnyWord(at, "COLUMN", "COLUMNS");
      if (columnWord) {
        at++;
      }
      skipIfExists("EXISTS");
      if (tokens.isSymbol(at, "(")) {
        int close = tokens.closing(at);
        for (at = at + 1; at < close; at++) {
          if (!tokens.isSymbol(at, ",")) {
            changes.add(new TableChange.ColumnDropped(table, dialect.normalize(tokens.text(at))));
          }
        }
        at = close + 1;
        return;
      }
      if (!isColumnStart(at)) {
        if (columnWord) {
          throw new MalformedDdl("DROP COLUMN without a column");
        }
        skipAction(); // DROP CONSTRAINT, DROP PARTITION ..
        return;
      }
      changes.add(new TableChange.ColumnDropped(table, columnName("DROP COLUMN")));
      skipAction();
    }

    /** MySQL's {@code CHANGE [COLUMN] old new type ..}: a rename when the names differ. */
    private void changeColumn(TableName table, List<TableChange> changes) {
      if (tokens.isWord(at, "COLUMN")) {
        at++;
      }
      String from = columnName("CHANGE COLUMN");
      String to = columnName("CHANGE COLUMN");
      if (!dialect.sameIdentifier(from, to)) {
        changes.add(new TableChange.ColumnRenamed(table, from, to));
      }
      skipAction();
    }

    /** Moves past the current action, to the comma ending it or the end. */
    private void skipAction() {
      at = actionEnd(at);
    }

    private int actionEnd(int from) {
      return entryEnd(from, tokens.size());
    }

    // DROP TABLE | VIEW | MATERIALIZED VIEW [IF EXISTS] a [, b] [CASCADE ..]

    private Recognition drop() {
      at = 1;
      if (tokens.isAnyWord(at, "TEMPORARY", "TEMP")) {
        at++; // MySQL: DROP TEMPORARY TABLE
      }
      boolean view;
      if (tokens.isWord(at, "TABLE")) {
        view = false;
        at++;
      } else if (tokens.isWord(at, "VIEW")) {
        view = true;
        at++;
      } else if (tokens.isWord(at, "MATERIALIZED") && tokens.isWord(at + 1, "VIEW")) {
        view = true;
        at += 2;
      } else {
        return NOT_DDL;
      }
      skipIfExists("EXISTS");
      List<TableChange> changes = new ArrayList<>();
      for (TableName table : tableList(view ? "DROP VIEW" : "DROP TABLE")) {
        changes.add(new TableChange.Dropped(table, view));
      }
      return ddl(
          view ? StatementKind.DROP_VIEW : StatementKind.DROP_TABLE,
          changes.get(0).table(),
          List.of(),
          changes);
    }

    // TRUNCATE [TABLE] [IF EXISTS] [ONLY] a [, b] [options]

    private Recognition truncate() {
      at = 1;
      if (tokens.isWord(at, "TABLE")) {
        at++;
      }
      skipIfExists("EXISTS");
      if (tokens.isWord(at, "ONLY")) {
        at++;
      }
      List<TableChange> changes = new ArrayList<>();
      for (TableName table : tableList("TRUNCATE")) {
        changes.add(new TableChange.Truncated(table));
      }
      return ddl(StatementKind.TRUNCATE, changes.get(0).table(), List.of(), changes);
    }

    // RENAME TABLE a TO b [, c TO d] (MySQL; Teradata also writes AS)

    private Recognition renameTables() {
      List<TableChange> changes = new ArrayList<>();
      while (true) {
        TableName from = tableName("RENAME TABLE");
        if (!tokens.isAnyWord(at, "TO", "AS")) {
          throw new MalformedDdl("RENAME TABLE " + from.qualified() + " without TO and a name");
        }
        at++;
        changes.add(new TableChange.Renamed(from, newName(from, "RENAME TABLE")));
        if (!tokens.isSymbol(at, ",")) {
          break;
        }
        at++;
      }
      return ddl(StatementKind.RENAME_TABLE, changes.get(0).table(), List.of(), changes);
    }

    // T-SQL: [EXEC] sp_rename 'old', 'new' [, 'OBJECT' | 'COLUMN'], or with @objname = .. names

    private boolean isSpRename() {
      int name = at;
      while (tokens.isSymbol(name + 1, ".")) {
        name += 2;
      }
      return tokens.type(name) == TokenType.WORD
          && tokens.text(name).equalsIgnoreCase("sp_rename")
          && (tokens.type(name + 1) == TokenType.STRING
              || tokens.type(name + 1) == TokenType.PARAMETER);
    }

    private Recognition spRename() {
      while (!tokens.text(at).equalsIgnoreCase("sp_rename")) {
        at++;
      }
      at++;
      List<String> arguments = new ArrayList<>();
      while (at < tokens.size()) {
        if (tokens.type(at) == TokenType.PARAMETER && tokens.isSymbol(at + 1, "=")) {
          at += 2; // @objname = 'x'
        }
        if (tokens.type(at) != TokenType.STRING) {
          throw new MalformedDdl("sp_rename takes quoted names");
        }
        arguments.add(unquote(tokens.text(at)));
        at++;
        if (!tokens.isSymbol(at, ",")) {
          break;
        }
        at++;
      }
      if (arguments.size() < 2) {
        throw new MalformedDdl("sp_rename needs the object and its new name");
      }
      String kind = arguments.size() > 2 ? arguments.get(2).toUpperCase(Locale.ROOT) : "OBJECT";
      List<String> old = splitName(arguments.get(0));
      String renamed = dialect.normalize(arguments.get(1));
      if (kind.equals("COLUMN") && old.size() >= 2) {
        TableName table = names.qualify(nameFirst(old.subList(0, old.size() - 1)));
        return ddl(
            StatementKind.ALTER_TABLE,
            table,
            List.of(),
            List.of(new TableChange.ColumnRenamed(table, old.get(old.size() - 1), renamed)));
      }
      if (!kind.equals("OBJECT")) {
        return NOT_DDL; // an index, a statistic, a user data type: no table renamed
      }
      TableName from = names.qualify(nameFirst(old));
      TableName to = new TableName(from.database(), from.schema(), renamed);
      return ddl(
          StatementKind.RENAME_TABLE, to, List.of(), List.of(new TableChange.Renamed(from, to)));
    }

    /** {@code dbo.[my table]} inside a string: its normalized parts, outermost first. */
    private List<String> splitName(String written) {
      List<String> parts = new ArrayList<>();
      SqlLexer lexer = new SqlLexer(written, dialect);
      while (lexer.next() != TokenType.END) {
        if (lexer.type() == TokenType.WORD || lexer.type() == TokenType.QUOTED) {
          parts.add(dialect.normalize(lexer.text()));
        }
      }
      return parts;
    }

    private String unquote(String literal) {
      int open = literal.indexOf('\'');
      String inner = literal.substring(open + 1, literal.length() - 1);
      return inner.replace("''", "'").trim();
    }

    // names

    private void skipIfExists(String beforeExists) {
      if (tokens.isWord(at, "IF")
          && (beforeExists.equals("EXISTS")
              ? tokens.isWord(at + 1, "EXISTS")
              : tokens.isWord(at + 1, beforeExists) && tokens.isWord(at + 2, "EXISTS"))) {
        at += beforeExists.equals("EXISTS") ? 2 : 3;
      }
    }

    /** {@code a [, b ..]} at {@code at}. */
    private List<TableName> tableList(String after) {
      List<TableName> tables = new ArrayList<>();
      tables.add(tableName(after));
      while (tokens.isSymbol(at, ",")) {
        at++;
        tables.add(tableName(after));
      }
      return tables;
    }

    /** The dotted name at {@code at}, qualified with the session's defaults. */
    private TableName tableName(String after) {
      return names.qualify(nameFirst(nameParts(after)));
    }

    /**
     * A rename's new name: parts it leaves out are the old name's (an unqualified new name stays in
     * the schema of the table renamed).
     */
    private TableName newName(TableName old, String after) {
      List<String> parts = nameParts(after);
      String name = parts.get(parts.size() - 1);
      Optional<String> schema =
          parts.size() >= 2 ? Optional.of(parts.get(parts.size() - 2)) : old.schema();
      Optional<String> database =
          parts.size() >= 3 ? Optional.of(parts.get(parts.size() - 3)) : old.database();
      return new TableName(database, schema, name);
    }

    /** Normalized parts of the dotted name at {@code at}, outermost first. */
    private List<String> nameParts(String after) {
      List<String> written = new ArrayList<>();
      while (true) {
        if (tokens.type(at) != TokenType.WORD && tokens.type(at) != TokenType.QUOTED) {
          throw new MalformedDdl(
              after
                  + (at >= tokens.size()
                      ? " ends without a table name"
                      : " is not followed by a table name but by \"" + tokens.text(at) + "\""));
        }
        StringBuilder part = new StringBuilder(tokens.text(at));
        at++;
        // BigQuery's dashed project names: my-project.dataset.table
        while (tokens.adjacent(at)
            && (tokens.isSymbol(at, "-") || tokens.type(at) == TokenType.NUMBER)
            && tokens.type(at - 1) != TokenType.QUOTED) {
          part.append(tokens.text(at));
          at++;
          if (tokens.adjacent(at) && tokens.type(at) == TokenType.WORD) {
            part.append(tokens.text(at));
            at++;
          }
        }
        written.add(part.toString());
        if (!tokens.isSymbol(at, ".")) {
          return dialect.normalizeParts(written);
        }
        at++;
      }
    }

    private String columnName(String after) {
      if (!isColumnStart(at)) {
        throw new MalformedDdl(after + " is not followed by a column name");
      }
      return dialect.normalize(tokens.text(at++));
    }

    private List<String> nameFirst(List<String> outermostFirst) {
      List<String> reversed = new ArrayList<>(outermostFirst);
      java.util.Collections.reverse(reversed);
      return reversed;
    }

    private Recognition ddl(
        StatementKind kind, TableName target, List<TableName> sources, List<TableChange> changes) {
      return new Recognition.Ddl(new DdlStatement(kind, Optional.of(target), sources, changes));
    }
  }
}
