package io.tributary.sql.lineage;

import io.tributary.sql.model.StatementKind;
import io.tributary.sql.resolve.Scope;
import io.tributary.sql.resolve.ScopeKind;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;

/** DELETE: no target and no column lineage; the tables it reads and its filter columns. */
final class DeleteExtractor {

  private final AnalysisContext context;

  DeleteExtractor(AnalysisContext context) {
    this.context = context;
  }

  Extraction extract(Delete delete) {
    QueryAnalyzer queries = new QueryAnalyzer(context);
    Scope scope = new Scope(ScopeKind.ROOT, null, context.dialect);
    queries.defineCtes(delete.getWithItemsList(), scope);
    if (delete.getTable() != null) {
      queries.from().bind(delete.getTable(), scope);
    }
    if (delete.getUsingFromItemList() != null) {
      for (FromItem using : delete.getUsingFromItemList()) {
        queries.from().bind(using, scope);
      }
    }
    if (delete.getJoins() != null) {
      for (Join join : delete.getJoins()) {
        queries.from().join(join, scope);
      }
    }
    queries.indirect(delete.getWhere(), scope);
    return Extraction.of(StatementKind.DELETE, null, new LineagePairs());
  }
}
