package io.tributary.api.service;

import io.tributary.connectors.store.LineageStore;
import io.tributary.connectors.store.StoreCatalog;
import io.tributary.connectors.store.StoreUnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store catalog the API resolves names with, loaded once and kept fresh without making a
 * request wait: after {@code maxAge} a request still gets the loaded snapshot while a background
 * check asks the store when a resource last changed and reloads only if one did (and at the latest
 * every {@value #FULL_RELOAD_EVERY} ages, in case a writer's clock lags). After the API itself
 * wrote resources it reloads before the next use. A zero {@code maxAge} reloads on every use.
 */
public final class CatalogCache implements AutoCloseable {

  static final int FULL_RELOAD_EVERY = 30;

  private static final Logger LOG = LoggerFactory.getLogger(CatalogCache.class);

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

  private record Snapshot(
      StoreCatalog catalog,
      Optional<Instant> version,
      long loadedAt,
      long checkedAt,
      boolean stale) {}

  public CatalogCache(LineageStore store, Duration maxAge) {
    this.store = store;
    this.maxAgeNanos = maxAge.toNanos();
  }

  public StoreCatalog get() {
    Snapshot current = snapshot;
    if (maxAgeNanos == 0) {
      return load();
    }
    if (current == null || current.stale()) {
      return loadOnce(current);
    }
    if (System.nanoTime() - current.checkedAt() > maxAgeNanos
        && refreshing.compareAndSet(false, true)) {
      refresher.execute(
          () -> {
            try {
              refresh(current);
            } catch (StoreUnavailableException e) {
              // Requests keep the loaded snapshot; the next one past maxAge tries again.
              LOG.warn("catalog refresh skipped: {}", e.getMessage());
            } finally {
              refreshing.set(false);
            }
          });
    }
    return current.catalog();
  }

  /** Loads the catalog now (at start, so the first request does not wait for it). */
  public void warm() {
    loadOnce(snapshot);
  }

  /** The next use reloads: the API wrote resources. */
  public void invalidate() {
    Snapshot current = snapshot;
    if (current != null) {
      snapshot =
          new Snapshot(
              current.catalog(), current.version(), current.loadedAt(), current.checkedAt(), true);
    }
  }

  private void refresh(Snapshot seen) {
    long now = System.nanoTime();
    Optional<Instant> version = store.resources().lastChange();
    boolean due = now - seen.loadedAt() > FULL_RELOAD_EVERY * maxAgeNanos;
    if (due || !Objects.equals(version, seen.version())) {
      load();
    } else if (snapshot == seen) {
      snapshot = new Snapshot(seen.catalog(), seen.version(), seen.loadedAt(), now, false);
    }
  }

  /** One caller loads; the others that found the same old snapshot wait and share its result. */
  private synchronized StoreCatalog loadOnce(Snapshot seen) {
    Snapshot current = snapshot;
    if (current != null && current != seen && !current.stale()) {
      return current.catalog();
    }
    return load();
  }

  private StoreCatalog load() {
    long started = System.nanoTime();
    Optional<Instant> version = store.resources().lastChange(); // before: a later write reloads
    StoreCatalog catalog = store.catalog();
    snapshot = new Snapshot(catalog, version, started, started, false);
    return catalog;
  }

  @Override
  public void close() {
    refresher.shutdownNow();
  }
}
