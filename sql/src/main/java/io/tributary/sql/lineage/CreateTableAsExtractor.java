package io.tributary.sql.lineage;

import io.tributary.sql.model.StatementKind;
import io.tributary.sql.resolve.QueryOutput;
import io.tributary.sql.resolve.ScopeKind;
import java.util.ArrayList;
import java.util.List;
import net.sf.jsqlparser.statement.create.table.ColumnDefinition;
import net.sf.jsqlparser.statement.create.table.CreateTable;

/** {@code CREATE TABLE t [(cols)] AS [WITH ...] SELECT}: the query's outputs become t's columns. */
final class CreateTableAsExtractor {

  private final AnalysisContext context;

  CreateTableAsExtractor(AnalysisContext context) {
    this.context = context;
  }

  Extraction extract(CreateTable create) {
    QueryAnalyzer queries = new QueryAnalyzer(context);
    QueryOutput output = queries.query(create.getSelect(), null, ScopeKind.ROOT);
    TargetTable target = new TargetTable(context, queries.from().table(create.getTable()));
    LineagePairs pairs = new LineagePairs();
    target.mapOnto(output, columnNames(create), pairs);
    return Extraction.of(StatementKind.CREATE_TABLE_AS, target.name(), pairs);
  }

  private List<String> columnNames(CreateTable create) {
    List<String> names = new ArrayList<>();
    if (create.getColumnDefinitions() != null) {
      for (ColumnDefinition d : create.getColumnDefinitions()) {
        names.add(context.dialect.normalize(d.getColumnName()));
      }
    } else if (create.getColumns() != null) {
      for (String c : create.getColumns()) {
        names.add(context.dialect.normalize(c));
      }
    }
    return names;
  }
}
