package io.tributary.cluster;

import io.tributary.connectors.source.kafka.KafkaBroker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A Kafka topic that grows: the lines of a whole query log, produced one chunk at a time, each line
 * one record, spread over the topic's partitions in turn.
 */
final class GrowingTopic {
  private final KafkaBroker broker;
  private final String topic;
  private final int partitions;
  private final List<List<String>> chunks = new ArrayList<>();
  private int fed;
  private long sent;

  GrowingTopic(Path log, int chunkCount, KafkaBroker broker, String topic, int partitions)
      throws IOException {
    this.broker = broker;
    this.topic = topic;
    this.partitions = partitions;
    List<String> lines = Files.readAllLines(log);
    int size = (lines.size() + chunkCount - 1) / chunkCount;
    for (int from = 0; from < lines.size(); from += size) {
      chunks.add(lines.subList(from, Math.min(lines.size(), from + size)));
    }
  }

  /** Produces the next chunk (acknowledged by the broker); false once all are in. */
  boolean feedNext() throws Exception {
    if (fed == chunks.size()) {
      return false;
    }
    for (String line : chunks.get(fed)) {
      broker.send(topic, (int) (sent++ % partitions), line, null);
    }
    fed++;
    return true;
  }

  int fed() {
    return fed;
  }

  /** The records of the chunks produced so far. */
  long rowsFed() {
    return sent;
  }

  int chunks() {
    return chunks.size();
  }
}
