package io.tributary.jobs;

import static org.apache.flink.configuration.ConfigOptions.key;

import io.tributary.connectors.source.kafka.KafkaQueryHistorySource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.description.Formatter;
import org.apache.flink.configuration.description.TextElement;
import org.apache.flink.util.TimeUtils;

/**
 * Every flag of the backfill and streaming jobs, defined once with its default and description, in
 * the style of Flink's {@link ConfigOption}s: {@code --KEY VALUE} on the command line. The jobs'
 * {@code main} reads them through {@link JobArguments}; {@code tributary backfill} and {@code
 * tributary stream} list them in their help from here and hand what they were given to the same
 * {@link JobArguments}; the README's flag table is checked against them.
 *
 * <p>Durations are written {@code 500ms}, {@code 10s}, {@code 5min}, {@code 1h}, {@code 1d}; times
 * as ISO-8601, a date, or epoch seconds/millis.
 */
public final class JobFlags {

  private JobFlags() {}

  public static final ConfigOption<String> SOURCE =
      key("source")
          .stringType()
          .noDefaultValue()
          .withDescription(
              "Where the query history is: files, jdbc, pg-csvlog or kafka (required).");

  public static final ConfigOption<String> PATH =
      key("path")
          .stringType()
          .noDefaultValue()
          .withDescription(
              "files, pg-csvlog: a log file or a directory (comma-separated for several files).");

  public static final ConfigOption<String> FORMAT =
      key("format")
          .stringType()
          .noDefaultValue()
          .withDescription("files: jsonl or csv (default: from the extension).");

  public static final ConfigOption<String> JDBC_URL =
      key("jdbc-url")
          .stringType()
          .noDefaultValue()
          .withDescription("jdbc: the JDBC URL of the query history.");

  public static final ConfigOption<String> JDBC_USER =
      key("jdbc-user").stringType().noDefaultValue().withDescription("jdbc: user.");

  public static final ConfigOption<String> JDBC_PASSWORD =
      key("jdbc-password").stringType().noDefaultValue().withDescription("jdbc: password.");

  public static final ConfigOption<String> PRESET =
      key("preset")
          .stringType()
          .defaultValue("postgresql")
          .withDescription("jdbc: snowflake, bigquery, redshift, databricks or postgresql.");

  public static final ConfigOption<String> TABLE =
      key("table")
          .stringType()
          .noDefaultValue()
          .withDescription("jdbc: the history table or view, instead of the preset's.");

  public static final ConfigOption<String> ORIGIN =
      key("origin")
          .stringType()
          .noDefaultValue()
          .withDescription(
              "jdbc: the name executions are counted under (default: the URL without credentials"
                  + " or properties, and the table). Set it when two histories would look alike.");

  public static final ConfigOption<Duration> SLICE =
      key("slice")
          .durationType()
          .defaultValue(Duration.ofHours(1))
          .withDescription("jdbc backfill: the length of one parallel time slice.");

  public static final ConfigOption<String> DEFAULT_SCHEMA =
      key("default-schema")
          .stringType()
          .defaultValue("public")
          .withDescription("pg-csvlog: the schema unqualified names resolve to.");

  public static final ConfigOption<String> BOOTSTRAP_SERVERS =
      key("bootstrap-servers")
          .stringType()
          .noDefaultValue()
          .withDescription("kafka: the brokers to connect to first (host:port[,host:port...]).");

  public static final ConfigOption<String> TOPIC =
      key("topic")
          .stringType()
          .noDefaultValue()
          .withDescription(
              "kafka: the topic(s) of the query log, comma-separated, one JSON statement per"
                  + " record.");

  public static final ConfigOption<String> TOPIC_PATTERN =
      key("topic-pattern")
          .stringType()
          .noDefaultValue()
          .withDescription("kafka: a regular expression naming the topics, instead of --topic.");

  public static final ConfigOption<String> GROUP_ID =
      key("group-id")
          .stringType()
          .defaultValue(KafkaQueryHistorySource.DEFAULT_GROUP_ID)
          .withDescription("kafka: the consumer group offsets are committed to.");

  public static final ConfigOption<String> KAFKA_PROPERTY =
      key("kafka-property")
          .stringType()
          .noDefaultValue()
          .withDescription(
              "kafka: a consumer property, key=value (repeatable), e.g."
                  + " security.protocol=SASL_SSL.");

  public static final ConfigOption<String> KAFKA_PROPERTIES_FILE =
      key("kafka-properties-file")
          .stringType()
          .noDefaultValue()
          .withDescription(
              "kafka: a properties file of consumer properties (--kafka-property wins).");

  public static final ConfigOption<Duration> LATENESS =
      key("lateness")
          .durationType()
          .noDefaultValue()
          .withDescription(
              "jdbc: how long after its end a window is read, for rows written late (default"
                  + " 5s); kafka backfill: records published this long after --to are read too"
                  + " (default 5min).");

  public static final ConfigOption<String> FROM =
      key("from")
          .stringType()
          .noDefaultValue()
          .withDescription(
              "Start of the time range (ISO-8601, a date, or epoch seconds/millis); required for"
                  + " a jdbc backfill. A stream polls a JDBC history from here (default: the"
                  + " start of the current day, UTC).");

  public static final ConfigOption<String> TO =
      key("to").stringType().noDefaultValue().withDescription("End of the time range, exclusive.");

  public static final ConfigOption<String> DIALECT =
      key("dialect")
          .stringType()
          .noDefaultValue()
          .withDescription(
              "Dialect of statements whose history names none (default: the preset's, else"
                  + " ansi).");

  public static final ConfigOption<String> STORE =
      key("store")
          .stringType()
          .noDefaultValue()
          .withDescription(
              "The lineage store's JDBC URL (default: $TRIBUTARY_STORE, else the embedded H2"
                  + " store); credentials go in the URL.");

  public static final ConfigOption<Integer> PARALLELISM =
      key("parallelism")
          .intType()
          .defaultValue(0)
          .withDescription("Parallelism of the job; 0 keeps the environment's (the CPU cores).");

  public static final ConfigOption<Duration> ANALYSIS_TIMEOUT =
      key("analysis-timeout")
          .durationType()
          .noDefaultValue()
          .withDescription("The longest one statement's analysis may take (default 10s).");

  public static final ConfigOption<Boolean> NO_DISCOVER =
      key("no-discover")
          .booleanType()
          .defaultValue(false)
          .withDescription(
              "Do not register tables and columns the store's catalog does not know (a flag"
                  + " without value).");

  public static final ConfigOption<String> OPENLINEAGE_URL =
      key("openlineage-url")
          .stringType()
          .noDefaultValue()
          .withDescription(
              "Send OpenLineage run events to this endpoint (Marquez-compatible: http://host:5000;"
                  + " events are posted to /api/v1/lineage).");

  public static final ConfigOption<String> OPENLINEAGE_API_KEY =
      key("openlineage-api-key")
          .stringType()
          .noDefaultValue()
          .withDescription("Sent with each event as Authorization: Bearer KEY.");

  public static final ConfigOption<String> OPENLINEAGE_FILE =
      key("openlineage-file")
          .stringType()
          .noDefaultValue()
          .withDescription("Append OpenLineage run events to this JSON Lines file.");

  public static final ConfigOption<String> OPENLINEAGE_DATASET_NAMESPACE =
      key("openlineage-dataset-namespace")
          .stringType()
          .noDefaultValue()
          .withDescription(
              "The datasets' namespace (e.g. snowflake://ORG-ACCOUNT, postgres://host:5432), or"
                  + " ORIGIN=NAMESPACE for one origin (repeatable). Default: from the dialect.");

  public static final ConfigOption<Duration> CHECKPOINT_INTERVAL =
      key("checkpoint-interval")
          .durationType()
          .defaultValue(Duration.ofSeconds(10))
          .withDescription("stream: how often to checkpoint.");

  public static final ConfigOption<Integer> RESTART_ATTEMPTS =
      key("restart-attempts")
          .intType()
          .defaultValue(3)
          .withDescription("stream: restarts after a failure before giving up.");

  public static final ConfigOption<Duration> RESTART_DELAY =
      key("restart-delay")
          .durationType()
          .defaultValue(Duration.ofSeconds(10))
          .withDescription("stream: pause before a restart.");

  public static final ConfigOption<Duration> STATE_TTL =
      key("state-ttl")
          .durationType()
          .defaultValue(Duration.ofDays(1))
          .withDescription(
              "stream: how long statements and edges are remembered before re-analysis.");

  public static final ConfigOption<Duration> EDGE_REFRESH =
      key("edge-refresh")
          .durationType()
          .defaultValue(Duration.ofHours(1))
          .withDescription(
              "stream: a statement seen again this much after its edges were last written"
                  + " writes them again, so their last_seen follows.");

  public static final ConfigOption<Duration> STATS_INTERVAL =
      key("stats-interval")
          .durationType()
          .defaultValue(Duration.ofSeconds(10))
          .withDescription("stream: how often execution counts are written to the queries table.");

  public static final ConfigOption<Duration> MONITOR_INTERVAL =
      key("monitor-interval")
          .durationType()
          .defaultValue(Duration.ofSeconds(5))
          .withDescription("stream, files and pg-csvlog: how often to look for new files.");

  public static final ConfigOption<Duration> WINDOW =
      key("window")
          .durationType()
          .defaultValue(Duration.ofSeconds(10))
          .withDescription("stream, jdbc: the length of one polled time window.");

  public static final ConfigOption<Duration> POLL_INTERVAL =
      key("poll-interval")
          .durationType()
          .defaultValue(Duration.ofSeconds(1))
          .withDescription("stream, jdbc: how often to look for windows ready to read.");

  /** The flags both jobs take, in the order the help lists them. */
  public static final List<ConfigOption<?>> COMMON =
      List.of(
          SOURCE,
          PATH,
          FORMAT,
          JDBC_URL,
          JDBC_USER,
          JDBC_PASSWORD,
          PRESET,
          TABLE,
          ORIGIN,
          SLICE,
          DEFAULT_SCHEMA,
          BOOTSTRAP_SERVERS,
          TOPIC,
          TOPIC_PATTERN,
          GROUP_ID,
          KAFKA_PROPERTY,
          KAFKA_PROPERTIES_FILE,
          LATENESS,
          FROM,
          TO,
          DIALECT,
          STORE,
          PARALLELISM,
          ANALYSIS_TIMEOUT,
          NO_DISCOVER,
          OPENLINEAGE_URL,
          OPENLINEAGE_API_KEY,
          OPENLINEAGE_FILE,
          OPENLINEAGE_DATASET_NAMESPACE);

  /** The flags only the streaming job takes. */
  public static final List<ConfigOption<?>> STREAMING =
      List.of(
          CHECKPOINT_INTERVAL,
          RESTART_ATTEMPTS,
          RESTART_DELAY,
          STATE_TTL,
          EDGE_REFRESH,
          STATS_INTERVAL,
          MONITOR_INTERVAL,
          WINDOW,
          POLL_INTERVAL);

  /** Flags that may be given several times; each value counts. */
  public static final Set<ConfigOption<?>> REPEATABLE =
      Set.of(KAFKA_PROPERTY, OPENLINEAGE_DATASET_NAMESPACE);

  /** The flags of a job: {@link #COMMON}, plus {@link #STREAMING} for the streaming job. */
  public static List<ConfigOption<?>> of(boolean streaming) {
    if (!streaming) {
      return COMMON;
    }
    List<ConfigOption<?>> all = new ArrayList<>(COMMON);
    all.addAll(STREAMING);
    return List.copyOf(all);
  }

  /** True for a flag given without value ({@code --no-discover}). */
  public static boolean isSwitch(ConfigOption<?> option) {
    return option.hasDefaultValue() && option.defaultValue() instanceof Boolean;
  }

  /** A flag's description as plain text, with its default when it has one. */
  public static String describe(ConfigOption<?> option) {
    String text = new PlainText().format(option.description());
    if (!option.hasDefaultValue() || isSwitch(option)) {
      return text;
    }
    return text + " Default: " + defaultText(option) + ".";
  }

  /** A default as it is written on the command line ({@code 10s}, {@code 1h}, {@code 3}). */
  public static String defaultText(ConfigOption<?> option) {
    Object value = option.defaultValue();
    return value instanceof Duration d
        ? TimeUtils.formatWithHighestUnit(d).replace(" ", "")
        : String.valueOf(value);
  }

  /** Flink's description elements as plain text, for the command-line help. */
  private static final class PlainText extends Formatter {
    @Override
    protected void formatLink(StringBuilder state, String link, String description) {
      state.append(description).append(" (").append(link).append(')');
    }

    @Override
    protected void formatLineBreak(StringBuilder state) {
      state.append(' ');
    }

    @Override
    protected void formatText(
        StringBuilder state,
        String format,
        String[] elements,
        EnumSet<TextElement.TextStyle> styles) {
      state.append(elements.length == 0 ? format : String.format(format, (Object[]) elements));
    }

    @Override
    protected void formatList(StringBuilder state, String[] entries) {
      state.append(String.join("; ", entries));
    }

    @Override
    protected Formatter newInstance() {
      return new PlainText();
    }
  }
}
