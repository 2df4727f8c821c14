package io.tributary.sql.lineage;

import io.tributary.sql.model.StatementKind;
import io.tributary.sql.resolve.QueryOutput;
import io.tributary.sql.resolve.Scope;
import io.tributary.sql.resolve.ScopeKind;
import io.tributary.sql.resolve.TableSource;
import java.util.List;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.update.UpdateSet;

/**
 * {@code INSERT [OVERWRITE] INTO t [(cols)] SELECT | VALUES}, and MySQL's {@code INSERT ... SET}.
 * Outputs map onto the target by position.
 */
final class InsertExtractor {

  private final AnalysisContext context;

  InsertExtractor(AnalysisContext context) {
    this.context = context;
  }

  Extraction extract(Insert insert) {
    if (insert.getTable() == null || insert.isOracleMultiInsert()) {
      throw new UnsupportedOperationException("multi-table INSERT is not analyzed yet");
    }
    QueryAnalyzer queries = new QueryAnalyzer(context);
    TableSource table = queries.from().table(insert.getTable());
    TargetTable target = new TargetTable(context, table);
    LineagePairs pairs = new LineagePairs();
    Scope scope = new Scope(ScopeKind.ROOT, null, context.dialect);
    queries.defineCtes(insert.getWithItemsList(), scope);
    if (insert.getSelect() != null) {
      QueryOutput output = queries.body(insert.getSelect(), scope);
      target.map(output, target.names(insert.getColumns()), pairs);
    } else if (insert.getSetUpdateSets() != null) {
      for (UpdateSet set : insert.getSetUpdateSets()) {
        List<Column> columns = set.getColumns();
        for (int i = 0; i < columns.size() && i < set.getValues().size(); i++) {
          Expression value = (Expression) set.getValues().get(i);
          pairs.add(
              queries.expression(value, scope),
              target.column(context.dialect.normalize(columns.get(i).getColumnName())));
        }
      }
    }
    StatementKind kind =
        insert.isOverwrite() ? StatementKind.INSERT_OVERWRITE : StatementKind.INSERT;
    return Extraction.of(kind, target.name(), pairs);
  }
}
