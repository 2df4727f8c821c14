package io.tributary.sql.lineage;

import io.tributary.sql.model.StatementKind;
import io.tributary.sql.resolve.ColumnOrigins;
import io.tributary.sql.resolve.OutputColumn;
import io.tributary.sql.resolve.QueryOutput;
import io.tributary.sql.resolve.Scope;
import io.tributary.sql.resolve.ScopeKind;
import java.util.ArrayList;
import java.util.List;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.WithItem;
import net.sf.jsqlparser.statement.update.UpdateSet;
import net.sf.jsqlparser.statement.upsert.Upsert;

/**
 * {@code INSERT [OVERWRITE] INTO t [(cols)] SELECT | VALUES}, MySQL's {@code INSERT ... SET}, and
 * the statements JSqlParser calls upserts ({@code REPLACE INTO}, SQLite's {@code INSERT OR
 * REPLACE}, {@code UPSERT INTO}). Outputs map onto the target by position; a conflict action is
 * read by {@link ConflictUpdate}. The target is a source only when its own columns flow into a
 * written value.
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
    QueryAnalyzer queries = new QueryAnalyzer(context);
    TargetTable target = new TargetTable(context, queries.from().table(insert.getTable()));
    LineagePairs pairs = new LineagePairs();
    Scope scope = new Scope(ScopeKind.ROOT, null, context.dialect);
    QueryOutput written =
        write(
            queries,
            target,
            scope,
            insert.getColumns(),
            insert.getWithItemsList(),
            insert.getSelect(),
            insert.getSetUpdateSets(),
            pairs);
    new ConflictUpdate(context, queries).apply(insert, target, written, scope, pairs);
    target.readIfItFlows(pairs);
    return Extraction.of(kind, target.name(), pairs);
  }

  Extraction extract(Upsert upsert) {
    QueryAnalyzer queries = new QueryAnalyzer(context);
    TargetTable target = new TargetTable(context, queries.from().table(upsert.getTable()));
    LineagePairs pairs = new LineagePairs();
    Scope scope = new Scope(ScopeKind.ROOT, null, context.dialect);
    write(
        queries,
        target,
        scope,
        upsert.getColumns(),
        null,
        upsert.getSelect(),
        upsert.getUpdateSets(),
        pairs);
    target.readIfItFlows(pairs);
    return Extraction.of(StatementKind.INSERT, target.name(), pairs);
  }

  /** Adds the inserted values' lineage; returns the row written, named by the target's columns. */
  private QueryOutput write(
      QueryAnalyzer queries,
      TargetTable target,
      Scope scope,
      List<Column> columns,
      List<WithItem<?>> with,
      Select select,
      List<UpdateSet> sets,
      LineagePairs pairs) {
    queries.defineCtes(with, scope);
    if (select != null) {
      QueryOutput output = queries.body(select, scope);
      return target.map(output, target.names(columns), pairs);
    }
    List<OutputColumn> written = new ArrayList<>();
    if (sets != null) {
      for (UpdateSet set : sets) {
        List<Column> setColumns = set.getColumns();
        for (int i = 0; i < setColumns.size() && i < set.getValues().size(); i++) {
          Expression value = (Expression) set.getValues().get(i);
          String name = context.dialect.normalize(setColumns.get(i).getColumnName());
          ColumnOrigins origins = queries.expression(value, scope);
          pairs.add(origins, target.column(name));
          written.add(new OutputColumn(name, origins));
        }
      }
    }
    return new QueryOutput(written);
  }
}
