package io.tributary.connectors.source.file;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connectors.source.QueryRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class FileQueryHistorySourceITCase {

  @RegisterExtension
  static final MiniClusterExtension MINI_CLUSTER =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .build());

  @TempDir Path dir;

  @Test
  void readsJsonLinesAndCsvFromADirectorySkippingBadLines() throws Exception {
    Files.createDirectories(dir.resolve("logs/nested"));
    Files.writeString(
        dir.resolve("logs/nested/a.jsonl"),
        """
        {"query_id": "j1", "sql": "SELECT 1", "start_time": 1714557600, "user_name": "ann"}

        not json at all
        {"query_id": "j2", "query_text": "INSERT INTO t SELECT * FROM s", "start_time": "2024-05-01T10:00:01Z", "database_name": "PROD", "schema_name": "PUBLIC", "execution_status": "FAILED"}
        """);
    Files.writeString(
        dir.resolve("logs/b.jsonl"),
        """
        {"query_id": "j3", "start_time": 1714557602}
        {"query_id": "j4", "sql": "COMMIT", "start_time": "2024-05-01T10:00:05Z"}
        """);
    Files.writeString(
        dir.resolve("b.csv"),
        """
        QUERY_ID,QUERY_TEXT,START_TIME,DIALECT
        c1,"SELECT a, ""quoted"" AS b
        FROM t
        WHERE x = 'it''s'",2024-05-01 10:00:03,snowflake
        c2,SELECT 2,1714557604000,
        """);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    List<QueryRecord> records;
    // A directory (read recursively) of JSON Lines, and a CSV file.
    records =
        new java.util.ArrayList<>(
            env.fromSource(
                    FileQueryHistorySource.builder()
                        .path(dir.resolve("logs").toString())
                        .format(QueryLogFormat.JSONL)
                        .build(),
                    WatermarkStrategy.noWatermarks(),
                    "jsonl")
                .union(
                    env.fromSource(
                        FileQueryHistorySource.builder()
                            .path(dir.resolve("b.csv").toString())
                            .build(),
                        WatermarkStrategy.noWatermarks(),
                        "csv"))
                .executeAndCollect(100));
    records.sort(Comparator.comparing(QueryRecord::queryId));

    assertThat(records)
        .extracting(QueryRecord::queryId)
        .containsExactly("c1", "c2", "j1", "j2", "j4");
    QueryRecord c1 = records.get(0);
    assertThat(c1.sql()).isEqualTo("SELECT a, \"quoted\" AS b\nFROM t\nWHERE x = 'it''s'");
    assertThat(c1.dialectName()).contains("snowflake");
    assertThat(records.get(1).startTimeMillis()).isEqualTo(1714557604000L);
    assertThat(records.get(2).startTimeMillis()).isEqualTo(1714557600000L);
    assertThat(records.get(2).user()).contains("ann");
    QueryRecord j2 = records.get(3);
    assertThat(j2.succeeded()).isFalse();
    assertThat(j2.database()).contains("PROD");
    assertThat(j2.schema()).contains("PUBLIC");
    // Each record's origin is the URI of its file.
    assertThat(records)
        .extracting(QueryRecord::origin)
        .containsExactly(
            uri(dir.resolve("b.csv")),
            uri(dir.resolve("b.csv")),
            uri(dir.resolve("logs/nested/a.jsonl")),
            uri(dir.resolve("logs/nested/a.jsonl")),
            uri(dir.resolve("logs/b.jsonl")));
  }

  @Test
  void aFileHasOneOriginReadAloneByARelativePathOrInItsDirectory() throws Exception {
    Path file = dir.resolve("logs/one.jsonl");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "{\"query_id\": \"o1\", \"sql\": \"SELECT 1\"}\n");
    String relative = Path.of("").toAbsolutePath().relativize(file).toString();

    for (String path : List.of(relative, file.toString(), dir.resolve("logs").toString())) {
      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
      List<QueryRecord> records =
          env.fromSource(
                  FileQueryHistorySource.builder().path(path).format(QueryLogFormat.JSONL).build(),
                  WatermarkStrategy.noWatermarks(),
                  "jsonl")
              .executeAndCollect(10);
      assertThat(records).extracting(QueryRecord::origin).as(path).containsExactly(uri(file));
    }
  }

  @Test
  void readersShareOneLargeFile() throws Exception {
    Path file = dir.resolve("large.jsonl");
    int rows = 40_000;
    StringBuilder log = new StringBuilder();
    for (int i = 0; i < rows; i++) {
      log.append("{\"query_id\": \"q")
          .append(i)
          .append("\", \"sql\": \"SELECT amount FROM raw.orders WHERE id = ")
          .append(i)
          .append("\"}\n");
    }
    Files.writeString(file, log);
    assertThat(Files.size(file)).isGreaterThan(2 * ChunkingFileEnumerator.MIN_CHUNK);

    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    List<String> read =
        env.fromSource(
                FileQueryHistorySource.builder().path(file.toString()).build(),
                WatermarkStrategy.noWatermarks(),
                "jsonl")
            .map(new ReaderIndex())
            .executeAndCollect(rows + 1);

    assertThat(read).hasSize(rows);
    assertThat(read.stream().map(r -> r.substring(r.indexOf(' ') + 1)).distinct()).hasSize(rows);
    // Both readers read part of the one file.
    assertThat(read.stream().map(r -> r.substring(0, r.indexOf(' '))).distinct())
        .containsExactlyInAnyOrder("0", "1");
  }

  /** "subtask queryId" of each record. */
  private static final class ReaderIndex
      extends org.apache.flink.api.common.functions.RichMapFunction<QueryRecord, String> {
    @Override
    public String map(QueryRecord record) {
      return getRuntimeContext().getTaskInfo().getIndexOfThisSubtask() + " " + record.queryId();
    }
  }

  private static String uri(Path file) {
    return file.toAbsolutePath().normalize().toUri().toString().replace("file:///", "file:/");
  }
}
