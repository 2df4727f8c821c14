package io.tributary.connectors.store;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Retires unseen edges ({@link LineageHistoryDao#retireUnseen}) at a fixed interval, in a thread of
 * its own with its own connection, while a stream runs. A failed round is reported and the next one
 * tries again; closing stops it.
 */
public final class UnseenRetirement implements AutoCloseable {

  private final ScheduledExecutorService scheduler;
  private final LineageStore store;

  private UnseenRetirement(ScheduledExecutorService scheduler, LineageStore store) {
    this.scheduler = scheduler;
    this.store = store;
  }

  /**
   * Starts retiring, at once and then every {@code every}, the edges unseen for {@code period};
   * {@code report} hears what each round did or why it failed.
   */
  public static UnseenRetirement start(
      String storeUrl, Duration period, Duration every, Consumer<String> report) {
    Objects.requireNonNull(report, "report");
    if (period.isZero() || period.isNegative() || every.isZero() || every.isNegative()) {
      throw new IllegalArgumentException("the retire-after period and interval must be positive");
    }
    LineageStore store = LineageStore.connect(storeUrl, 1);
    ScheduledExecutorService scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "tributary-retire-unseen");
              t.setDaemon(true);
              return t;
            });
    scheduler.scheduleWithFixedDelay(
        () -> {
          try {
            int retired = store.history().retireUnseen(period);
            if (retired > 0) {
              report.accept("retired " + retired + " edges unseen for " + period);
            }
          } catch (RuntimeException e) {
            report.accept("retiring unseen edges failed, trying again later: " + e.getMessage());
          }
        },
        0,
        every.toMillis(),
        TimeUnit.MILLISECONDS);
    return new UnseenRetirement(scheduler, store);
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
    try {
      scheduler.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    store.close();
  }
}
