package io.tributary.jobs.pipeline;

import io.tributary.connectors.store.LineageEdges;
import io.tributary.sql.model.ColumnLineage;
import io.tributary.sql.model.ColumnName;
import io.tributary.sql.model.LineageKind;
import io.tributary.sql.model.StatementLineage;
import io.tributary.sql.model.TableName;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * One analyzed statement that writes a table, as an OpenLineage run describes it.
 *
 * @param fingerprint the statement's fingerprint (the job's name)
 * @param origin where it was read from (the job's namespace)
 * @param dialect its SQL dialect
 * @param sql its text as first seen
 * @param startMillis when its first execution in this batch started (the event time)
 * @param sources the tables it reads
 * @param target the table it writes
 * @param columns each target column's source columns
 * @param indirect columns that only filter, join or group rows
 */
public record StatementRun(
    String fingerprint,
    String origin,
    String dialect,
    String sql,
    long startMillis,
    List<EdgeEnd> sources,
    EdgeEnd target,
    List<ColumnFlow> columns,
    List<EdgeEnd> indirect) {

  /** A source column flowing into a target column, {@code derived} when not copied as it is. */
  public record ColumnFlow(EdgeEnd from, EdgeEnd to, boolean derived) {}

  /** The run of a statement that writes a table; empty for one that writes none. */
  public static Optional<StatementRun> of(
      String fingerprint,
      String origin,
      String dialect,
      String sql,
      long startMillis,
      StatementLineage lineage) {
    if (lineage.failed() || lineage.target().isEmpty()) {
      return Optional.empty();
    }
    if (lineage.kind().isDdl() && lineage.columns().isEmpty()) {
      return Optional.empty(); // DDL that moves no rows (DROP, RENAME, ALTER..) writes no data
    }
    List<EdgeEnd> sources = new ArrayList<>();
    lineage.sources().forEach(t -> sources.add(EdgeEnd.of(t)));
    List<ColumnFlow> columns = new ArrayList<>();
    for (ColumnLineage pair : lineage.columns()) {
      if (LineageEdges.betweenTableColumns(pair)) {
        columns.add(
            new ColumnFlow(
                EdgeEnd.of(pair.from()), EdgeEnd.of(pair.to()), pair.kind() != LineageKind.DIRECT));
      }
    }
    LinkedHashSet<EdgeEnd> indirect = new LinkedHashSet<>();
    for (ColumnName column : lineage.indirect()) {
      column.table().ifPresent(t -> indirect.add(EdgeEnd.of(t, column.name())));
    }
    TableName target = lineage.target().get();
    return Optional.of(
        new StatementRun(
            fingerprint,
            origin,
            dialect,
            sql,
            startMillis,
            List.copyOf(sources),
            EdgeEnd.of(target),
            List.copyOf(columns),
            List.copyOf(indirect)));
  }
}
