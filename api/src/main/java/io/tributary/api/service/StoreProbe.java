package io.tributary.api.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the store answers {@code SELECT 1} through its pool within a time limit. A probe that
 * outlives the limit (the pool waits for a connection for far longer) keeps running on its one
 * thread and callers share it until it ends, so a down store never piles up probes.
 */
public final class StoreProbe implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(StoreProbe.class);

  private final DataSource dataSource;
  private final Duration timeout;
  private final ExecutorService executor =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "store-probe");
            t.setDaemon(true);
            return t;
          });
  private CompletableFuture<Void> running;

  public StoreProbe(DataSource dataSource, Duration timeout) {
    this.dataSource = dataSource;
    this.timeout = timeout;
  }

  /** Empty when the store answered in time, else what went wrong (no connection details). */
  public Optional<String> problem() {
    CompletableFuture<Void> probe;
    synchronized (this) {
      if (running == null || running.isDone()) {
        running = CompletableFuture.runAsync(this::query, executor);
      }
      probe = running;
    }
    try {
      probe.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return Optional.empty();
    } catch (TimeoutException e) {
      LOG.warn("the store did not answer within {} ms", timeout.toMillis());
      return Optional.of("the store did not answer within " + timeout.toMillis() + " ms");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() instanceof CompletionException c ? c.getCause() : e.getCause();
      LOG.warn("the store probe failed: {}", cause.toString());
      String state = cause instanceof SQLException sql ? sql.getSQLState() : null;
      return Optional.of(
          "the store query failed" + (state == null ? "" : " (SQL state " + state + ")"));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of("interrupted while probing the store");
    }
  }

  private void query() {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.setQueryTimeout((int) Math.max(1, timeout.toSeconds()));
      s.execute("SELECT 1");
    } catch (SQLException e) {
      throw new CompletionException(e);
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
