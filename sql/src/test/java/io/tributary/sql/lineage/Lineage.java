package io.tributary.sql.lineage;

import io.tributary.sql.catalog.Catalog;
import io.tributary.sql.dialect.Dialect;
import io.tributary.sql.model.ColumnLineage;
import io.tributary.sql.model.ColumnName;
import io.tributary.sql.model.SessionDefaults;
import io.tributary.sql.model.StatementLineage;
import io.tributary.sql.model.TableName;
import io.tributary.sql.parse.Deadline;
import java.util.List;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;

/** Runs the extractor on SQL text and prints results compactly for exact assertions. */
final class Lineage {

  private Lineage() {}

  static StatementLineage of(
      String sql, Dialect dialect, Catalog catalog, SessionDefaults defaults) {
    try {
      return new StatementLineageExtractor(dialect, catalog)
          .extract(0, sql, CCJSqlParserUtil.parse(sql), defaults, Deadline.none());
    } catch (JSQLParserException e) {
      throw new AssertionError("test SQL does not parse: " + sql, e);
    }
  }

  /** Pairs as {@code from -> to kind}, in the extractor's order. */
  static List<String> pairs(StatementLineage lineage) {
    return lineage.columns().stream().map(Lineage::pair).toList();
  }

  static List<String> sources(StatementLineage lineage) {
    return lineage.sources().stream().map(TableName::qualified).toList();
  }

  static List<String> indirect(StatementLineage lineage) {
    return lineage.indirect().stream().map(ColumnName::toString).toList();
  }

  private static String pair(ColumnLineage c) {
    return c.from() + " -> " + c.to() + " " + c.kind().jsonName();
  }
}
