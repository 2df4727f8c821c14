package io.tributary.cli;

import io.tributary.jobs.KafkaArguments;
import io.tributary.jobs.QuerySourceSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The options of {@code --source kafka}, shared by {@code backfill} and {@code stream}. */
final class KafkaOptions {

  @Option(
      names = "--bootstrap-servers",
      description = "kafka: the brokers to connect to first (host:port[,host:port...]).")
  String bootstrapServers;

  @Option(
      names = "--topic",
      split = ",",
      description = "kafka: the topic(s) of the query log, one JSON statement per record.")
  List<String> topics = new ArrayList<>();

  @Option(
      names = "--topic-pattern",
      description = "kafka: a regular expression naming the topics, instead of --topic.")
  String topicPattern;

  @Option(
      names = "--group-id",
      description = "kafka: the consumer group offsets are committed to (default tributary).")
  String groupId;

  @Option(
      names = "--kafka-property",
      description =
          "kafka: a consumer property, key=value (repeatable), e.g. security.protocol=SASL_SSL.")
  List<String> properties = new ArrayList<>();

  @Option(
      names = "--kafka-properties-file",
      description = "kafka: a properties file of consumer properties (--kafka-property wins).")
  Path propertiesFile;

  QuerySourceSpec.Kafka spec() {
    if (bootstrapServers == null || bootstrapServers.isBlank()) {
      throw new IllegalArgumentException("--bootstrap-servers is required for --source kafka");
    }
    return new QuerySourceSpec.Kafka(
        bootstrapServers,
        topics,
        topicPattern,
        groupId,
        KafkaArguments.properties(propertiesFile, properties),
        null);
  }
}
