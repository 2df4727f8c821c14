package io.tributary.connectors.source.kafka;

import io.tributary.connectors.source.QueryRecord;
import io.tributary.connectors.store.DeadLetter;
import java.util.Objects;

/**
 * What one Kafka record gave: the statement it holds, or the dead letter saying why it holds none.
 * Exactly one of the two is set (a record type with nullable fields, so Flink serializes it as a
 * POJO).
 */
public record KafkaQueryMessage(QueryRecord record, DeadLetter unreadable) {

  public KafkaQueryMessage {
    if ((record == null) == (unreadable == null)) {
      throw new IllegalArgumentException("exactly one of record and unreadable is set");
    }
  }

  static KafkaQueryMessage of(QueryRecord record) {
    return new KafkaQueryMessage(Objects.requireNonNull(record), null);
  }

  static KafkaQueryMessage unreadable(DeadLetter letter) {
    return new KafkaQueryMessage(null, Objects.requireNonNull(letter));
  }
}
