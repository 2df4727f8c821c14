package io.tributary.connectors.source.pglog;

import io.tributary.connectors.source.QueryRecord;
import io.tributary.connectors.source.file.FileOriginFormat;
import io.tributary.connectors.source.file.FileOrigins;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.connector.file.src.enumerate.NonSplittingRecursiveEnumerator;
import org.apache.flink.core.fs.Path;

/**
 * PostgreSQL's csvlog files ({@code *.csv} in the server's log directory) as a query history.
 * Bounded by default; {@link Builder#monitorContinuously(Duration)} picks up each new log file the
 * server rotates to. Only files ending in {@code .csv} are read, so the plain-text {@code .log}
 * files next to them are left alone. Each record's origin is its log file's URI.
 */
public final class PostgresCsvLogSource {

  private PostgresCsvLogSource() {}

  public static Builder builder() {
    return new Builder();
  }

  public static final class Builder {
    private final List<Path> paths = new ArrayList<>();
    private String defaultSchema = "public";
    private Duration monitorInterval;

    private Builder() {}

    /** A csvlog file or the log directory. */
    public Builder path(String path) {
      paths.add(FileOrigins.absolute(path));
      return this;
    }

    /** The schema unqualified names resolve to; default {@code public}. */
    public Builder defaultSchema(String schema) {
      this.defaultSchema = schema;
      return this;
    }

    public Builder monitorContinuously(Duration interval) {
      this.monitorInterval = interval;
      return this;
    }

    public FileSource<QueryRecord> build() {
      if (paths.isEmpty()) {
        throw new IllegalStateException("a csvlog file or directory is required");
      }
      FileSource.FileSourceBuilder<QueryRecord> builder =
          FileSource.forBulkFileFormat(
                  new FileOriginFormat(new PostgresCsvLogFormat(defaultSchema)),
                  paths.toArray(Path[]::new))
              .setFileEnumerator(
                  () ->
                      new NonSplittingRecursiveEnumerator(
                          path -> path.getName().endsWith(".csv") || isDirectory(path)));
      if (monitorInterval != null) {
        builder.monitorContinuously(monitorInterval);
      }
      return builder.build();
    }

    private static boolean isDirectory(Path path) {
      try {
        return path.getFileSystem().getFileStatus(path).isDir();
      } catch (java.io.IOException e) {
        return false;
      }
    }
  }
}
