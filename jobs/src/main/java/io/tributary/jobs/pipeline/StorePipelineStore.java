package io.tributary.jobs.pipeline;

import io.tributary.connectors.sink.EdgeDirectionRow;
import io.tributary.connectors.sink.EdgeStatus;
import io.tributary.connectors.sink.ExecutionCount;
import io.tributary.connectors.sink.LineageStoreSink;
import io.tributary.connectors.sink.QueryStats;
import io.tributary.connectors.store.DeadLetter;
import io.tributary.connectors.store.Direction;
import io.tributary.connectors.store.LineageEdge;
import io.tributary.connectors.store.LineageStore;
import io.tributary.connectors.store.ResourceRow;
import io.tributary.connectors.store.SharedLineageStores;
import io.tributary.connectors.store.StoreCatalog;
import io.tributary.connectors.store.StoreIds;
import io.tributary.sql.catalog.Catalog;
import io.tributary.sql.catalog.CatalogTable;
import io.tributary.sql.model.TableName;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.flink.api.connector.sink2.Sink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pipeline's view of the JDBC lineage store. The tasks of a job in one TaskManager share one
 * small connection pool ({@link SharedLineageStores}), closed when the last of them ends; the
 * schema is migrated once, where the job starts ({@link #migrated}), never by a task. Each task
 * loads the store's catalog (the name → id index) through that pool; names it does not know are
 * registered as discovered resources, which have the same name-based ids in every task.
 */
public final class StorePipelineStore implements PipelineStore {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(StorePipelineStore.class);

  private final String url;

  public StorePipelineStore(String url) {
    this.url = url;
  }

  /** Opens the store once, so its schema is migrated before tasks connect. */
  public static StorePipelineStore migrated(String url) {
    try (LineageStore store = LineageStore.open(url, 2)) {
      return new StorePipelineStore(url);
    }
  }

  public String url() {
    return url;
  }

  @Override
  public CatalogFactory catalog(Duration maxAge) {
    String storeUrl = url;
    return () -> {
      SharedLineageStores.Lease lease = SharedLineageStores.acquire(storeUrl);
      try {
        return new RefreshingCatalog(lease.store()::catalog, maxAge, lease);
      } catch (RuntimeException e) {
        lease.close();
        throw e;
      }
    };
  }

  @Override
  public ResourceResolver openResolver(boolean registerDiscovered, Duration maxAge) {
    SharedLineageStores.Lease lease = SharedLineageStores.acquire(url);
    try {
      return new CatalogResolver(
          lease,
          new RefreshingCatalog(lease.store()::catalog, maxAge, () -> {}),
          registerDiscovered);
    } catch (RuntimeException e) {
      lease.close();
      throw e;
    }
  }

  /**
   * The store's catalog, read again (through the same pool) once it is older than {@code maxAge}
   * (never if null). Closing it releases what it reads through.
   */
  static final class RefreshingCatalog implements Catalog, AutoCloseable {
    private final Supplier<StoreCatalog> loader;
    private final Duration maxAge;
    private final AutoCloseable connection;
    private StoreCatalog current;
    private long loadedAt;

    RefreshingCatalog(Supplier<StoreCatalog> loader, Duration maxAge, AutoCloseable connection) {
      this.loader = loader;
      this.maxAge = maxAge;
      this.connection = connection;
      this.current = loader.get();
      this.loadedAt = System.nanoTime();
    }

    @Override
    public void close() throws Exception {
      connection.close();
    }

    /** The catalog, reloaded first when it is too old; tells whether it was. */
    synchronized boolean refreshIfOld() {
      if (maxAge == null || System.nanoTime() - loadedAt < maxAge.toNanos()) {
        return false;
      }
      loadedAt = System.nanoTime();
      try {
        current = loader.get();
        return true;
      } catch (RuntimeException e) {
        // The store is unreachable for now: go on with the copy we have, try again later.
        LOG.warn("cannot read the store's catalog again; keeping the current copy", e);
        return false;
      }
    }

    synchronized StoreCatalog snapshot() {
      return current;
    }

    @Override
    public Optional<CatalogTable> table(TableName name) {
      refreshIfOld();
      return snapshot().table(name);
    }
  }

  @Override
  public EdgeLookup openEdgeLookup() {
    SharedLineageStores.Lease lease = SharedLineageStores.acquire(url);
    LineageStore store = lease.store();
    return new EdgeLookup() {
      @Override
      public EdgeStatus status(String sourceId, String targetId) {
        UUID source = UUID.fromString(sourceId);
        UUID target = UUID.fromString(targetId);
        if (store.edges().tombstoned(source, target)) {
          return EdgeStatus.FORBIDDEN;
        }
        Optional<LineageEdge> existing =
            store.edges().find(StoreIds.edgeId(source, target, Direction.DOWNSTREAM));
        if (existing.isEmpty()) {
          return EdgeStatus.NEW;
        }
        return existing.get().manual() ? EdgeStatus.MANUAL : EdgeStatus.EXISTING;
      }

      @Override
      public void close() {
        lease.close();
      }
    };
  }

  @Override
  public Sink<EdgeDirectionRow> edgeSink() {
    return sink().edges();
  }

  @Override
  public Sink<QueryStats> queriesSink() {
    return sink().queriesSeen();
  }

  @Override
  public Sink<ExecutionCount> queryExecutionsSink() {
    return sink().queryExecutions();
  }

  @Override
  public Sink<DeadLetter> deadLetterSink() {
    return sink().deadLetters();
  }

  private LineageStoreSink sink() {
    return LineageStoreSink.builder().url(url).build();
  }

  /** Resolves through a catalog snapshot, then through what this task registered itself. */
  static final class CatalogResolver implements ResourceResolver {
    private final SharedLineageStores.Lease lease;
    private final LineageStore store;
    private final RefreshingCatalog catalog;
    private final boolean registerDiscovered;
    private final Map<EdgeEnd, Optional<String>> cache = new HashMap<>();
    private final Map<EdgeEnd, ResourceRow> tables = new HashMap<>();
    private long discovered;

    CatalogResolver(
        SharedLineageStores.Lease lease, RefreshingCatalog catalog, boolean registerDiscovered) {
      this.lease = lease;
      this.store = lease.store();
      this.catalog = catalog;
      this.registerDiscovered = registerDiscovered;
    }

    @Override
    public Optional<String> id(EdgeEnd end) {
      if (catalog.refreshIfOld()) {
        // Ids are name-based, so what was resolved stays right; names may now resolve better.
        cache.clear();
        tables.clear();
      }
      Optional<String> known = cache.get(end);
      if (known != null) {
        return known;
      }
      Optional<String> id = end.isColumn() ? column(end) : table(end).map(r -> r.id().toString());
      cache.put(end, id);
      return id;
    }

    private Optional<ResourceRow> table(EdgeEnd end) {
      EdgeEnd key = end.tableEnd();
      ResourceRow row = tables.get(key);
      if (row != null) {
        return Optional.of(row);
      }
      TableName name = TableName.of(key.database(), key.schema(), key.table());
      Optional<StoreCatalog.StoredTable> stored = catalog.snapshot().resolve(name);
      if (stored.isPresent()) {
        StoreCatalog.StoredTable t = stored.get();
        row =
            new ResourceRow(
                t.id(),
                t.name().name(),
                t.entityType(),
                Optional.empty(),
                Optional.empty(),
                t.name().schema(),
                t.name().database(),
                t.integrationId(),
                Optional.empty(),
                java.util.OptionalInt.empty(),
                true);
      } else if (registerDiscovered) {
        row = store.resources().registerDiscovered(name, List.of()).get(0);
        discovered++;
      } else {
        return Optional.empty();
      }
      tables.put(key, row);
      return Optional.of(row);
    }

    private Optional<String> column(EdgeEnd end) {
      Optional<ResourceRow> table = table(end);
      if (table.isEmpty()) {
        return Optional.empty();
      }
      TableName name = TableName.of(end.database(), end.schema(), end.table());
      Optional<UUID> stored =
          catalog
              .snapshot()
              .resolve(name)
              .filter(t -> t.id().equals(table.get().id()))
              .flatMap(t -> t.column(end.column()))
              .map(StoreCatalog.StoredColumn::id);
      if (stored.isPresent()) {
        return Optional.of(stored.get().toString());
      }
      if (!registerDiscovered) {
        return Optional.empty();
      }
      List<ResourceRow> rows =
          store.resources().registerDiscoveredColumns(table.get(), List.of(end.column()));
      discovered++;
      return Optional.of(rows.get(1).id().toString());
    }

    @Override
    public long discovered() {
      return discovered;
    }

    @Override
    public void close() {
      lease.close();
    }
  }
}
