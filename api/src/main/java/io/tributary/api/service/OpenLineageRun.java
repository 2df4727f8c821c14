package io.tributary.api.service;

import io.tributary.api.service.QueryLineageService.DeclaredColumn;
import io.tributary.sql.model.StatementLineage;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * An OpenLineage run event, read and checked: which job ran, and the lineage it reports.
 *
 * @param eventType START, RUNNING, COMPLETE, ABORT, FAIL or OTHER (COMPLETE when the event has
 *     none)
 * @param writes one per output dataset: the output as target, the inputs as sources, the column
 *     lineage facet as column flows
 * @param columns the columns the schema facets of the inputs and outputs name, with their types
 * @param sql the SQL job facet's query, when the event has one
 */
public record OpenLineageRun(
    String eventType,
    Instant eventTime,
    UUID runId,
    String jobNamespace,
    String jobName,
    List<StatementLineage> writes,
    List<DeclaredColumn> columns,
    Optional<String> sql) {

  /** ABORT and FAIL report a run that did not finish: its lineage did not happen. */
  public boolean carriesLineage() {
    return !eventType.equals("ABORT") && !eventType.equals("FAIL");
  }
}
