package io.tributary.connectors.source.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connectors.source.ExecutionStatus;
import io.tributary.connectors.store.DeadLetterReason;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class KafkaQueryRecordDeserializerTest {

  static final long PRODUCED = Instant.parse("2024-05-01T10:00:00Z").toEpochMilli();

  static ConsumerRecord<byte[], byte[]> record(long offset, String value) {
    return new ConsumerRecord<>(
        "query-log",
        2,
        offset,
        PRODUCED,
        TimestampType.CREATE_TIME,
        -1,
        -1,
        null,
        value == null ? null : value.getBytes(StandardCharsets.UTF_8),
        new RecordHeaders(),
        Optional.empty());
  }

  @Test
  void readsTheFilesSourcesShapeWithTheTopicAsOrigin() {
    KafkaQueryMessage message =
        KafkaQueryRecordDeserializer.read(
            record(
                7,
                "{\"QUERY_ID\": \"q1\", \"sql\": \"INSERT INTO t SELECT a FROM s\","
                    + " \"start_time\": \"2024-05-01T09:59:58Z\", \"database_name\": \"PROD\","
                    + " \"schema_name\": \"PUBLIC\", \"session_id\": 42, \"dialect\": \"snowflake\","
                    + " \"execution_status\": \"SUCCESS\"}"));

    assertThat(message.unreadable()).isNull();
    var r = message.record();
    assertThat(r.queryId()).isEqualTo("q1");
    assertThat(r.sql()).isEqualTo("INSERT INTO t SELECT a FROM s");
    assertThat(r.startTimeMillis()).isEqualTo(Instant.parse("2024-05-01T09:59:58Z").toEpochMilli());
    assertThat(r.databaseName()).isEqualTo("PROD");
    assertThat(r.schemaName()).isEqualTo("PUBLIC");
    assertThat(r.sessionId()).isEqualTo("42");
    assertThat(r.dialect()).isEqualTo("snowflake");
    assertThat(r.status()).isEqualTo(ExecutionStatus.SUCCESS);
    assertThat(r.origin()).isEqualTo("kafka://query-log");
  }

  @Test
  void aRecordWithoutIdOrTimeTakesItsPositionAndTimestamp() {
    var r = KafkaQueryRecordDeserializer.read(record(9, "{\"query_text\": \"SELECT 1\"}")).record();

    assertThat(r.queryId()).isEqualTo("query-log-2@9");
    assertThat(r.startTimeMillis()).isEqualTo(PRODUCED);
  }

  @Test
  void invalidJsonIsADeadLetterNamingTopicPartitionAndOffset() {
    KafkaQueryMessage message = KafkaQueryRecordDeserializer.read(record(11, "{\"sql\": "));

    assertThat(message.record()).isNull();
    var letter = message.unreadable();
    assertThat(letter.queryId()).contains("query-log-2@11");
    assertThat(letter.reason()).isEqualTo(DeadLetterReason.UNREADABLE_RECORD);
    assertThat(letter.statement()).isEqualTo("{\"sql\": ");
    assertThat(letter.message())
        .startsWith("Kafka record at topic query-log, partition 2, offset 11: not valid JSON");
  }

  @Test
  void aRecordWithoutSqlOrWithoutValueIsADeadLetter() {
    assertThat(
            KafkaQueryRecordDeserializer.read(record(12, "{\"query_id\": \"q\"}"))
                .unreadable()
                .message())
        .endsWith("offset 12: no SQL text (sql or query_text)");
    assertThat(KafkaQueryRecordDeserializer.read(record(13, "[1, 2]")).unreadable().message())
        .endsWith("offset 13: not a JSON object");
    assertThat(KafkaQueryRecordDeserializer.read(record(14, null)).unreadable().message())
        .endsWith("offset 14: no value");
    assertThat(
            KafkaQueryRecordDeserializer.read(
                    record(15, "{\"sql\": \"SELECT 1\", \"start_time\": \"yesterday\"}"))
                .unreadable()
                .message())
        .endsWith("offset 15: unreadable start time 'yesterday'");
  }
}
