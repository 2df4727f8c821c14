package io.tributary.sql.parse;

import io.tributary.sql.dialect.Dialect;
import io.tributary.sql.dialect.DialectSyntax;
import java.util.Map;
import java.util.Optional;
import net.sf.jsqlparser.parser.AbstractJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParser;

/**
 * What JSqlParser needs to know to read each dialect: its own dialect switch and lexer features.
 */
final class ParserDialects {

  private static final Map<String, AbstractJSqlParser.Dialect> JSQLPARSER_DIALECTS =
      Map.ofEntries(
          Map.entry("postgresql", AbstractJSqlParser.Dialect.POSTGRESQL),
          Map.entry("redshift", AbstractJSqlParser.Dialect.POSTGRESQL),
          Map.entry("greenplum", AbstractJSqlParser.Dialect.POSTGRESQL),
          Map.entry("materialize", AbstractJSqlParser.Dialect.POSTGRESQL),
          Map.entry("mysql", AbstractJSqlParser.Dialect.MYSQL),
          Map.entry("mariadb", AbstractJSqlParser.Dialect.MARIADB),
          Map.entry("tsql", AbstractJSqlParser.Dialect.SQLSERVER),
          Map.entry("oracle", AbstractJSqlParser.Dialect.ORACLE),
          Map.entry("bigquery", AbstractJSqlParser.Dialect.BIGQUERY),
          Map.entry("databricks", AbstractJSqlParser.Dialect.DATABRICKS),
          Map.entry("snowflake", AbstractJSqlParser.Dialect.SNOWFLAKE),
          Map.entry("exasol", AbstractJSqlParser.Dialect.EXASOL),
          Map.entry("teradata", AbstractJSqlParser.Dialect.TERADATA));

  private ParserDialects() {}

  /** JSqlParser's own dialect switch for this dialect, if it has one. */
  static Optional<AbstractJSqlParser.Dialect> jsqlParserDialect(Dialect dialect) {
    return Optional.ofNullable(JSQLPARSER_DIALECTS.get(dialect.name()));
  }

  /**
   * Configures a fresh parser for the dialect; our dialect data wins over JSqlParser's defaults.
   */
  static CCJSqlParser configure(CCJSqlParser parser, Dialect dialect, boolean complex) {
    jsqlParserDialect(dialect).ifPresent(parser::withDialect);
    DialectSyntax syntax = dialect.syntax();
    return parser
        .withSquareBracketQuotation(dialect.closingQuote('[').isPresent())
        .withBackslashEscapeCharacter(syntax.backslashEscapes())
        .withHashLineComments(syntax.hashComments())
        .withDoubleQuotedStrings(syntax.doubleQuotedStrings())
        .withDollarQuotedStringTags(syntax.dollarQuotedStrings())
        .withAllowComplexParsing(complex);
  }
}
