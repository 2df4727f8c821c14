package io.tributary.connectors.source.file;

import io.tributary.connectors.source.QueryRecord;
import io.tributary.connectors.source.QueryRecordJson;
import java.io.IOException;
import java.util.Optional;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.reader.StreamFormat;
import org.apache.flink.core.fs.FSDataInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a JSON Lines query log: one object per line, read by {@link QueryRecordJson}. Blank lines
 * are skipped; a line that is not a JSON object, has no SQL or an unreadable time is logged and
 * skipped, so one bad line never stops a job.
 *
 * <p>Splittable: a split of a file reads the lines that start inside its byte range, so several
 * readers share one large log. A restored split reads its range again from its start and skips the
 * records it had emitted (the adapter's record count), so no offsets are checkpointed.
 */
public final class JsonLinesQueryFormat implements StreamFormat<QueryRecord> {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(JsonLinesQueryFormat.class);

  @Override
  public Reader<QueryRecord> createReader(
      Configuration config, FSDataInputStream stream, long fileLen, long splitEnd)
      throws IOException {
    long splitStart = stream.getPos();
    LineReader lines;
    if (splitStart == 0) {
      lines = new LineReader(stream, 0);
    } else {
      // The line that starts at splitStart is this split's only if the byte before it ends a line:
      // step back one byte and skip to the next line start.
      stream.seek(splitStart - 1);
      lines = new LineReader(stream, splitStart - 1);
      lines.skipLine();
    }
    return reader(lines, splitEnd);
  }

  @Override
  public Reader<QueryRecord> restoreReader(
      Configuration config,
      FSDataInputStream stream,
      long restoredOffset,
      long fileLen,
      long splitEnd)
      throws IOException {
    // Never checkpointed (see the class comment); an offset given is a line start.
    stream.seek(restoredOffset);
    return reader(new LineReader(stream, restoredOffset), splitEnd);
  }

  private static Reader<QueryRecord> reader(LineReader lines, long splitEnd) {
    return new Reader<>() {
      @Override
      public QueryRecord read() throws IOException {
        while (lines.offset() < splitEnd) {
          String line = lines.readLine();
          if (line == null) {
            return null;
          }
          if (line.isBlank()) {
            continue;
          }
          Optional<QueryRecord> record = parse(line, lines.lineStart());
          if (record.isPresent()) {
            return record.get();
          }
        }
        return null;
      }

      @Override
      public void close() {}
    };
  }

  @Override
  public boolean isSplittable() {
    return true;
  }

  /** One line's record; empty (and logged) when the line cannot be used. */
  static Optional<QueryRecord> parse(String line, long byteOffset) {
    QueryRecordJson.Result result = QueryRecordJson.parse(line);
    if (result instanceof QueryRecordJson.Unreadable unreadable) {
      LOG.warn("query log line at byte {} skipped: {}", byteOffset, unreadable.reason());
    }
    return result.record();
  }

  @Override
  public TypeInformation<QueryRecord> getProducedType() {
    return TypeInformation.of(QueryRecord.class);
  }
}
