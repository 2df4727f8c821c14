package io.tributary.sql.dialect;

/**
 * The lexical habits of a dialect that matter before names are resolved: how strings escape, which
 * comments exist, what a double-quoted token is, and what {@code USE x} names. The script splitter,
 * the fingerprint lexer and the parser configuration all read it.
 *
 * @param backslashEscapes a backslash escapes the next character inside a string ({@code 'it\'s'})
 * @param hashComments {@code #} starts a comment to the end of the line (MySQL, BigQuery)
 * @param doubleQuotedStrings {@code "text"} is a string, not an identifier (MySQL, BigQuery, Spark)
 * @param dollarQuotedStrings {@code $$text$$} and {@code $tag$text$tag$} are strings (PostgreSQL)
 * @param dashedTableNames an unquoted table path may contain dashes ({@code my-project.ds.t} in
 *     BigQuery)
 * @param useTarget what a bare {@code USE x} sets
 */
public record DialectSyntax(
    boolean backslashEscapes,
    boolean hashComments,
    boolean doubleQuotedStrings,
    boolean dollarQuotedStrings,
    boolean dashedTableNames,
    UseTarget useTarget) {

  /** What {@code USE x} changes. */
  public enum UseTarget {
    /** The default database (Snowflake, T-SQL, DuckDB). */
    DATABASE,
    /** The default schema (MySQL, Hive/Spark, Trino, ClickHouse...). */
    SCHEMA
  }

  /** Standard SQL: {@code ''} escapes, {@code --} and block comments, {@code "} quotes names. */
  public static DialectSyntax standard() {
    return new DialectSyntax(false, false, false, false, false, UseTarget.SCHEMA);
  }

  public DialectSyntax withBackslashEscapes() {
    return new DialectSyntax(
        true, hashComments, doubleQuotedStrings, dollarQuotedStrings, dashedTableNames, useTarget);
  }

  public DialectSyntax withHashComments() {
    return new DialectSyntax(
        backslashEscapes,
        true,
        doubleQuotedStrings,
        dollarQuotedStrings,
        dashedTableNames,
        useTarget);
  }

  public DialectSyntax withDoubleQuotedStrings() {
    return new DialectSyntax(
        backslashEscapes, hashComments, true, dollarQuotedStrings, dashedTableNames, useTarget);
  }

  public DialectSyntax withDollarQuotedStrings() {
    return new DialectSyntax(
        backslashEscapes, hashComments, doubleQuotedStrings, true, dashedTableNames, useTarget);
  }

  public DialectSyntax withDashedTableNames() {
    return new DialectSyntax(
        backslashEscapes, hashComments, doubleQuotedStrings, dollarQuotedStrings, true, useTarget);
  }

  public DialectSyntax withUseTarget(UseTarget target) {
    return new DialectSyntax(
        backslashEscapes,
        hashComments,
        doubleQuotedStrings,
        dollarQuotedStrings,
        dashedTableNames,
        target);
  }
}
