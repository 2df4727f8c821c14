package io.tributary.connectors.source.kafka;

import io.tributary.connectors.source.QueryRecord;
import io.tributary.connectors.source.QueryRecordJson;
import io.tributary.connectors.store.DeadLetter;
import io.tributary.connectors.store.DeadLetterReason;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Reads a Kafka record's value as one executed statement, a JSON object in the shape the files
 * source reads ({@link QueryRecordJson}). The origin is {@link KafkaOrigins#of the topic's}; a
 * record without {@code start_time} takes the record's timestamp, one without {@code query_id} its
 * topic, partition and offset. A record that is not a JSON object, has no SQL or an unreadable
 * start time becomes a dead letter naming its topic, partition and offset; it never fails the job.
 */
public final class KafkaQueryRecordDeserializer
    implements KafkaRecordDeserializationSchema<KafkaQueryMessage> {

  private static final long serialVersionUID = 1L;

  @Override
  public void deserialize(
      ConsumerRecord<byte[], byte[]> message, Collector<KafkaQueryMessage> out) {
    out.collect(read(message));
  }

  static KafkaQueryMessage read(ConsumerRecord<byte[], byte[]> message) {
    String position = position(message.topic(), message.partition(), message.offset());
    String text =
        message.value() == null ? "" : new String(message.value(), StandardCharsets.UTF_8);
    QueryRecordJson.Result result =
        message.value() == null
            ? new QueryRecordJson.Unreadable("no value")
            : QueryRecordJson.parse(text, position);
    if (result instanceof QueryRecordJson.Read read) {
      QueryRecord record = read.value().withOrigin(KafkaOrigins.of(message.topic()));
      if (record.startTimeMillis() == 0L && message.timestamp() > 0L) {
        record = record.withStartTime(message.timestamp());
      }
      return KafkaQueryMessage.of(record);
    }
    String reason = ((QueryRecordJson.Unreadable) result).reason();
    return KafkaQueryMessage.unreadable(
        DeadLetter.of(
            position,
            null,
            null,
            text,
            DeadLetterReason.UNREADABLE_RECORD,
            "Kafka record at topic "
                + message.topic()
                + ", partition "
                + message.partition()
                + ", offset "
                + message.offset()
                + ": "
                + reason,
            Instant.now()));
  }

  /** The query id of a record's position: {@code topic-partition@offset}. */
  static String position(String topic, int partition, long offset) {
    return topic + "-" + partition + "@" + offset;
  }

  @Override
  public TypeInformation<KafkaQueryMessage> getProducedType() {
    return TypeInformation.of(KafkaQueryMessage.class);
  }
}
