package io.tributary.sql.dialect;

/**
 * The lexical and syntactic habits of a dialect that matter before names are resolved: how strings
 * escape, which comments exist, what a double-quoted token is, what {@code USE x} names, and which
 * argument of CONVERT is the type. The script splitter, the fingerprint lexer, the parser
 * configuration and the lineage of CONVERT read it.
 *
 * @param backslashEscapes a backslash escapes the next character inside a string ({@code 'it\'s'})
 * @param hashComments {@code #} starts a comment to the end of the line (MySQL, BigQuery)
 * @param doubleQuotedStrings {@code "text"} is a string, not an identifier (MySQL, BigQuery, Spark)
 * @param dollarQuotedStrings {@code $$text$$} and {@code $tag$text$tag$} are strings (PostgreSQL)
 * @param dashedTableNames an unquoted table path may contain dashes ({@code my-project.ds.t} in
 *     BigQuery)
 * @param useTarget what a bare {@code USE x} sets
 * @param convertTypeFirst {@code CONVERT(type, value)} (T-SQL, Redshift, Exasol), not {@code
 *     CONVERT(value, type)} (MySQL) or {@code CONVERT(value, charset)} (Oracle, PostgreSQL)
 */
public record DialectSyntax(
    boolean backslashEscapes,
    boolean hashComments,
    boolean doubleQuotedStrings,
    boolean dollarQuotedStrings,
    boolean dashedTableNames,
    UseTarget useTarget,
    boolean convertTypeFirst) {

  /** What {@code USE x} changes. */
  public enum UseTarget {
    /** The default database (Snowflake, T-SQL, DuckDB). */
    DATABASE,
    /** The default schema (MySQL, Hive/Spark, Trino, ClickHouse...). */
    SCHEMA
  }

  /** Standard SQL: {@code ''} escapes, {@code --} and block comments, {@code "} quotes names. */
  public static DialectSyntax standard() {
    return new DialectSyntax(false, false, false, false, false, UseTarget.SCHEMA, false);
  }

  public DialectSyntax withBackslashEscapes() {
    return new DialectSyntax(
        true,
        hashComments,
        doubleQuotedStrings,
        dollarQuotedStrings,
        dashedTableNames,
        useTarget,
        convertTypeFirst);
  }

  public DialectSyntax withHashComments() {
    return new DialectSyntax(
        backslashEscapes,
        true,
        doubleQuotedStrings,
        dollarQuotedStrings,
        dashedTableNames,
        useTarget,
        convertTypeFirst);
  }

  public DialectSyntax withDoubleQuotedStrings() {
    return new DialectSyntax(
        backslashEscapes,
        hashComments,
        true,
        dollarQuotedStrings,
        dashedTableNames,
        useTarget,
        convertTypeFirst);
  }

  public DialectSyntax withDollarQuotedStrings() {
    return new DialectSyntax(
        backslashEscapes,
        hashComments,
        doubleQuotedStrings,
        true,
        dashedTableNames,
        useTarget,
        convertTypeFirst);
  }

  public DialectSyntax withDashedTableNames() {
    return new DialectSyntax(
        backslashEscapes,
        hashComments,
        doubleQuotedStrings,
        dollarQuotedStrings,
        true,
        useTarget,
        convertTypeFirst);
  }

  public DialectSyntax withConvertTypeFirst() {
    return new DialectSyntax(
        backslashEscapes,
        hashComments,
        doubleQuotedStrings,
        dollarQuotedStrings,
        dashedTableNames,
        useTarget,
        true);
  }

  public DialectSyntax withUseTarget(UseTarget target) {
    return new DialectSyntax(
        backslashEscapes,
        hashComments,
        doubleQuotedStrings,
        dollarQuotedStrings,
        dashedTableNames,
        target,
        convertTypeFirst);
  }
}
