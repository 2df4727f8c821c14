package io.tributary.connectors.source.file;

import io.tributary.connectors.source.QueryRecord;
import java.io.IOException;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.impl.StreamFormatAdapter;
import org.apache.flink.connector.file.src.reader.BulkFormat;
import org.apache.flink.connector.file.src.reader.StreamFormat;
import org.apache.flink.connector.file.src.util.RecordAndPosition;

/**
 * A query-log format whose records carry the URI of the file they were read from as their origin. A
 * {@link StreamFormat} never sees the file's path, so the format is adapted to a {@link BulkFormat}
 * (as {@code FileSource.forRecordStreamFormat} does inside) and each split's path is set on its
 * records.
 */
public final class FileOriginFormat implements BulkFormat<QueryRecord, FileSourceSplit> {

  private static final long serialVersionUID = 1L;

  private final BulkFormat<QueryRecord, FileSourceSplit> format;

  public FileOriginFormat(StreamFormat<QueryRecord> format) {
    this.format = new StreamFormatAdapter<>(format);
  }

  @Override
  public Reader<QueryRecord> createReader(Configuration config, FileSourceSplit split)
      throws IOException {
    return new OriginReader(format.createReader(config, split), origin(split));
  }

  @Override
  public Reader<QueryRecord> restoreReader(Configuration config, FileSourceSplit split)
      throws IOException {
    return new OriginReader(format.restoreReader(config, split), origin(split));
  }

  @Override
  public boolean isSplittable() {
    return format.isSplittable();
  }

  @Override
  public TypeInformation<QueryRecord> getProducedType() {
    return format.getProducedType();
  }

  private static String origin(FileSourceSplit split) {
    return FileOrigins.of(split.path());
  }

  private record OriginReader(Reader<QueryRecord> reader, String origin)
      implements Reader<QueryRecord> {

    @Override
    public RecordIterator<QueryRecord> readBatch() throws IOException {
      RecordIterator<QueryRecord> batch = reader.readBatch();
      if (batch == null) {
        return null;
      }
      return new RecordIterator<>() {
        @Override
        public RecordAndPosition<QueryRecord> next() {
          RecordAndPosition<QueryRecord> next = batch.next();
          return next == null
              ? null
              : new RecordAndPosition<>(
                  next.getRecord().withOrigin(origin), next.getOffset(), next.getRecordSkipCount());
        }

        @Override
        public void releaseBatch() {
          batch.releaseBatch();
        }
      };
    }

    @Override
    public void close() throws IOException {
      reader.close();
    }
  }
}
