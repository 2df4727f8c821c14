package io.tributary.jobs;

import io.tributary.connectors.source.QueryRecord;
import io.tributary.connectors.source.file.FileQueryHistorySource;
import io.tributary.connectors.source.file.QueryLogFormat;
import io.tributary.connectors.source.jdbc.JdbcQueryHistorySource;
import io.tributary.connectors.source.jdbc.QueryHistoryPreset;
import io.tributary.connectors.source.kafka.KafkaQueryHistorySource;
import io.tributary.connectors.source.kafka.KafkaQueryMessage;
import io.tributary.connectors.source.kafka.SplitUnreadableRecords;
import io.tributary.connectors.source.pglog.PostgresCsvLogSource;
import io.tributary.connectors.store.QueryExecutions;
import io.tributary.jobs.pipeline.LineagePipeline;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Pattern;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** Which query history a job reads, and how. */
public sealed interface QuerySourceSpec {

  /**
   * Adds the source to the environment.
   *
   * @param continuous keep reading new history (streaming) instead of stopping at its end
   * @param from the start of the range (required for a JDBC backfill and for JDBC polling)
   * @param to the end of the range (required for a JDBC backfill)
   */
  DataStream<QueryRecord> open(
      StreamExecutionEnvironment env, boolean continuous, Instant from, Instant to);

  /** The dialect the history's statements are in, when the source knows it. */
  default String dialect(String fallback) {
    return fallback;
  }

  /**
   * Fails, naming the flag and the path, when an input on this machine is missing or cannot be
   * read: a local run checks before its mini cluster starts. (A job submitted to a cluster reads
   * paths on the TaskManagers, so its {@code main} does not check them.)
   */
  default void checkLocalInputs() {}

  /** A path without a scheme, or a {@code file:} URI, that does not exist or cannot be read. */
  private static void checkLocal(String path) {
    Path local;
    if (path.startsWith("file:")) {
      local = Path.of(URI.create(path));
    } else if (path.matches("^[a-zA-Z][a-zA-Z0-9+.-]+://.*")) {
      return; // another file system (s3://, hdfs://...): the cluster's to read
    } else {
      local = Path.of(path);
    }
    if (!java.nio.file.Files.exists(local)) {
      throw new IllegalArgumentException("--path " + path + ": no such file or directory");
    }
    if (!java.nio.file.Files.isReadable(local)) {
      throw new IllegalArgumentException("--path " + path + ": cannot be read (permission denied)");
    }
  }

  /** JSON Lines or CSV files: one file or a directory; monitored for new files when continuous. */
  record Files(List<String> paths, QueryLogFormat format, Duration monitorInterval)
      implements QuerySourceSpec {
    public Files {
      paths = List.copyOf(paths);
      if (paths.isEmpty()) {
        throw new IllegalArgumentException("--path is required for --source files");
      }
      monitorInterval =
          monitorInterval == null ? JobFlags.MONITOR_INTERVAL.defaultValue() : monitorInterval;
    }

    @Override
    public void checkLocalInputs() {
      paths.forEach(QuerySourceSpec::checkLocal);
    }

    @Override
    public DataStream<QueryRecord> open(
        StreamExecutionEnvironment env, boolean continuous, Instant from, Instant to) {
      FileQueryHistorySource.Builder builder = FileQueryHistorySource.builder().format(format);
      paths.forEach(builder::path);
      if (continuous) {
        builder.monitorContinuously(monitorInterval);
      }
      return env.fromSource(builder.build(), WatermarkStrategy.noWatermarks(), "Query log files")
          .uid("query-log-files");
    }
  }

  /**
   * A query-history table reached over JDBC; {@code origin} names it for the execution counts
   * (null: its URL without credentials or properties, and the table).
   */
  record Jdbc(
      String url,
      String user,
      String password,
      QueryHistoryPreset preset,
      String table,
      String origin,
      Duration slice,
      Duration window,
      Duration lateness,
      Duration pollInterval)
      implements QuerySourceSpec {
    public Jdbc {
      Objects.requireNonNull(url, "--jdbc-url is required for --source jdbc");
      preset = preset == null ? QueryHistoryPreset.POSTGRESQL : preset;
      slice = slice == null ? JobFlags.SLICE.defaultValue() : slice;
      window = window == null ? JobFlags.WINDOW.defaultValue() : window;
      lateness = lateness == null ? Duration.ofSeconds(5) : lateness;
      pollInterval = pollInterval == null ? JobFlags.POLL_INTERVAL.defaultValue() : pollInterval;
    }

    @Override
    public String dialect(String fallback) {
      return preset.dialect();
    }

    @Override
    public DataStream<QueryRecord> open(
        StreamExecutionEnvironment env, boolean continuous, Instant from, Instant to) {
      JdbcQueryHistorySource.Builder builder =
          JdbcQueryHistorySource.builder()
              .url(url)
              .username(user)
              .password(password)
              .preset(preset)
              .slice(slice)
              .window(window)
              .lateness(lateness)
              .pollInterval(pollInterval);
      if (table != null) {
        builder.table(table);
      }
      if (origin != null) {
        builder.origin(origin);
      }
      if (continuous) {
        // From the start of the day, so the first day's execution counts are whole too.
        Instant start =
            from != null
                ? from
                : Instant.ofEpochMilli(
                    QueryExecutions.dayOf(System.currentTimeMillis() - window.toMillis()));
        return env.fromSource(
                builder.buildContinuous(start),
                WatermarkStrategy.noWatermarks(),
                "Query history (" + preset.dialect() + ")")
            .uid("query-history-jdbc");
      }
      if (from == null || to == null) {
        throw new IllegalArgumentException("a JDBC backfill needs --from and --to");
      }
      return env.fromSource(
              builder.buildBounded(from, to),
              WatermarkStrategy.noWatermarks(),
              "Query history (" + preset.dialect() + ")")
          .uid("query-history-jdbc");
    }
  }

  /** PostgreSQL csvlog files: a file or the server's log directory. */
  record PostgresCsvLog(String path, String defaultSchema, Duration monitorInterval)
      implements QuerySourceSpec {
    public PostgresCsvLog {
      Objects.requireNonNull(path, "--path is required for --source pg-csvlog");
      defaultSchema =
          defaultSchema == null ? JobFlags.DEFAULT_SCHEMA.defaultValue() : defaultSchema;
      monitorInterval =
          monitorInterval == null ? JobFlags.MONITOR_INTERVAL.defaultValue() : monitorInterval;
    }

    @Override
    public String dialect(String fallback) {
      return "postgresql";
    }

    @Override
    public void checkLocalInputs() {
      checkLocal(path);
    }

    @Override
    public DataStream<QueryRecord> open(
        StreamExecutionEnvironment env, boolean continuous, Instant from, Instant to) {
      PostgresCsvLogSource.Builder builder =
          PostgresCsvLogSource.builder().path(path).defaultSchema(defaultSchema);
      if (continuous) {
        builder.monitorContinuously(monitorInterval);
      }
      return env.fromSource(builder.build(), WatermarkStrategy.noWatermarks(), "PostgreSQL csvlog")
          .uid("postgres-csvlog");
    }
  }

  /**
   * Kafka topics of JSON records, one executed statement each, in the shape the files source reads.
   * Records that hold no statement go to the dead letters through {@link
   * LineagePipeline#UNREADABLE_RECORDS}.
   *
   * @param topics the topics to read (empty when {@code topicPattern} is given)
   * @param topicPattern a regular expression over topic names, or null
   * @param groupId the consumer group offsets are committed to (null: {@code tributary})
   * @param properties Kafka consumer properties passed through (security settings and the like)
   * @param lateness a backfill also reads records produced this long after {@code --to}, for
   *     statements published late (default 5 minutes)
   */
  record Kafka(
      String bootstrapServers,
      List<String> topics,
      String topicPattern,
      String groupId,
      Map<String, String> properties,
      Duration lateness)
      implements QuerySourceSpec {
    public Kafka {
      if (bootstrapServers == null || bootstrapServers.isBlank()) {
        throw new IllegalArgumentException("--bootstrap-servers is required for --source kafka");
      }
      topics = topics == null ? List.of() : List.copyOf(topics);
      if (topics.isEmpty() == (topicPattern == null)) {
        throw new IllegalArgumentException(
            "--source kafka needs either --topic or --topic-pattern (not both)");
      }
      properties = properties == null ? Map.of() : Map.copyOf(properties);
      lateness = lateness == null ? Duration.ofMinutes(5) : lateness;
    }

    @Override
    public DataStream<QueryRecord> open(
        StreamExecutionEnvironment env, boolean continuous, Instant from, Instant to) {
      Properties consumer = new Properties();
      consumer.putAll(properties);
      KafkaQueryHistorySource.Builder builder =
          KafkaQueryHistorySource.builder()
              .bootstrapServers(bootstrapServers)
              .groupId(groupId)
              .properties(consumer);
      if (topicPattern != null) {
        builder.topicPattern(Pattern.compile(topicPattern));
      } else {
        builder.topics(topics);
      }
      // A stream starts at the start of the day by default, so the first day's counts are whole.
      var source =
          continuous
              ? builder.buildContinuous(
                  from != null
                      ? from
                      : Instant.ofEpochMilli(QueryExecutions.dayOf(System.currentTimeMillis())))
              : builder.buildBounded(from, to == null ? null : to.plus(lateness));
      return env.fromSource(source, WatermarkStrategy.<KafkaQueryMessage>noWatermarks(), "Kafka")
          .uid("query-log-kafka")
          .process(new SplitUnreadableRecords(LineagePipeline.UNREADABLE_RECORDS))
          .name("Split unreadable records")
          .uid("split-unreadable-records");
    }
  }
}
