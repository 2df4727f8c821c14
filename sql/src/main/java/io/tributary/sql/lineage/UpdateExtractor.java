package io.tributary.sql.lineage;

import io.tributary.sql.model.StatementKind;
import io.tributary.sql.resolve.Scope;
import io.tributary.sql.resolve.ScopeKind;
import io.tributary.sql.resolve.Source;
import io.tributary.sql.resolve.TableSource;
import java.util.List;
import java.util.Optional;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.update.UpdateSet;

/**
 * UPDATE in its forms: plain; {@code UPDATE t SET ... FROM s} (PostgreSQL, Redshift, Snowflake);
 * {@code UPDATE a SET ... FROM t a JOIN s} (T-SQL, the target named by its alias in FROM); MySQL's
 * {@code UPDATE t1 JOIN t2 ON ... SET t1.c = t2.c}. The target is a source only when its own
 * columns flow into a written value.
 */
final class UpdateExtractor {

  private final AnalysisContext context;

  UpdateExtractor(AnalysisContext context) {
    this.context = context;
  }

  Extraction extract(Update update) {
    QueryAnalyzer queries = new QueryAnalyzer(context);
    Scope scope = new Scope(ScopeKind.ROOT, null, context.dialect);
    queries.defineCtes(update.getWithItemsList(), scope);
    Table table = update.getTable();
    TableSource written = null;
    if (update.getFromItem() != null) {
      queries.from().bind(update.getFromItem(), scope);
      if (update.getJoins() != null) {
        for (Join join : update.getJoins()) {
          queries.from().join(join, scope);
        }
      }
      written = targetInFrom(table, scope);
    }
    if (written == null) {
      written = queries.from().table(table);
      scope.add(written);
    }
    if (update.getStartJoins() != null) {
      for (Join join : update.getStartJoins()) {
        queries.from().join(join, scope);
      }
      TableSource qualified = qualifiedTarget(update, scope).orElse(written);
      if (qualified != written) {
        // UPDATE t1 JOIN t2 SET t2.c = ...: t1 is read like any joined table, t2 is written.
        context.readFirst(written.name());
        written = qualified;
      }
    }
    scope.prefer(written);
    TargetTable target = new TargetTable(context, written);
    LineagePairs pairs = new LineagePairs();
    List<UpdateSet> sets = update.getUpdateSets() == null ? List.of() : update.getUpdateSets();
    for (UpdateSet set : sets) {
      context.deadline.check();
      UpdateAssignments.apply(set, target, scope, queries, pairs, context);
    }
    queries.indirect(update.getWhere(), scope);
    target.readOnlyIfItFlows(pairs);
    return Extraction.of(StatementKind.UPDATE, target.name(), pairs);
  }

  /**
   * T-SQL's target in its own FROM clause: named by an alias FROM defines, or by the name of a FROM
   * table without alias ({@code UPDATE dbo.t SET ... FROM dbo.t JOIN s ...}). An aliased table of
   * the same name is another instance (a PostgreSQL self-join).
   */
  private TableSource targetInFrom(Table table, Scope scope) {
    Optional<Source> named = scope.source(context.dialect.normalize(table.getName()));
    if (named.orElse(null) instanceof TableSource t
        && (table.getNameParts().size() == 1 || t.name().equals(context.names.qualify(table)))) {
      return t;
    }
    return null;
  }

  /** MySQL multi-table UPDATE writes the table its SET columns are qualified with. */
  private Optional<TableSource> qualifiedTarget(Update update, Scope scope) {
    for (UpdateSet set : update.getUpdateSets()) {
      for (Column column : set.getColumns()) {
        if (column.getTable() != null && column.getTable().getName() != null) {
          Optional<Source> source =
              scope.source(context.dialect.normalize(column.getTable().getName()));
          if (source.orElse(null) instanceof TableSource t) {
            return Optional.of(t);
          }
        }
      }
    }
    return Optional.empty();
  }
}
