package io.tributary.jobs.openlineage;

import static org.assertj.core.api.Assertions.assertThat;

import io.openlineage.client.OpenLineageClient;
import io.tributary.jobs.pipeline.EdgeEnd;
import io.tributary.jobs.pipeline.StatementRun;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.flink.metrics.SimpleCounter;
import org.junit.jupiter.api.Test;

/** The sender behind the OpenLineage sink, against endpoints that fail in the two usual ways. */
class OpenLineageWriterTest {

  static final StatementRun RUN =
      new StatementRun(
          "f1",
          "file:/logs/q.jsonl",
          "postgresql",
          "INSERT INTO t (a) SELECT x FROM s",
          0L,
          List.of(new EdgeEnd("db", "raw", "s", null)),
          new EdgeEnd("db", "marts", "t", null),
          List.of(
              new StatementRun.ColumnFlow(
                  new EdgeEnd("db", "raw", "s", "x"), new EdgeEnd("db", "marts", "t", "a"), false)),
          List.of());

  static OpenLineageWriter.Counters counters() {
    return new OpenLineageWriter.Counters(
        new SimpleCounter(), new SimpleCounter(), new SimpleCounter());
  }

  @Test
  void aRefusedConnectionIsCountedAndTheWriterGoesOn() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    var options =
        new OpenLineageOptions(
            URI.create("http://127.0.0.1:" + port),
            null,
            null,
            null,
            Map.of(),
            10,
            Duration.ofMinutes(1));
    var counters = counters();
    try (var writer =
        new OpenLineageWriter(
            OpenLineageSink.transports(options).stream().map(OpenLineageClient::new).toList(),
            new RunEvents(options),
            options,
            counters)) {
      writer.write(RUN, null);
      writer.write(RUN, null);
      writer.flush(true);
    }
    assertThat(counters.failed().getCount()).isEqualTo(2);
    assertThat(counters.emitted().getCount()).isZero();
  }

  @Test
  void anEndpointThatNeverAnswersFillsTheBufferAndTheRestIsDroppedWithoutWaiting()
      throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 50)) {
      var options =
          new OpenLineageOptions(
              URI.create("http://127.0.0.1:" + silent.getLocalPort()),
              null,
              null,
              null,
              Map.of(),
              2,
              Duration.ofMinutes(1));
      var counters = counters();
      var writer =
          new OpenLineageWriter(
              OpenLineageSink.transports(options).stream().map(OpenLineageClient::new).toList(),
              new RunEvents(options),
              options,
              counters);
      long started = System.nanoTime();
      for (int i = 0; i < 10; i++) {
        writer.write(RUN, null);
      }
      long millis = (System.nanoTime() - started) / 1_000_000;
      assertThat(millis).isLessThan(1_000);
      // At most one in the sender's hands and two in the buffer; the other seven or more dropped.
      assertThat(counters.dropped().getCount()).isGreaterThanOrEqualTo(7);
      writer.close();
    }
  }
}
