package io.tributary.jobs.openlineage;

import io.openlineage.client.OpenLineageClient;
import io.openlineage.client.transports.ApiKeyTokenProvider;
import io.openlineage.client.transports.FileConfig;
import io.openlineage.client.transports.FileTransport;
import io.openlineage.client.transports.HttpConfig;
import io.openlineage.client.transports.HttpTransport;
import io.openlineage.client.transports.Transport;
import io.tributary.jobs.pipeline.StatementRun;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * Sends each analyzed statement as an OpenLineage run event through the official client's HTTP and
 * file transports. Sending happens on a thread of its own behind a bounded buffer, so a slow or
 * failing endpoint never holds the job up: what does not fit is dropped and counted.
 */
public final class OpenLineageSink implements Sink<StatementRun> {

  private static final long serialVersionUID = 1L;

  private final OpenLineageOptions options;

  public OpenLineageSink(OpenLineageOptions options) {
    this.options = options;
  }

  @Override
  public SinkWriter<StatementRun> createWriter(WriterInitContext context) {
    return new OpenLineageWriter(
        transports(options).stream().map(OpenLineageClient::new).toList(),
        new RunEvents(options),
        options,
        OpenLineageWriter.Counters.of(context.metricGroup()));
  }

  static List<Transport> transports(OpenLineageOptions options) {
    List<Transport> transports = new ArrayList<>();
    if (options.url() != null) {
      HttpConfig http = new HttpConfig();
      http.setUrl(options.url());
      http.setTimeoutInMillis(5_000);
      if (options.apiKey() != null) {
        ApiKeyTokenProvider token = new ApiKeyTokenProvider();
        token.setApiKey(options.apiKey());
        http.setAuth(token);
      }
      transports.add(new HttpTransport(http));
    }
    if (options.file() != null) {
      transports.add(new FileTransport(new FileConfig(options.file())));
    }
    return transports;
  }
}
