package io.tributary.jobs.pipeline;

import io.tributary.sql.model.ColumnLineage;
import io.tributary.sql.model.StatementLineage;
import io.tributary.sql.model.TableName;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The edges of one analyzed statement: each source table → the target table, and each column pair
 * between two table columns. Statements without a target table (plain SELECTs, DELETEs, utility
 * statements) have none; a pair that keeps an unknown table's {@code *} visible is not an edge, nor
 * is a column that flows into itself ({@code SET total = total + x}).
 */
public final class StatementEdges {

  private StatementEdges() {}

  /**
   * The edges of one statement whose executions ran between {@code firstSeen} and {@code lastSeen}.
   */
  public static List<NamedEdge> of(
      StatementLineage lineage, String fingerprint, long firstSeen, long lastSeen) {
    if (lineage.failed() || lineage.target().isEmpty()) {
      return List.of();
    }
    TableName target = lineage.target().get();
    Set<NamedEdge> edges = new LinkedHashSet<>();
    EdgeEnd to = EdgeEnd.of(target);
    for (TableName source : lineage.sources()) {
      EdgeEnd from = EdgeEnd.of(source);
      if (!from.equals(to)) {
        edges.add(new NamedEdge(from, to, fingerprint, firstSeen, lastSeen));
      }
    }
    for (ColumnLineage pair : lineage.columns()) {
      if (pair.from().table().isEmpty()
          || pair.to().table().isEmpty()
          || "*".equals(pair.from().name())
          || "*".equals(pair.to().name())) {
        continue;
      }
      EdgeEnd from = EdgeEnd.of(pair.from());
      EdgeEnd toColumn = EdgeEnd.of(pair.to());
      if (!from.equals(toColumn)) {
        edges.add(new NamedEdge(from, toColumn, fingerprint, firstSeen, lastSeen));
      }
    }
    return new ArrayList<>(edges);
  }
}
