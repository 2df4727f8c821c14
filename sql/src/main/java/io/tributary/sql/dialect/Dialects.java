package io.tributary.sql.dialect;

import io.tributary.sql.dialect.DialectSyntax.UseTarget;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The dialects Tributary knows, found by the names users pass (Secoda's, sqlglot's and sqlfluff's
 * names). Engines that name tables alike share one definition under several aliases.
 */
public final class Dialects {

  private static final String DOUBLE = "\"\"";
  private static final String BACKTICK = "``";
  private static final String BRACKETS = "[]";

  public static final Dialect ANSI =
      new Dialect("ansi", List.of(), IdentifierCase.PRESERVE, List.of(DOUBLE), 3);

  public static final Dialect POSTGRESQL =
      new Dialect(
          "postgresql",
          List.of("postgres"),
          IdentifierCase.LOWER,
          List.of(DOUBLE),
          3,
          DialectSyntax.standard().withDollarQuotedStrings());

  public static final Dialect REDSHIFT =
      new Dialect(
          "redshift",
          List.of(),
          IdentifierCase.LOWER,
          List.of(DOUBLE),
          3,
          // a backslash escapes a quote: UNLOAD ('select .. where a = \'x\'') as documented
          DialectSyntax.standard()
              .withDollarQuotedStrings()
              .withConvertTypeFirst()
              .withBackslashEscapes());

  public static final Dialect GREENPLUM =
      new Dialect(
          "greenplum",
          List.of(),
          IdentifierCase.LOWER,
          List.of(DOUBLE),
          3,
          DialectSyntax.standard().withDollarQuotedStrings());

  public static final Dialect MATERIALIZE =
      new Dialect(
          "materialize",
          List.of(),
          IdentifierCase.LOWER,
          List.of(DOUBLE),
          3,
          DialectSyntax.standard().withDollarQuotedStrings());

  public static final Dialect SNOWFLAKE =
      new Dialect(
          "snowflake",
          List.of(),
          IdentifierCase.UPPER,
          List.of(DOUBLE),
          3,
          DialectSyntax.standard()
              .withBackslashEscapes()
              .withDollarQuotedStrings()
              .withUseTarget(UseTarget.DATABASE));

  /**
   * Table names are case-sensitive, so identifiers keep their case; projects may have dashes.
   * Double quotes delimit strings in BigQuery, but JSqlParser hands back the parts of a backticked
   * path ({@code `p.d.t`}) double-quoted, so {@link Dialect#normalize} strips them too.
   */
  public static final Dialect BIGQUERY =
      new Dialect(
          "bigquery",
          List.of(),
          IdentifierCase.PRESERVE,
          List.of(BACKTICK, DOUBLE),
          3,
          DialectSyntax.standard()
              .withBackslashEscapes()
              .withHashComments()
              .withDoubleQuotedStrings()
              .withDashedTableNames());

  /** {@code database.table}: the database is what other engines call a schema. */
  public static final Dialect MYSQL =
      new Dialect(
          "mysql",
          List.of(),
          IdentifierCase.PRESERVE,
          List.of(BACKTICK),
          2,
          DialectSyntax.standard()
              .withBackslashEscapes()
              .withHashComments()
              .withDoubleQuotedStrings());

  public static final Dialect MARIADB =
      new Dialect(
          "mariadb",
          List.of(),
          IdentifierCase.PRESERVE,
          List.of(BACKTICK),
          2,
          DialectSyntax.standard()
              .withBackslashEscapes()
              .withHashComments()
              .withDoubleQuotedStrings());

  /** {@code server.database.schema.table}; the linked server is not part of lineage. */
  public static final Dialect TSQL =
      new Dialect(
          "tsql",
          List.of("sqlserver", "mssql"),
          IdentifierCase.PRESERVE,
          List.of(BRACKETS, DOUBLE),
          4,
          DialectSyntax.standard().withUseTarget(UseTarget.DATABASE).withConvertTypeFirst());

  /** {@code schema.table} (a schema is a user). */
  public static final Dialect ORACLE =
      new Dialect("oracle", List.of(), IdentifierCase.UPPER, List.of(DOUBLE), 2);

  /** {@code catalog.schema.table} with Unity Catalog; Hive and Spark write {@code db.table}. */
  public static final Dialect DATABRICKS =
      new Dialect(
          "databricks",
          List.of("spark", "sparksql", "hive"),
          IdentifierCase.PRESERVE,
          List.of(BACKTICK),
          3,
          DialectSyntax.standard().withBackslashEscapes().withDoubleQuotedStrings());

  public static final Dialect TRINO =
      new Dialect("trino", List.of("presto", "athena"), IdentifierCase.LOWER, List.of(DOUBLE), 3);

  public static final Dialect CLICKHOUSE =
      new Dialect(
          "clickhouse",
          List.of(),
          IdentifierCase.PRESERVE,
          List.of(DOUBLE, BACKTICK),
          2,
          DialectSyntax.standard().withBackslashEscapes());

  public static final Dialect DUCKDB =
      new Dialect(
          "duckdb",
          List.of(),
          IdentifierCase.PRESERVE,
          List.of(DOUBLE),
          3,
          DialectSyntax.standard().withDollarQuotedStrings().withUseTarget(UseTarget.DATABASE));

  public static final Dialect SQLITE =
      new Dialect(
          "sqlite", List.of(), IdentifierCase.PRESERVE, List.of(DOUBLE, BACKTICK, BRACKETS), 2);

  public static final Dialect TERADATA =
      new Dialect("teradata", List.of(), IdentifierCase.PRESERVE, List.of(DOUBLE), 2);

  public static final Dialect DB2 =
      new Dialect("db2", List.of(), IdentifierCase.UPPER, List.of(DOUBLE), 3);

  public static final Dialect VERTICA =
      new Dialect("vertica", List.of(), IdentifierCase.LOWER, List.of(DOUBLE), 3);

  public static final Dialect EXASOL =
      new Dialect(
          "exasol",
          List.of(),
          IdentifierCase.UPPER,
          List.of(DOUBLE),
          2,
          DialectSyntax.standard().withConvertTypeFirst());

  private static final List<Dialect> ALL =
      List.of(
          ANSI,
          POSTGRESQL,
          SNOWFLAKE,
          BIGQUERY,
          REDSHIFT,
          MYSQL,
          MARIADB,
          TSQL,
          ORACLE,
          DATABRICKS,
          TRINO,
          CLICKHOUSE,
          DUCKDB,
          SQLITE,
          TERADATA,
          DB2,
          VERTICA,
          GREENPLUM,
          MATERIALIZE,
          EXASOL);

  private static final Map<String, Dialect> BY_NAME = index();

  private Dialects() {}

  /**
   * The dialect that answers to this name or alias, ignoring case.
   *
   * @throws UnknownDialectException naming every known name when none answers
   */
  public static Dialect byName(String name) {
    return find(name)
        .orElseThrow(() -> new UnknownDialectException(String.valueOf(name), BY_NAME.keySet()));
  }

  /** The dialect that answers to this name or alias, ignoring case, if any. */
  public static Optional<Dialect> find(String name) {
    return name == null
        ? Optional.empty()
        : Optional.ofNullable(BY_NAME.get(name.trim().toLowerCase(Locale.ROOT)));
  }

  /** Every dialect, canonical names first in their declared order. */
  public static List<Dialect> all() {
    return ALL;
  }

  /** Every name and alias a user may pass. */
  public static List<String> names() {
    return List.copyOf(BY_NAME.keySet());
  }

  private static Map<String, Dialect> index() {
    Map<String, Dialect> map = new LinkedHashMap<>();
    for (Dialect d : ALL) {
      map.put(d.name(), d);
    }
    for (Dialect d : ALL) {
      d.aliases().forEach(a -> map.put(a, d));
    }
    return map;
  }
}
