package io.tributary.sql.parse;

import io.tributary.sql.dialect.Dialect;
import io.tributary.sql.dialect.DialectSyntax.UseTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Recognizes statements that carry no lineage, before parsing: the parser fails on several of them
 * ({@code BEGIN}, {@code DESCRIBE TABLE t}, {@code SET search_path TO a, b}) and parsing the others
 * would only cost time. Reads the new defaults out of {@code USE} and {@code SET search_path}-like
 * statements.
 *
 * <p>It claims only what it recognizes whole: a statement whose leading words never come with
 * lineage ({@code GRANT}, {@code SHOW}...), {@code CREATE} of an object without lineage, and a
 * {@code CREATE TABLE} that is a column list and table options (see {@link #plainTable}). Anything
 * else that starts like DDL ({@code CREATE TABLE ... AS}, {@code LIKE}, {@code CLONE}, {@code ALTER
 * VIEW ... AS}) goes to the parser, which either reads it or reports where it fails. A new
 * lineage-free form is one more case here; a form with lineage is left to the parser.
 */
public final class UtilityRecognizer {

  /** Leading words of statements that never have lineage. */
  private static final Set<String> UTILITY_WORDS =
      Set.of(
          "ABORT",
          "ALTER",
          "ANALYSE",
          "ANALYZE",
          "ATTACH",
          "BACKUP",
          "BEGIN",
          "CACHE",
          "CALL",
          "CHECKPOINT",
          "CLOSE",
          "CLUSTER",
          "COLLECT",
          "COMMENT",
          "COMMIT",
          "COPY",
          "DATABASE",
          "DBCC",
          "DEALLOCATE",
          "DECLARE",
          "DESC",
          "DESCRIBE",
          "DETACH",
          "DISCARD",
          "DO",
          "DROP",
          "END",
          "EXEC",
          "EXECUTE",
          "EXPLAIN",
          "EXPORT",
          "FETCH",
          "FLUSH",
          "GET",
          "GO",
          "GRANT",
          "HELP",
          "IMPORT",
          "INSTALL",
          "KILL",
          "LIST",
          "LISTEN",
          "LOAD",
          "LOCK",
          "LS",
          "MSCK",
          "NOTIFY",
          "OPEN",
          "OPTIMIZE",
          "PRAGMA",
          "PREPARE",
          "PRINT",
          "PUT",
          "RAISERROR",
          "REFRESH",
          "REINDEX",
          "RELEASE",
          "REMOVE",
          "RENAME",
          "RESET",
          "RESTORE",
          "REVOKE",
          "RM",
          "ROLLBACK",
          "SAVEPOINT",
          "SECURITY",
          "SET",
          "SHOW",
          "SHUTDOWN",
          "START",
          "SUMMARIZE",
          "THROW",
          "TRUNCATE",
          "UNCACHE",
          "UNDROP",
          "UNLISTEN",
          "UNLOAD",
          "UNLOCK",
          "UNSET",
          "USE",
          "VACUUM",
          "WAITFOR");

  /**
   * Leading words of statements that have lineage when they hold a query, which {@link
   * StatementForms} restates for the parser: Spark's {@code CACHE TABLE c AS SELECT}, Redshift's
   * {@code UNLOAD ('SELECT ..')} (its query is a string), Snowflake's {@code COPY INTO .. FROM
   * (SELECT ..)}.
   */
  private static final Set<String> RESTATED_WORDS = Set.of("CACHE", "COPY", "UNLOAD");

  /** Objects whose CREATE statement never has lineage. */
  private static final Set<String> PLAIN_OBJECTS =
      Set.of(
          "AGGREGATE",
          "ALERT",
          "CAST",
          "CATALOG",
          "COLLATION",
          "CONNECTION",
          "DATABASE",
          "DOMAIN",
          "EXTENSION",
          "FILE",
          "FUNCTION",
          "GROUP",
          "INDEX",
          "INTEGRATION",
          "LANGUAGE",
          "LOGIN",
          "MACRO",
          "OPERATOR",
          "PACKAGE",
          "PIPE",
          "POLICY",
          "PROCEDURE",
          "PUBLICATION",
          "ROLE",
          "RULE",
          "SCHEMA",
          "SECRET",
          "SEQUENCE",
          "SERVER",
          "SHARE",
          "STAGE",
          "STREAM",
          "SUBSCRIPTION",
          "SYNONYM",
          "TABLESPACE",
          "TAG",
          "TASK",
          "TRIGGER",
          "TYPE",
          "USER",
          "WAREHOUSE");

  /** Words that bring a query or another table's definition into a CREATE TABLE. */
  private static final Set<String> QUERY_WORDS =
      Set.of("AS", "SELECT", "VALUES", "LIKE", "CLONE", "FROM");

  /** How far into a CREATE statement the object kind is looked for. */
  private static final int CREATE_LOOKAHEAD = 16;

  private final Dialect dialect;

  public UtilityRecognizer(Dialect dialect) {
    this.dialect = dialect;
  }

  /** The utility statement this text is, or empty when it must be parsed. */
  public Optional<UtilityStatement> recognize(String sql) {
    SqlLexer lexer = new SqlLexer(sql, dialect);
    if (lexer.next() != TokenType.WORD) {
      return Optional.empty();
    }
    String first = upper(lexer);
    if (first.equals("CREATE")) {
      return create(lexer);
    }
    if (!UTILITY_WORDS.contains(first)
        || (RESTATED_WORDS.contains(first) && (first.equals("UNLOAD") || containsQuery(lexer)))) {
      return Optional.empty();
    }
    return Optional.ofNullable(
        switch (first) {
          case "USE" -> use(lexer);
          case "SET" -> set(lexer);
          case "ALTER" -> {
            Optional<UtilityStatement> alter = alter(lexer);
            if (alter.isEmpty()) {
              yield null;
            }
            yield alter.get();
          }
          case "DATABASE" -> {
            lexer.next(); // Teradata's DATABASE x: the default database of db.table names
            yield withSchema("DATABASE", value(lexer));
          }
          case "OPEN" -> open(lexer);
          default -> UtilityStatement.of(first);
        });
  }

  private Optional<UtilityStatement> create(SqlLexer lexer) {
    for (int i = 0; i < CREATE_LOOKAHEAD && lexer.next() != TokenType.END; i++) {
      if (lexer.type() != TokenType.WORD) {
        continue;
      }
      String word = upper(lexer);
      if (word.equals("TABLE")) {
        return plainTable(lexer)
            ? Optional.of(UtilityStatement.of("CREATE TABLE"))
            : Optional.empty();
      }
      if (word.equals("VIEW")) {
        return Optional.empty(); // a view always has a query
      }
      if (PLAIN_OBJECTS.contains(word)) {
        return Optional.of(UtilityStatement.of("CREATE " + word));
      }
    }
    return Optional.empty();
  }

  private static boolean containsQuery(SqlLexer lexer) {
    while (lexer.next() != TokenType.END) {
      if (lexer.isWord("SELECT") || lexer.isWord("VALUES") || lexer.isWord("SEL")) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code CREATE TABLE [IF NOT EXISTS] name [options] (column or constraint, ...) [options]}: a
   * column list whose entries each start with a name, and options that are words, literals and
   * parenthesized lists, never a query ({@code AS}, except Hive's {@code STORED AS}; {@code
   * SELECT}; {@code LIKE}; {@code CLONE}). The lexer has already checked that it is balanced.
   */
  private static boolean plainTable(SqlLexer lexer) {
    int depth = 0;
    boolean columns = false;
    boolean entryStart = false;
    boolean afterStored = false;
    while (lexer.next() != TokenType.END) {
      if (lexer.isSymbol('(')) {
        depth++;
        if (depth == 1 && !columns) {
          columns = true;
          entryStart = true;
          continue;
        }
      } else if (lexer.isSymbol(')')) {
        depth--;
      } else if (depth == 1 && lexer.isSymbol(',')) {
        entryStart = true;
        continue;
      } else if (depth == 0 && lexer.type() == TokenType.WORD) {
        if (QUERY_WORDS.contains(lexer.text().toUpperCase(Locale.ROOT))
            && !(afterStored && lexer.isWord("AS"))) {
          return false;
        }
      }
      if (entryStart && depth == 1) {
        // a column's name, or a constraint; LIKE copies another table's columns
        if ((lexer.type() != TokenType.WORD && lexer.type() != TokenType.QUOTED)
            || lexer.isWord("LIKE")) {
          return false;
        }
      }
      entryStart = false;
      afterStored = lexer.isWord("STORED");
    }
    return columns && depth == 0;
  }

  /** {@code USE x}, {@code USE a.b}, {@code USE DATABASE|CATALOG|SCHEMA x}, {@code USE ROLE r}. */
  private UtilityStatement use(SqlLexer lexer) {
    List<String> path = new ArrayList<>();
    String kind = "";
    lexer.next();
    if (lexer.type() == TokenType.WORD
        && (lexer.isWord("DATABASE")
            || lexer.isWord("CATALOG")
            || lexer.isWord("SCHEMA")
            || lexer.isWord("WAREHOUSE")
            || lexer.isWord("ROLE")
            || lexer.isWord("SECONDARY"))) {
      kind = upper(lexer);
      lexer.next();
    }
    readPath(lexer, path);
    if (path.isEmpty()) {
      return UtilityStatement.of("USE");
    }
    return switch (kind) {
      case "DATABASE", "CATALOG" -> withDatabase("USE " + kind, path.get(path.size() - 1));
      case "SCHEMA" -> qualifiedSchema("USE SCHEMA", path);
      case "" -> {
        if (path.size() > 1) {
          yield qualifiedSchema("USE", path);
        }
        boolean database =
            dialect.tableNameParts() > 2 && dialect.syntax().useTarget() == UseTarget.DATABASE;
        yield database ? withDatabase("USE", path.get(0)) : withSchema("USE", path.get(0));
      }
      default -> UtilityStatement.of("USE " + kind);
    };
  }

  /**
   * {@code SET search_path TO a, b}, {@code SET search_path = 'a'}, {@code SET SCHEMA 'x'}, {@code
   * SET CURRENT SCHEMA = x}, {@code SET DATABASE = x}; any other SET changes nothing we track.
   */
  private UtilityStatement set(SqlLexer lexer) {
    lexer.next();
    while (lexer.isWord("SESSION") || lexer.isWord("LOCAL") || lexer.isWord("GLOBAL")) {
      lexer.next();
    }
    if (lexer.isWord("CURRENT")) {
      lexer.next();
    }
    if (lexer.type() != TokenType.WORD) {
      return UtilityStatement.of("SET");
    }
    String variable = upper(lexer);
    lexer.next();
    if (lexer.isWord("TO") || lexer.isSymbol('=')) {
      lexer.next();
    }
    return switch (variable) {
      case "SEARCH_PATH" -> withSchema("SET", firstSearchPathEntry(lexer));
      case "SCHEMA", "CURRENT_SCHEMA" -> withSchema("SET", value(lexer));
      case "DATABASE" -> withDatabase("SET", value(lexer));
      default -> UtilityStatement.of("SET");
    };
  }

  /**
   * Oracle's {@code ALTER SESSION SET CURRENT_SCHEMA = x}; {@code ALTER VIEW v AS SELECT ...} is
   * parsed (it has lineage); every other ALTER is plain DDL.
   */
  private Optional<UtilityStatement> alter(SqlLexer lexer) {
    lexer.next();
    if (lexer.isWord("VIEW")) {
      while (lexer.next() != TokenType.END) {
        if (lexer.isWord("AS")) {
          return Optional.empty();
        }
      }
      return Optional.of(UtilityStatement.of("ALTER VIEW"));
    }
    if (!lexer.isWord("SESSION")) {
      return Optional.of(UtilityStatement.of("ALTER"));
    }
    lexer.next();
    if (!lexer.isWord("SET")) {
      return Optional.of(UtilityStatement.of("ALTER SESSION"));
    }
    lexer.next();
    if (!lexer.isWord("CURRENT_SCHEMA")) {
      return Optional.of(UtilityStatement.of("ALTER SESSION"));
    }
    lexer.next();
    if (lexer.isSymbol('=')) {
      lexer.next();
    }
    return Optional.of(withSchema("ALTER SESSION", value(lexer)));
  }

  /** Exasol's {@code OPEN SCHEMA x}. */
  private UtilityStatement open(SqlLexer lexer) {
    lexer.next();
    if (!lexer.isWord("SCHEMA")) {
      return UtilityStatement.of("OPEN");
    }
    lexer.next();
    return withSchema("OPEN SCHEMA", value(lexer));
  }

  private UtilityStatement qualifiedSchema(String command, List<String> path) {
    String schema = path.get(path.size() - 1);
    Optional<String> database =
        path.size() > 1 ? Optional.of(path.get(path.size() - 2)) : Optional.empty();
    return new UtilityStatement(command, database, Optional.of(schema));
  }

  private Optional<String> firstSearchPathEntry(SqlLexer lexer) {
    while (true) {
      Optional<String> entry = value(lexer);
      if (entry.isEmpty()) {
        return Optional.empty();
      }
      if (!entry.get().equalsIgnoreCase("$user")) {
        return entry;
      }
      lexer.next();
      if (!lexer.isSymbol(',')) {
        return Optional.empty();
      }
      lexer.next();
    }
  }

  /** Reads {@code a.b.c} starting at the current token. */
  private void readPath(SqlLexer lexer, List<String> path) {
    while (true) {
      Optional<String> part = value(lexer);
      if (part.isEmpty()) {
        return;
      }
      path.add(part.get());
      lexer.next();
      if (!lexer.isSymbol('.')) {
        return;
      }
      lexer.next();
    }
  }

  /** The current token as a normalized name: a word, a quoted name or a string holding a name. */
  private Optional<String> value(SqlLexer lexer) {
    return switch (lexer.type()) {
      case WORD, QUOTED -> Optional.of(dialect.normalize(lexer.text()));
      case STRING -> {
        String text = lexer.text();
        if (text.length() < 2 || text.charAt(0) != text.charAt(text.length() - 1)) {
          yield Optional.empty();
        }
        char quote = text.charAt(0);
        String inner =
            text.substring(1, text.length() - 1).replace(String.valueOf(quote) + quote, "" + quote);
        yield inner.isBlank() ? Optional.empty() : Optional.of(dialect.normalize(inner.trim()));
      }
      default -> Optional.empty();
    };
  }

  private UtilityStatement withSchema(String command, Optional<String> schema) {
    return new UtilityStatement(command, Optional.empty(), schema);
  }

  private UtilityStatement withSchema(String command, String schema) {
    return withSchema(command, Optional.of(schema));
  }

  private UtilityStatement withDatabase(String command, Optional<String> database) {
    return new UtilityStatement(command, database, Optional.empty());
  }

  private UtilityStatement withDatabase(String command, String database) {
    return withDatabase(command, Optional.of(database));
  }

  private static String upper(SqlLexer lexer) {
    return lexer.text().toUpperCase(Locale.ROOT);
  }
}
