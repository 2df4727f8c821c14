package io.tributary.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.connectors.source.jdbc.QueryHistoryPreset;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The flags of {@code flink run -c io.tributary.jobs.BackfillJob|StreamingJob}. */
class JobArgumentsTest {

  @Test
  void aJdbcBackfillTakesThePresetsDialectAndTheRange() {
    JobSettings s =
        JobArguments.parse(
            new String[] {
              "--source", "jdbc",
              "--jdbc-url", "jdbc:postgresql://h/db",
              "--preset", "snowflake",
              "--slice", "30min",
              "--from", "2024-01-01",
              "--to", "2024-01-02T12:00:00Z",
              "--store", "jdbc:postgresql://store/lineage",
              "--parallelism", "4",
              "--no-discover"
            },
            false);
    assertThat(s.source())
        .isInstanceOfSatisfying(
            QuerySourceSpec.Jdbc.class,
            j -> {
              assertThat(j.preset()).isEqualTo(QueryHistoryPreset.SNOWFLAKE);
              assertThat(j.slice()).isEqualTo(Duration.ofMinutes(30));
            });
    assertThat(s.pipeline().defaultDialect()).isEqualTo("snowflake");
    assertThat(s.fromOrNull()).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
    // Widened to whole days: executions are counted per day.
    assertThat(s.toOrNull()).isEqualTo(Instant.parse("2024-01-03T00:00:00Z"));
    assertThat(s.pipeline().registerDiscovered()).isFalse();
    assertThat(s.pipeline().stateTtl()).isNull();
    assertThat(s.storeUrl()).isEqualTo("jdbc:postgresql://store/lineage");
    assertThat(s.parallelism()).isEqualTo(4);
  }

  @Test
  void streamingHasATtlCheckpointsAndRestarts() {
    JobSettings s =
        JobArguments.parse(
            new String[] {
              "--source", "files",
              "--path", "/logs/a,/logs/b",
              "--dialect", "bigquery",
              "--checkpoint-interval", "30s",
              "--restart-attempts", "5",
              "--restart-delay", "1min",
              "--state-ttl", "12h"
            },
            true);
    assertThat(s.source())
        .isInstanceOfSatisfying(
            QuerySourceSpec.Files.class,
            f -> assertThat(f.paths()).containsExactly("/logs/a", "/logs/b"));
    assertThat(s.pipeline().defaultDialect()).isEqualTo("bigquery");
    assertThat(s.pipeline().stateTtl()).isEqualTo(Duration.ofHours(12));
    assertThat(s.checkpointInterval()).isEqualTo(Duration.ofSeconds(30));
    assertThat(s.restartAttempts()).isEqualTo(5);
    assertThat(s.restartDelay()).isEqualTo(Duration.ofMinutes(1));
    assertThat(s.fromOrNull()).isNull();
  }

  @Test
  void badFlagsSayWhatIsWrong() {
    assertThatThrownBy(() -> JobArguments.parse(new String[] {"--source", "kinesis"}, false))
        .hasMessageContaining("unknown --source 'kinesis'");
    assertThatThrownBy(() -> JobArguments.parse(new String[] {"--source", "jdbc"}, false))
        .hasMessageContaining("jdbc-url");
    assertThatThrownBy(
            () ->
                JobArguments.parse(
                    new String[] {"--source", "jdbc", "--jdbc-url", "x", "--preset", "oracle"},
                    false))
        .hasMessageContaining("unknown query-history preset 'oracle'");
  }

  @Test
  void anUnknownDialectIsRefusedWithTheKnownNames() {
    assertThatThrownBy(
            () ->
                JobArguments.parse(
                    new String[] {"--source", "files", "--path", "/x", "--dialect", "snowflak"},
                    false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("--dialect: unknown dialect 'snowflak'; known dialects: ")
        .hasMessageContaining("snowflake");
  }

  @Test
  void anUnreadableTimeIsEchoedAsTyped() {
    assertThatThrownBy(
            () ->
                JobArguments.parse(
                    new String[] {"--source", "files", "--path", "/x", "--to", " 2024-13-01"},
                    true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--to ' 2024-13-01' is not a valid time; use " + JobArguments.TIME_FORMATS);
  }
}
