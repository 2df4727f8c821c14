package io.tributary.jobs.pipeline;

import io.tributary.connectors.store.EntityType;
import io.tributary.connectors.store.SchemaHistoryDao;
import io.tributary.connectors.store.SchemaHistoryDao.LearnedColumn;
import io.tributary.connectors.store.SharedLineageStores;
import io.tributary.sql.model.DeclaredColumn;
import io.tributary.sql.model.TableChange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * Writes the table changes of DDL statements into the store's schema history ({@link
 * SchemaHistoryDao}). Streaming, each statement as it comes, in the order its task sends them;
 * batch, all of them at the end of the input, in the order they ran (by start time), which is the
 * order across tasks too when the sink runs as one task. Each operation is idempotent, so a replay
 * of the same log changes nothing.
 */
final class SchemaHistorySink implements Sink<StatementChanges> {

  private static final long serialVersionUID = 1L;

  private final String url;
  private final boolean atEndInTimeOrder;

  /**
   * @param atEndInTimeOrder whether to hold the statements until the input ends, then write them
   *     ordered by time (batch)
   */
  SchemaHistorySink(String url, boolean atEndInTimeOrder) {
    this.url = url;
    this.atEndInTimeOrder = atEndInTimeOrder;
  }

  @Override
  public SinkWriter<StatementChanges> createWriter(WriterInitContext context) {
    return new Writer(SharedLineageStores.acquire(url), atEndInTimeOrder);
  }

  private static final class Writer implements SinkWriter<StatementChanges> {
    private final SharedLineageStores.Lease lease;
    private final List<StatementChanges> held;

    Writer(SharedLineageStores.Lease lease, boolean atEndInTimeOrder) {
      this.lease = lease;
      this.held = atEndInTimeOrder ? new ArrayList<>() : null;
    }

    @Override
    public void write(StatementChanges statement, Context context) {
      if (held != null) {
        held.add(statement);
      } else {
        record(statement);
      }
    }

    @Override
    public void flush(boolean endOfInput) {
      if (held != null && endOfInput) {
        // Stable: statements of one time keep the order their task sent them in.
        held.sort(Comparator.comparingLong(StatementChanges::atMillis));
        held.forEach(this::record);
        held.clear();
      }
    }

    private void record(StatementChanges statement) {
      SchemaHistoryDao history = lease.store().schemaHistory();
      Instant at = Instant.ofEpochMilli(statement.atMillis());
      Optional<String> fingerprint = Optional.of(statement.fingerprint());
      EntityType created = statement.createsView() ? EntityType.VIEW : EntityType.TABLE;
      for (TableChange change : statement.changes()) {
        apply(history, change, created, at, fingerprint);
      }
    }

    @Override
    public void close() {
      lease.close();
    }
  }

  /**
   * One change into the history, of a lasting table (the analyzer's session stitcher leaves
   * temporary ones out). A table created LIKE or as a CLONE of another is not recorded yet (its
   * columns are the template's, which the change does not carry); TRUNCATE changes rows, not the
   * schema.
   */
  static void apply(
      SchemaHistoryDao history,
      TableChange change,
      EntityType created,
      Instant at,
      Optional<String> fingerprint) {
    if (change instanceof TableChange.Created c) {
      history.learnTable(c.table(), created, learned(c.columns()), at);
    } else if (change instanceof TableChange.ColumnAdded c) {
      history.learnColumns(c.table(), learned(List.of(c.column())), at);
    } else if (change instanceof TableChange.ColumnDropped c) {
      history.dropColumns(c.table(), List.of(c.column()), at);
    } else if (change instanceof TableChange.ColumnRenamed c) {
      // The history has no column rename: the old column is dropped, the new one learned.
      history.dropColumns(c.table(), List.of(c.from()), at);
      history.learnColumns(c.table(), List.of(LearnedColumn.of(c.to(), null)), at);
    } else if (change instanceof TableChange.Renamed r) {
      history.rename(r.from(), r.table(), at, fingerprint);
    } else if (change instanceof TableChange.Swapped s) {
      history.swap(s.table(), s.other(), at, fingerprint);
    } else if (change instanceof TableChange.Dropped d) {
      history.drop(d.table(), at);
    }
    // CreatedFrom and Truncated are left out, as said above.
  }

  private static List<LearnedColumn> learned(List<DeclaredColumn> columns) {
    return columns.stream().map(c -> LearnedColumn.of(c.name(), c.type().orElse(null))).toList();
  }
}
