package io.tributary.connectors.source.kafka;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Pattern;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/**
 * A query history published to Kafka, one executed statement per record (JSON, read by {@link
 * KafkaQueryRecordDeserializer}), built on flink-connector-kafka's {@link KafkaSource}. The offsets
 * read live in Flink's checkpoints; they are also committed to the consumer group on each
 * checkpoint, so the group's lag shows how far behind the job is.
 *
 * <ul>
 *   <li>{@link Builder#buildContinuous(Instant)}: follows the topics from a time on (the first
 *       record at or after it in each partition), or from the group's committed offsets.
 *   <li>{@link Builder#buildBounded(Instant, Instant)}: reads a range and stops: from a time (or
 *       the group's committed offsets) to a time (or the latest offsets when the job starts).
 * </ul>
 *
 * Times select by the records' Kafka timestamps; the job then keeps the statements whose own start
 * time is in its range.
 */
public final class KafkaQueryHistorySource {

  /** The consumer group when none is given. */
  public static final String DEFAULT_GROUP_ID = "tributary";

  private KafkaQueryHistorySource() {}

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builder; {@link #bootstrapServers(String)} and either {@link #topics(List)} or {@link
   * #topicPattern(Pattern)} are required.
   */
  public static final class Builder {
    private String bootstrapServers;
    private List<String> topics = List.of();
    private Pattern topicPattern;
    private String groupId = DEFAULT_GROUP_ID;
    private final Properties properties = new Properties();

    private Builder() {}

    public Builder bootstrapServers(String value) {
      this.bootstrapServers = value;
      return this;
    }

    public Builder topics(List<String> value) {
      this.topics = List.copyOf(value);
      return this;
    }

    public Builder topicPattern(Pattern value) {
      this.topicPattern = value;
      return this;
    }

    public Builder groupId(String value) {
      this.groupId = value == null ? DEFAULT_GROUP_ID : value;
      return this;
    }

    /** Consumer properties (security settings and the like), passed through as they are. */
    public Builder properties(Properties value) {
      properties.putAll(value);
      return this;
    }

    /**
     * Follows the topics without end.
     *
     * @param from the time to start at; null: the group's committed offsets (the earliest where the
     *     group has none)
     */
    public KafkaSource<KafkaQueryMessage> buildContinuous(Instant from) {
      return base().setStartingOffsets(start(from)).build();
    }

    /**
     * Reads a range and stops.
     *
     * @param from the time to start at; null: the group's committed offsets (the earliest where the
     *     group has none)
     * @param to the time to stop before; null: the latest offsets when the job starts
     */
    public KafkaSource<KafkaQueryMessage> buildBounded(Instant from, Instant to) {
      return base()
          .setStartingOffsets(start(from))
          .setBounded(
              to == null ? OffsetsInitializer.latest() : OffsetsInitializer.timestamp(millis(to)))
          .build();
    }

    private KafkaSourceBuilder<KafkaQueryMessage> base() {
      Objects.requireNonNull(
          bootstrapServers, "--bootstrap-servers is required for --source kafka");
      if (topics.isEmpty() == (topicPattern == null)) {
        throw new IllegalArgumentException(
            "--source kafka needs either --topic or --topic-pattern (not both)");
      }
      KafkaSourceBuilder<KafkaQueryMessage> builder =
          KafkaSource.<KafkaQueryMessage>builder()
              .setBootstrapServers(bootstrapServers)
              .setGroupId(groupId)
              .setProperties(properties)
              .setDeserializer(new KafkaQueryRecordDeserializer());
      return topicPattern != null
          ? builder.setTopicPattern(topicPattern)
          : builder.setTopics(topics);
    }

    private static OffsetsInitializer start(Instant from) {
      return from == null
          ? OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST)
          : OffsetsInitializer.timestamp(millis(from));
    }

    private static long millis(Instant time) {
      return Math.max(0L, time.toEpochMilli());
    }
  }
}
