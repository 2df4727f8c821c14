package io.tributary.connectors.source.kafka;

/**
 * The origin executions read from Kafka are counted under: {@code kafka://TOPIC}. It names the
 * topic, not the cluster or the offsets, so it is the same for every run over the topic, whatever
 * range a run reads; a day's count is then the same however often its records are read again.
 */
public final class KafkaOrigins {

  private KafkaOrigins() {}

  public static String of(String topic) {
    return "kafka://" + topic;
  }
}
