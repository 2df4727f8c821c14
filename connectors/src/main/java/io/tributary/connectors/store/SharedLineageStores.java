package io.tributary.connectors.store;

import java.util.HashMap;
import java.util.Map;

/**
 * One small connection pool per store URL for all the tasks of a job in one process (a Flink
 * TaskManager), reference counted: the first task to open the store creates the pool, the last one
 * to close it closes the pool, so it ends with the job. The schema is not migrated here; whoever
 * started the job did that once.
 *
 * <p>The pools live in this class's static state, that is per class loader: on a Flink cluster the
 * job jar's classes are loaded once per job and TaskManager, so jobs never share a pool and a
 * finished job leaves nothing behind that holds its class loader.
 */
public final class SharedLineageStores {

  /** Connections per pool: a TaskManager's lookups are short, its sinks write on their own. */
  static final int POOL_SIZE = 4;

  private static final Map<String, Shared> OPEN = new HashMap<>();

  private SharedLineageStores() {}

  /** The store at this URL, opened on first use; close the lease when the task ends. */
  public static synchronized Lease acquire(String jdbcUrl) {
    Shared shared = OPEN.get(jdbcUrl);
    if (shared == null) {
      shared = new Shared(LineageStore.connect(jdbcUrl, POOL_SIZE));
      OPEN.put(jdbcUrl, shared);
    }
    shared.leases++;
    return new Lease(jdbcUrl, shared.store);
  }

  /** How many pools are open in this class loader (one per store URL in use). */
  public static synchronized int openPools() {
    return OPEN.size();
  }

  private static synchronized void release(String jdbcUrl) {
    Shared shared = OPEN.get(jdbcUrl);
    if (shared != null && --shared.leases == 0) {
      OPEN.remove(jdbcUrl);
      shared.store.close();
    }
  }

  private static final class Shared {
    final LineageStore store;
    int leases;

    Shared(LineageStore store) {
      this.store = store;
    }
  }

  /** One task's use of a shared store; closing it twice releases it once. */
  public static final class Lease implements AutoCloseable {
    private final String jdbcUrl;
    private final LineageStore store;
    private boolean closed;

    private Lease(String jdbcUrl, LineageStore store) {
      this.jdbcUrl = jdbcUrl;
      this.store = store;
    }

    public LineageStore store() {
      return store;
    }

    @Override
    public synchronized void close() {
      if (!closed) {
        closed = true;
        release(jdbcUrl);
      }
    }
  }
}
