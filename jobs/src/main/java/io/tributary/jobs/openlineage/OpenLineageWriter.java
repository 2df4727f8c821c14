package io.tributary.jobs.openlineage;

import io.openlineage.client.OpenLineage;
import io.openlineage.client.OpenLineageClient;
import io.tributary.jobs.pipeline.StatementRun;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buffers statements (at most {@link OpenLineageOptions#bufferSize()}) and sends their events on a
 * daemon thread. A failed send is counted ({@code openLineageFailed}) and logged at most once per
 * {@link OpenLineageOptions#logInterval()}; a statement that finds the buffer full is dropped
 * ({@code openLineageDropped}). At the end of a bounded input the buffer is drained for at most
 * {@link #DRAIN_TIMEOUT_MILLIS}.
 */
final class OpenLineageWriter implements SinkWriter<StatementRun> {

  private static final Logger LOG = LoggerFactory.getLogger(OpenLineageWriter.class);
  static final long DRAIN_TIMEOUT_MILLIS = 30_000;

  /** The writer's metrics. */
  record Counters(Counter emitted, Counter failed, Counter dropped) {
    static Counters of(MetricGroup group) {
      return new Counters(
          group.counter("openLineageEmitted"),
          group.counter("openLineageFailed"),
          group.counter("openLineageDropped"));
    }
  }

  private final List<OpenLineageClient> clients;
  private final RunEvents events;
  private final OpenLineageOptions options;
  private final Counters counters;
  private final BlockingQueue<StatementRun> queue;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final Thread sender;
  private volatile boolean closed;
  private long lastLogNanos = Long.MIN_VALUE;
  private long unloggedFailures;

  OpenLineageWriter(
      List<OpenLineageClient> clients,
      RunEvents events,
      OpenLineageOptions options,
      Counters counters) {
    this.clients = clients;
    this.events = events;
    this.options = options;
    this.counters = counters;
    this.queue = new ArrayBlockingQueue<>(options.bufferSize());
    this.sender = new Thread(this::send, "openlineage-sender");
    sender.setDaemon(true);
    sender.start();
  }

  @Override
  public void write(StatementRun run, Context context) {
    inFlight.incrementAndGet();
    if (!queue.offer(run)) {
      inFlight.decrementAndGet();
      counters.dropped().inc();
      failure("buffer full, event dropped", null);
    }
  }

  @Override
  public void flush(boolean endOfInput) throws InterruptedException {
    if (!endOfInput) {
      return;
    }
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DRAIN_TIMEOUT_MILLIS);
    while (inFlight.get() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
  }

  @Override
  public void close() throws Exception {
    closed = true;
    sender.interrupt();
    sender.join(5_000);
    for (OpenLineageClient client : clients) {
      client.close();
    }
  }

  private void send() {
    while (!closed) {
      StatementRun run;
      try {
        run = queue.take();
      } catch (InterruptedException e) {
        return;
      }
      try {
        OpenLineage.RunEvent event = events.of(run);
        for (OpenLineageClient client : clients) {
          try {
            client.emit(event);
            counters.emitted().inc();
          } catch (RuntimeException e) {
            counters.failed().inc();
            failure("sending failed", e);
          }
        }
      } catch (RuntimeException e) {
        counters.failed().inc();
        failure("building the event failed", e);
      } finally {
        inFlight.decrementAndGet();
      }
    }
  }

  private synchronized void failure(String what, Exception e) {
    unloggedFailures++;
    long now = System.nanoTime();
    if (lastLogNanos == Long.MIN_VALUE || now - lastLogNanos >= options.logInterval().toNanos()) {
      LOG.warn(
          "OpenLineage: {} ({} failure(s) since the last message): {}",
          what,
          unloggedFailures,
          e == null ? "" : String.valueOf(e));
      lastLogNanos = now;
      unloggedFailures = 0;
    }
  }
}
