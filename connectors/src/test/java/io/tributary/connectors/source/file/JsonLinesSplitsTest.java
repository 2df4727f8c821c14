package io.tributary.connectors.source.file;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connectors.source.QueryRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.reader.BulkFormat;
import org.apache.flink.connector.file.src.util.RecordAndPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A JSON Lines log cut into byte ranges is read whole, each line once, wherever the cuts fall. */
class JsonLinesSplitsTest {

  @TempDir Path dir;

  @Test
  void everyLineIsReadOnceWhateverTheCuts() throws Exception {
    StringBuilder log = new StringBuilder();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      String id = "q" + i;
      ids.add(id);
      // Lines of varied lengths, multi-byte characters, CRLF endings and blank lines.
      log.append("{\"query_id\": \"")
          .append(id)
          .append("\", \"sql\": \"SELECT 'é€")
          .append("x".repeat(i * 7 % 50))
          .append("'\"}")
          .append(i % 5 == 0 ? "\r\n" : "\n");
      if (i % 7 == 0) {
        log.append("\n");
      }
    }
    log.setLength(log.length() - 1); // the last line has no line terminator
    Path file = dir.resolve("log.jsonl");
    Files.writeString(file, log);
    long length = Files.size(file);
    assertThat(log.toString().getBytes(StandardCharsets.UTF_8)).hasSize((int) length);

    for (long chunk : new long[] {1, 2, 3, 17, 64, 65, 100, 333, length - 1, length}) {
      List<String> read = new ArrayList<>();
      for (long offset = 0; offset < length; offset += chunk) {
        read.addAll(readSplit(file, offset, Math.min(chunk, length - offset), length));
      }
      assertThat(read).as("chunks of %d bytes", chunk).containsExactlyElementsOf(ids);
    }
  }

  @Test
  void aLargeFileIsCutIntoAboutTwoRangesPerReader() {
    assertThat(ChunkingFileEnumerator.chunkSize(100L << 20, 2)).isEqualTo(25L << 20);
    assertThat(ChunkingFileEnumerator.chunkSize(10L << 30, 2))
        .isEqualTo(ChunkingFileEnumerator.MAX_CHUNK);
    assertThat(ChunkingFileEnumerator.chunkSize(1_000, 2))
        .isEqualTo(ChunkingFileEnumerator.MIN_CHUNK);
  }

  private static List<String> readSplit(Path file, long offset, long length, long fileLength)
      throws Exception {
    FileOriginFormat format = new FileOriginFormat(new JsonLinesQueryFormat());
    assertThat(format.isSplittable()).isTrue();
    FileSourceSplit split =
        new FileSourceSplit(
            "s" + offset,
            new org.apache.flink.core.fs.Path(file.toUri()),
            offset,
            length,
            0,
            fileLength);
    List<String> ids = new ArrayList<>();
    try (BulkFormat.Reader<QueryRecord> reader = format.createReader(new Configuration(), split)) {
      BulkFormat.RecordIterator<QueryRecord> batch;
      while ((batch = reader.readBatch()) != null) {
        RecordAndPosition<QueryRecord> next;
        while ((next = batch.next()) != null) {
          ids.add(next.getRecord().queryId());
          assertThat(next.getRecord().sql()).startsWith("SELECT 'é€");
        }
        batch.releaseBatch();
      }
    }
    return ids;
  }
}
