package io.tributary.sql.lineage;

import io.tributary.sql.model.StatementKind;
import io.tributary.sql.resolve.QueryOutput;
import io.tributary.sql.resolve.ScopeKind;
import java.util.ArrayList;
import java.util.List;
import net.sf.jsqlparser.statement.create.view.AlterView;
import net.sf.jsqlparser.statement.create.view.CreateView;

/** {@code CREATE [OR REPLACE] [MATERIALIZED] VIEW v [(cols)] AS SELECT}, and ALTER VIEW ... AS. */
final class CreateViewExtractor {

  private final AnalysisContext context;

  CreateViewExtractor(AnalysisContext context) {
    this.context = context;
  }

  Extraction extract(CreateView create) {
    QueryAnalyzer queries = new QueryAnalyzer(context);
    QueryOutput output = queries.query(create.getSelect(), null, ScopeKind.ROOT);
    TargetTable target = new TargetTable(context, queries.from().table(create.getView()));
    LineagePairs pairs = new LineagePairs();
    target.mapOnto(output, target.names(create.getColumnNames()), pairs);
    StatementKind kind =
        create.isMaterialized()
            ? StatementKind.CREATE_MATERIALIZED_VIEW
            : StatementKind.CREATE_VIEW;
    return Extraction.of(kind, target.name(), pairs);
  }

  /** {@code ALTER VIEW v [(cols)] AS SELECT} redefines the view: the same lineage. */
  Extraction extract(AlterView alter) {
    QueryAnalyzer queries = new QueryAnalyzer(context);
    QueryOutput output = queries.query(alter.getSelect(), null, ScopeKind.ROOT);
    TargetTable target = new TargetTable(context, queries.from().table(alter.getView()));
    LineagePairs pairs = new LineagePairs();
    List<String> names = new ArrayList<>();
    if (alter.getColumnNames() != null) {
      for (String c : alter.getColumnNames()) {
        names.add(context.dialect.normalize(c));
      }
    }
    target.mapOnto(output, names, pairs);
    return Extraction.of(StatementKind.CREATE_VIEW, target.name(), pairs);
  }
}
