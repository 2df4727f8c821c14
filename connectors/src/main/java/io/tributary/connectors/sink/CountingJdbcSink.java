package io.tributary.connectors.sink;

import io.tributary.connectors.store.JobJdbcDrivers;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import org.apache.flink.api.connector.sink2.Committer;
import org.apache.flink.api.connector.sink2.CommitterInitContext;
import org.apache.flink.api.connector.sink2.CommittingSinkWriter;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.StatefulSinkWriter;
import org.apache.flink.api.connector.sink2.SupportsCommitter;
import org.apache.flink.api.connector.sink2.SupportsWriterState;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.connector.jdbc.core.datastream.sink.JdbcSink;
import org.apache.flink.connector.jdbc.core.datastream.sink.committer.JdbcCommitable;
import org.apache.flink.connector.jdbc.core.datastream.sink.writer.JdbcWriter;
import org.apache.flink.connector.jdbc.core.datastream.sink.writer.JdbcWriterState;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.metrics.Counter;

/**
 * A {@link JdbcSink} whose writer counts its rows in the sink's standard {@code numRecordsSend}
 * metric, which the JDBC connector leaves at 0: without it the dashboard shows a store writer that
 * never moves. The JDBC driver its writer loads is deregistered when the job's classes are released
 * ({@link JobJdbcDrivers}). A row counts when it joins the JDBC batch (written within the batch
 * interval). The sink keeps the JDBC sink's writer state and committer, so the job's topology, and
 * the state of its savepoints, are the same as with the JDBC sink itself.
 */
public final class CountingJdbcSink<IN>
    implements Sink<IN>,
        SupportsWriterState<IN, JdbcWriterState>,
        SupportsCommitter<JdbcCommitable> {

  private final JdbcSink<IN> sink;

  public CountingJdbcSink(JdbcSink<IN> sink) {
    this.sink = sink;
  }

  @Override
  public Writer<IN> createWriter(WriterInitContext context) throws IOException {
    return new Writer<>(
        sink.createWriter(context), context.metricGroup().getNumRecordsSendCounter());
  }

  @Override
  public Writer<IN> restoreWriter(WriterInitContext context, Collection<JdbcWriterState> state)
      throws IOException {
    return new Writer<>(
        sink.restoreWriter(context, state), context.metricGroup().getNumRecordsSendCounter());
  }

  @Override
  public SimpleVersionedSerializer<JdbcWriterState> getWriterStateSerializer() {
    return sink.getWriterStateSerializer();
  }

  @Override
  public Committer<JdbcCommitable> createCommitter(CommitterInitContext context)
      throws IOException {
    return sink.createCommitter(context);
  }

  @Override
  public SimpleVersionedSerializer<JdbcCommitable> getCommittableSerializer() {
    return sink.getCommittableSerializer();
  }

  /** The JDBC writer, counting what it is given. */
  static final class Writer<IN>
      implements StatefulSinkWriter<IN, JdbcWriterState>, CommittingSinkWriter<IN, JdbcCommitable> {

    private final JdbcWriter<IN> writer;
    private final Counter sent;

    Writer(JdbcWriter<IN> writer, Counter sent) {
      this.writer = writer;
      this.sent = sent;
    }

    @Override
    public void write(IN element, Context context) throws IOException, InterruptedException {
      writer.write(element, context);
      sent.inc();
    }

    @Override
    public void flush(boolean endOfInput) throws IOException, InterruptedException {
      writer.flush(endOfInput);
    }

    @Override
    public Collection<JdbcCommitable> prepareCommit() throws IOException, InterruptedException {
      return writer.prepareCommit();
    }

    @Override
    public List<JdbcWriterState> snapshotState(long checkpointId) throws IOException {
      return writer.snapshotState(checkpointId);
    }

    @Override
    public void close() throws Exception {
      writer.close();
    }
  }
}
