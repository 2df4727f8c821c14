package io.tributary.jobs.pipeline;

import io.tributary.sql.model.StatementKind;
import io.tributary.sql.model.TableChange;
import java.util.List;

/**
 * What one analyzed DDL statement does to tables (creations, columns, renames, swaps, drops), at
 * the time it ran, for the store's schema history.
 *
 * @param kind the statement's kind
 * @param fingerprint the statement's fingerprint (recorded on the links a rename writes)
 * @param atMillis when its first execution started, epoch milliseconds
 * @param changes its table changes, in the statement's order
 */
public record StatementChanges(
    StatementKind kind, String fingerprint, long atMillis, List<TableChange> changes) {

  public StatementChanges {
    changes = List.copyOf(changes);
  }

  /** Whether the table it creates is a view. */
  boolean createsView() {
    return kind == StatementKind.CREATE_VIEW || kind == StatementKind.CREATE_MATERIALIZED_VIEW;
  }
}
