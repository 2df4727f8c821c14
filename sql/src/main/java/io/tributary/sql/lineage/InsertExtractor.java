package io.tributary.sql.lineage;

import io.tributary.sql.model.StatementKind;
import io.tributary.sql.resolve.QueryOutput;
import io.tributary.sql.resolve.Scope;
import io.tributary.sql.resolve.ScopeKind;
import java.util.List;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.WithItem;
import net.sf.jsqlparser.statement.update.UpdateSet;
import net.sf.jsqlparser.statement.upsert.Upsert;

/**
 * {@code INSERT [OVERWRITE] INTO t [(cols)] SELECT | VALUES}, MySQL's {@code INSERT ... SET}, and
 * the statements JSqlParser calls upserts ({@code REPLACE INTO}, SQLite's {@code INSERT OR
 * REPLACE}, {@code UPSERT INTO}). Outputs map onto the target by position. The target is a source
 * only when its own columns flow into a written value.
 */
final class InsertExtractor {

  private final AnalysisContext context;

  InsertExtractor(AnalysisContext context) {
    this.context = context;
  }

  Extraction extract(Insert insert) {
    if (insert.getTable() == null || insert.isOracleMultiInsert()) {
      throw new UnsupportedLineageException("multi-table INSERT is not analyzed yet");
    }
    StatementKind kind =
        insert.isOverwrite() ? StatementKind.INSERT_OVERWRITE : StatementKind.INSERT;
    return extract(
        kind,
        insert.getTable(),
        insert.getColumns(),
        insert.getWithItemsList(),
        insert.getSelect(),
        insert.getSetUpdateSets());
  }

  Extraction extract(Upsert upsert) {
    return extract(
        StatementKind.INSERT,
        upsert.getTable(),
        upsert.getColumns(),
        null,
        upsert.getSelect(),
        upsert.getUpdateSets());
  }

  private Extraction extract(
      StatementKind kind,
      Table table,
      List<Column> columns,
      List<WithItem<?>> with,
      Select select,
      List<UpdateSet> sets) {
    QueryAnalyzer queries = new QueryAnalyzer(context);
    TargetTable target = new TargetTable(context, queries.from().table(table));
    LineagePairs pairs = new LineagePairs();
    Scope scope = new Scope(ScopeKind.ROOT, null, context.dialect);
    queries.defineCtes(with, scope);
    if (select != null) {
      QueryOutput output = queries.body(select, scope);
      target.map(output, target.names(columns), pairs);
    } else if (sets != null) {
      for (UpdateSet set : sets) {
        List<Column> setColumns = set.getColumns();
        for (int i = 0; i < setColumns.size() && i < set.getValues().size(); i++) {
          Expression value = (Expression) set.getValues().get(i);
          pairs.add(
              queries.expression(value, scope),
              target.column(context.dialect.normalize(setColumns.get(i).getColumnName())));
        }
      }
    }
    target.readOnlyIfItFlows(pairs);
    return Extraction.of(kind, target.name(), pairs);
  }
}
