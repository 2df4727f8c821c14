package io.tributary.sql.lineage;

import io.tributary.sql.model.ColumnName;
import io.tributary.sql.model.StatementKind;
import io.tributary.sql.resolve.OutputColumn;
import io.tributary.sql.resolve.QueryOutput;
import io.tributary.sql.resolve.ScopeKind;
import net.sf.jsqlparser.statement.select.Select;

/** A plain SELECT: its output columns are the lineage targets, with no table. */
final class SelectExtractor {

  private final AnalysisContext context;

  SelectExtractor(AnalysisContext context) {
    this.context = context;
  }

  Extraction extract(Select select) {
    QueryOutput output = new QueryAnalyzer(context).query(select, null, ScopeKind.ROOT);
    LineagePairs pairs = new LineagePairs();
    for (OutputColumn c : output.columns()) {
      pairs.add(c.origins(), ColumnName.output(c.name()));
    }
    return Extraction.of(StatementKind.SELECT, null, pairs);
  }
}
