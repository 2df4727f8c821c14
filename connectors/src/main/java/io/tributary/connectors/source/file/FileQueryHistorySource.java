package io.tributary.connectors.source.file;

import io.tributary.connectors.source.QueryRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.connector.file.src.reader.StreamFormat;
import org.apache.flink.core.fs.Path;

/**
 * Query logs in files: JSON Lines or CSV, one file or a directory (read recursively). Bounded for a
 * backfill; {@link Builder#monitorContinuously(Duration)} makes it unbounded, picking up new files
 * as they appear. Each record's origin is its file's URI.
 *
 * <pre>{@code
 * FileSource<QueryRecord> source = FileQueryHistorySource.builder()
 *     .path("/var/log/queries")
 *     .format(QueryLogFormat.JSONL)
 *     .monitorContinuously(Duration.ofSeconds(5))
 *     .build();
 * }</pre>
 */
public final class FileQueryHistorySource {

  private FileQueryHistorySource() {}

  public static Builder builder() {
    return new Builder();
  }

  /** The format reading one layout. */
  public static StreamFormat<QueryRecord> streamFormat(QueryLogFormat format) {
    return switch (format) {
      case JSONL -> new JsonLinesQueryFormat();
      case CSV -> new CsvQueryFormat();
    };
  }

  /** Builds the {@link FileSource}; {@link #path(String)} is required. */
  public static final class Builder {
    private final List<Path> paths = new ArrayList<>();
    private QueryLogFormat format;
    private Duration monitorInterval;

    private Builder() {}

    /**
     * A file or a directory; may be called more than once. A relative path is made absolute, so
     * each file's origin is the same whatever directory a job is started from.
     */
    public Builder path(String path) {
      paths.add(FileOrigins.absolute(Objects.requireNonNull(path, "path")));
      return this;
    }

    /** The files' layout; without it, guessed from the first path's extension. */
    public Builder format(QueryLogFormat value) {
      this.format = value;
      return this;
    }

    /** Keep watching the paths for new files, checking at this interval (unbounded source). */
    public Builder monitorContinuously(Duration interval) {
      this.monitorInterval = interval;
      return this;
    }

    public Optional<Duration> monitorInterval() {
      return Optional.ofNullable(monitorInterval);
    }

    public FileSource<QueryRecord> build() {
      if (paths.isEmpty()) {
        throw new IllegalStateException("a query-log path is required");
      }
      QueryLogFormat layout =
          format != null ? format : QueryLogFormat.fromFileName(paths.get(0).getName());
      FileOriginFormat bulkFormat = new FileOriginFormat(streamFormat(layout));
      FileSource.FileSourceBuilder<QueryRecord> builder =
          FileSource.forBulkFileFormat(bulkFormat, paths.toArray(Path[]::new));
      if (bulkFormat.isSplittable()) {
        builder.setFileEnumerator(ChunkingFileEnumerator::new);
      }
      if (monitorInterval != null) {
        builder.monitorContinuously(monitorInterval);
      }
      return builder.build();
    }
  }
}
