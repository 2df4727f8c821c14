package io.tributary.sql.lineage;

import io.tributary.sql.model.StatementKind;
import io.tributary.sql.resolve.QueryOutput;
import io.tributary.sql.resolve.ScopeKind;
import java.util.List;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.Select;

/** {@code SELECT ... INTO t FROM ...}: a new table whose columns are the query's outputs. */
final class SelectIntoExtractor {

  private final AnalysisContext context;

  SelectIntoExtractor(AnalysisContext context) {
    this.context = context;
  }

  Extraction extract(Select select, Table into) {
    QueryAnalyzer queries = new QueryAnalyzer(context);
    QueryOutput output = queries.query(select, null, ScopeKind.ROOT);
    TargetTable target = new TargetTable(context, queries.from().table(into));
    LineagePairs pairs = new LineagePairs();
    target.mapOnto(output, List.of(), pairs);
    return Extraction.of(StatementKind.SELECT_INTO, target.name(), pairs);
  }
}
