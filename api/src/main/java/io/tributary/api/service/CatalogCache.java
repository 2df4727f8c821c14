package io.tributary.api.service;

import io.tributary.connectors.store.LineageStore;
import io.tributary.connectors.store.StoreCatalog;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The store catalog the API resolves names with, loaded once and kept fresh: after {@code maxAge} a
 * request still gets the loaded snapshot while one background load replaces it (so no request waits
 * for a reload); after the API itself changed resources it reloads before the next use. A zero
 * {@code maxAge} reloads on every use.
 */
public final class CatalogCache implements AutoCloseable {

  private final LineageStore store;
  private final long maxAgeNanos;
  private final ExecutorService refresher =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "tributary-catalog-refresh");
            t.setDaemon(true);
            return t;
          });
  private final AtomicBoolean refreshing = new AtomicBoolean();

  private volatile Snapshot snapshot;

  private record Snapshot(StoreCatalog catalog, long loadedAt, boolean stale) {}

  public CatalogCache(LineageStore store, Duration maxAge) {
    this.store = store;
    this.maxAgeNanos = maxAge.toNanos();
  }

  public StoreCatalog get() {
    Snapshot current = snapshot;
    if (current == null || current.stale() || maxAgeNanos == 0) {
      return load();
    }
    if (System.nanoTime() - current.loadedAt() > maxAgeNanos
        && refreshing.compareAndSet(false, true)) {
      refresher.execute(
          () -> {
            try {
              load();
            } finally {
              refreshing.set(false);
            }
          });
    }
    return current.catalog();
  }

  /** The next use reloads: the API wrote resources. */
  public void invalidate() {
    Snapshot current = snapshot;
    if (current != null) {
      snapshot = new Snapshot(current.catalog(), current.loadedAt(), true);
    }
  }

  private StoreCatalog load() {
    long started = System.nanoTime();
    StoreCatalog catalog = store.catalog();
    snapshot = new Snapshot(catalog, started, false);
    return catalog;
  }

  @Override
  public void close() {
    refresher.shutdownNow();
  }
}
