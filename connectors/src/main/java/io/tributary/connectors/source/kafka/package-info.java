/**
 * A query history published to Kafka: {@link
 * io.tributary.connectors.source.kafka.KafkaQueryHistorySource} builds the Flink source, {@link
 * io.tributary.connectors.source.kafka.KafkaQueryRecordDeserializer} reads each record (JSON, as
 * the files source), {@link io.tributary.connectors.source.kafka.SplitUnreadableRecords} sends
 * records that hold no statement to the dead letters.
 */
package io.tributary.connectors.source.kafka;
