package io.tributary.connectors.catalog;

import io.tributary.connectors.store.ResourceDao;
import io.tributary.connectors.store.ResourceRow;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes catalog entries to the store in batches of about {@value #BATCH_ROWS} rows per
 * transaction. Ids are name-based, so writing the same catalog again updates it in place.
 */
public final class CatalogWriter implements AutoCloseable {

  static final int BATCH_ROWS = 1000;

  /** What was written. */
  public record Summary(int tables, int columns) {}

  private final ResourceDao resources;
  private final List<ResourceRow> pending = new ArrayList<>();
  private int tables;
  private int columns;

  public CatalogWriter(ResourceDao resources) {
    this.resources = resources;
  }

  public void add(CatalogEntry entry) {
    pending.addAll(entry.rows());
    tables++;
    columns += entry.columns().size();
    if (pending.size() >= BATCH_ROWS) {
      flush();
    }
  }

  public void flush() {
    resources.upsert(pending);
    pending.clear();
  }

  public Summary summary() {
    return new Summary(tables, columns);
  }

  @Override
  public void close() {
    flush();
  }
}
