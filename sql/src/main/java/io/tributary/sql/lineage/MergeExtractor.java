package io.tributary.sql.lineage;

import io.tributary.sql.model.StatementKind;
import io.tributary.sql.model.WarningKind;
import io.tributary.sql.parse.MergeStars;
import io.tributary.sql.resolve.OutputColumn;
import io.tributary.sql.resolve.Scope;
import io.tributary.sql.resolve.ScopeKind;
import io.tributary.sql.resolve.Source;
import java.util.List;
import java.util.Optional;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.merge.Merge;
import net.sf.jsqlparser.statement.merge.MergeDelete;
import net.sf.jsqlparser.statement.merge.MergeInsert;
import net.sf.jsqlparser.statement.merge.MergeOperation;
import net.sf.jsqlparser.statement.merge.MergeUpdate;
import net.sf.jsqlparser.statement.update.UpdateSet;

/**
 * {@code MERGE INTO t USING s ON ...}: every {@code WHEN MATCHED THEN UPDATE SET c = e} gives e ->
 * c, every {@code WHEN NOT MATCHED THEN INSERT (c, ...) VALUES (e, ...)} maps by position; {@code
 * UPDATE SET *} and {@code INSERT *} (or {@code ROW}) map every column by name. The ON and WHEN
 * conditions are indirect.
 */
final class MergeExtractor {

  private final AnalysisContext context;

  MergeExtractor(AnalysisContext context) {
    this.context = context;
  }

  Extraction extract(Merge merge) {
    QueryAnalyzer queries = new QueryAnalyzer(context);
    Scope scope = new Scope(ScopeKind.ROOT, null, context.dialect);
    queries.defineCtes(merge.getWithItemsList(), scope);
    TargetTable target = new TargetTable(context, queries.from().table(merge.getTable()));
    scope.add(target.source());
    queries.from().bind(merge.getFromItem(), scope);
    // WHEN NOT MATCHED rows exist only in the source: its INSERT values cannot read the target.
    Scope sourceOnly = new Scope(ScopeKind.ROOT, null, context.dialect);
    for (Source source : scope.sources()) {
      if (source != target.source()) {
        sourceOnly.add(source);
      }
    }
    queries.indirect(merge.getOnCondition(), scope);
    LineagePairs pairs = new LineagePairs();
    if (merge.getOperations() != null) {
      for (MergeOperation operation : merge.getOperations()) {
        context.deadline.check();
        if (operation instanceof MergeUpdate update) {
          update(update, target, scope, queries, pairs);
        } else if (operation instanceof MergeInsert insert) {
          insert(insert, target, scope, sourceOnly, queries, pairs);
        } else if (operation instanceof MergeDelete delete) {
          queries.indirect(delete.getAndPredicate(), scope);
        }
      }
    }
    target.readIfItFlows(pairs);
    return Extraction.of(StatementKind.MERGE, target.name(), pairs);
  }

  private void update(
      MergeUpdate update,
      TargetTable target,
      Scope scope,
      QueryAnalyzer queries,
      LineagePairs pairs) {
    queries.indirect(update.getAndPredicate(), scope);
    queries.indirect(update.getWhereCondition(), scope);
    queries.indirect(update.getDeleteWhereCondition(), scope);
    if (update.getUpdateSets() == null) {
      return;
    }
    for (UpdateSet set : update.getUpdateSets()) {
      if (isAllColumns(set.getColumns())) {
        allColumns(target, scope, pairs);
      } else {
        UpdateAssignments.apply(set, target, scope, queries, pairs, context);
      }
    }
  }

  private void insert(
      MergeInsert insert,
      TargetTable target,
      Scope scope,
      Scope sourceOnly,
      QueryAnalyzer queries,
      LineagePairs pairs) {
    queries.indirect(insert.getAndPredicate(), scope);
    queries.indirect(insert.getWhereCondition(), scope);
    if (isAllColumns(insert.getColumns())) {
      allColumns(target, sourceOnly, pairs);
      return;
    }
    List<String> names = target.names(insert.getColumns());
    if (names.isEmpty()) {
      names = target.catalogColumns().orElse(List.of());
    }
    List<Expression> values = insert.getValues() == null ? List.of() : insert.getValues();
    if (names.isEmpty() && !values.isEmpty()) {
      context.warn(
          WarningKind.UNKNOWN_COLUMNS,
          "MERGE inserts into "
              + target.name().qualified()
              + " without a column list and the catalog does not know it: no column lineage");
      return;
    }
    for (int i = 0; i < values.size() && i < names.size(); i++) {
      pairs.add(queries.expression(values.get(i), sourceOnly), target.column(names.get(i)));
    }
  }

  private static boolean isAllColumns(List<Column> columns) {
    return columns != null
        && columns.size() == 1
        && columns.get(0).getColumnName().equalsIgnoreCase(MergeStars.ALL_COLUMNS);
  }

  /**
   * {@code UPDATE SET *}, {@code INSERT *}, {@code INSERT ROW}: each target column from the source
   * column of the same name. The names are the target's when the catalog knows it, else the
   * source's; a source table the catalog does not know gives {@code s.* -> t.*} and a warning.
   */
  private void allColumns(TargetTable target, Scope scope, LineagePairs pairs) {
    StarExpander stars = new StarExpander(context);
    Optional<List<String>> targetColumns = target.catalogColumns();
    for (Source source : scope.sources()) {
      if (source == target.source()) {
        continue;
      }
      for (OutputColumn column : stars.columns(source)) {
        boolean written =
            column.isStar()
                || targetColumns.isEmpty()
                || targetColumns.get().stream().anyMatch(c -> c.equalsIgnoreCase(column.name()));
        if (written) {
          pairs.add(column.origins(), target.column(column.name()));
        }
      }
    }
  }
}
