package io.tributary.jobs.pipeline;

import io.tributary.connectors.sink.ContentReplacement;
import io.tributary.connectors.sink.EdgeStatus;
import io.tributary.connectors.sink.ExecutionCount;
import io.tributary.connectors.sink.LineageStoreSink;
import io.tributary.connectors.sink.QueryStats;
import io.tributary.connectors.store.DeadLetter;
import io.tributary.connectors.store.Direction;
import io.tributary.connectors.store.EdgeRow;
import io.tributary.connectors.store.LineageEdge;
import io.tributary.connectors.store.LineageEdges;
import io.tributary.connectors.store.LineageStore;
import io.tributary.connectors.store.ResourceId;
import io.tributary.connectors.store.ResourceNames;
import io.tributary.connectors.store.ResourceRow;
import io.tributary.connectors.store.SharedLineageStores;
import io.tributary.connectors.store.StoreCatalog;
import io.tributary.connectors.store.StoreIds;
import io.tributary.sql.catalog.Catalog;
import io.tributary.sql.dialect.Dialect;
import io.tributary.sql.dialect.IdentifierCase;
import io.tributary.sql.model.StatementLineage;
import java.time.Duration;
import java.util.EnumMap;
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
 * loads the store's catalog (the name → id index) through that pool, for the analyzer and for
 * {@link LineageEdges}; names it does not know are registered as discovered resources, which have
 * the same name-based ids in every task.
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
  public TaskNames openNames(boolean registerDiscovered, Duration maxAge) {
    SharedLineageStores.Lease lease = SharedLineageStores.acquire(url);
    try {
      RefreshingCatalog catalog = new RefreshingCatalog(lease.store()::catalog, maxAge);
      return new StoreTaskNames(lease, catalog, registerDiscovered);
    } catch (RuntimeException e) {
      lease.close();
      throw e;
    }
  }

  /**
   * The store's catalog, read again (through the same pool) once it is older than {@code maxAge}
   * (never if null).
   */
  static final class RefreshingCatalog {
    private final Supplier<StoreCatalog> loader;
    private final Duration maxAge;
    private StoreCatalog current;
    private long loadedAt;

    RefreshingCatalog(Supplier<StoreCatalog> loader, Duration maxAge) {
      this.loader = loader;
      this.maxAge = maxAge;
      this.current = loader.get();
      this.loadedAt = System.nanoTime();
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
  }

  @Override
  public EdgeLookup openEdgeLookup() {
    SharedLineageStores.Lease lease = SharedLineageStores.acquire(url);
    LineageStore store = lease.store();
    return new EdgeLookup() {
      @Override
      public EdgeStatus status(ResourceId sourceId, ResourceId targetId) {
        UUID source = sourceId.uuid();
        UUID target = targetId.uuid();
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
  public Sink<EdgeRow> edgeSink() {
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

  @Override
  public Sink<StatementChanges> schemaHistorySink(boolean batch) {
    return new SchemaHistorySink(url, batch);
  }

  @Override
  public Sink<ContentReplacement> replacementSink() {
    return sink().replacements();
  }

  private LineageStoreSink sink() {
    return LineageStoreSink.builder().url(url).build();
  }

  /**
   * Resolves through a catalog snapshot, then through what this task registered itself; starts over
   * when the catalog is read again (ids are name-based, so what was resolved stays right; names may
   * now resolve better).
   */
  static final class StoreTaskNames implements TaskNames {
    private final SharedLineageStores.Lease lease;
    private final RefreshingCatalog catalog;
    private final boolean registerDiscovered;
    private final Map<IdentifierCase, ResourceNames> names = new EnumMap<>(IdentifierCase.class);
    private StoreCatalog snapshot;
    private long discovered;

    StoreTaskNames(
        SharedLineageStores.Lease lease, RefreshingCatalog catalog, boolean registerDiscovered) {
      this.lease = lease;
      this.catalog = catalog;
      this.registerDiscovered = registerDiscovered;
      this.snapshot = catalog.snapshot();
    }

    @Override
    public Catalog catalog(Dialect dialect) {
      return name -> {
        catalog.refreshIfOld();
        return catalog.snapshot().in(dialect.unquotedCase()).table(name);
      };
    }

    @Override
    public LineageEdges.Resolved resolve(StatementLineage statement, Dialect dialect) {
      catalog.refreshIfOld(); // the analyzer may have read it again already
      if (catalog.snapshot() != snapshot) {
        snapshot = catalog.snapshot();
        names.clear();
      }
      ResourceNames inDialect =
          names.computeIfAbsent(
              dialect.unquotedCase(),
              rule -> new ResourceNames(snapshot, rule, registerDiscovered));
      LineageEdges.Resolved resolved = LineageEdges.resolve(statement, inDialect);
      List<ResourceRow> rows = inDialect.takeNewRows();
      if (!rows.isEmpty()) {
        lease.store().resources().upsert(rows);
        discovered += rows.size();
      }
      return resolved;
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
