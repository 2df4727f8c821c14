package io.tributary.connectors.source.file;

import io.tributary.connectors.source.QueryRecord;
import io.tributary.connectors.source.QueryRecordJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.reader.SimpleStreamFormat;
import org.apache.flink.core.fs.FSDataInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a JSON Lines query log: one object per line, read by {@link QueryRecordJson}. Blank lines
 * are skipped; a line that is not a JSON object, has no SQL or an unreadable time is logged and
 * skipped, so one bad line never stops a job.
 */
public final class JsonLinesQueryFormat extends SimpleStreamFormat<QueryRecord> {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(JsonLinesQueryFormat.class);

  @Override
  public Reader<QueryRecord> createReader(Configuration config, FSDataInputStream stream) {
    BufferedReader lines =
        new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8), 1 << 16);
    return new Reader<>() {
      private long lineNumber;

      @Override
      public QueryRecord read() throws IOException {
        String line;
        while ((line = lines.readLine()) != null) {
          lineNumber++;
          if (line.isBlank()) {
            continue;
          }
          Optional<QueryRecord> record = parse(line, lineNumber);
          if (record.isPresent()) {
            return record.get();
          }
        }
        return null;
      }

      @Override
      public void close() throws IOException {
        lines.close();
      }
    };
  }

  /** One line's record; empty (and logged) when the line cannot be used. */
  static Optional<QueryRecord> parse(String line, long lineNumber) {
    QueryRecordJson.Result result = QueryRecordJson.parse(line);
    if (result instanceof QueryRecordJson.Unreadable unreadable) {
      LOG.warn("query log line {} skipped: {}", lineNumber, unreadable.reason());
    }
    return result.record();
  }

  @Override
  public TypeInformation<QueryRecord> getProducedType() {
    return TypeInformation.of(QueryRecord.class);
  }
}
