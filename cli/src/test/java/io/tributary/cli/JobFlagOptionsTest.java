package io.tributary.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.jobs.JobArguments;
import io.tributary.jobs.JobFlags;
import io.tributary.jobs.JobSettings;
import io.tributary.jobs.QuerySourceSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.ConfigOption;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The job flags of {@code backfill} and {@code stream}: defined by {@link JobFlags}, read by {@link
 * JobArguments} as the jobs' {@code main} reads them, and documented from the same definitions.
 */
class JobFlagOptionsTest {

  private static final String[] KAFKA_AND_OPENLINEAGE = {
    "--source",
    "kafka",
    "--bootstrap-servers",
    "b1:9092",
    "--topic",
    "q1,q2",
    "--group-id",
    "lineage",
    "--kafka-property",
    "security.protocol=SSL",
    "--kafka-property",
    "ssl.truststore.location=/etc/ts.jks",
    "--openlineage-file",
    "events.jsonl",
    "--openlineage-dataset-namespace",
    "bigquery",
    "--no-discover",
    "--store",
    "jdbc:h2:mem:cli"
  };

  @Test
  void kafkaAndOpenLineageFlagsReachTheJobSettings() {
    BackfillCommand backfill = new BackfillCommand();
    new CommandLine(backfill).parseArgs(KAFKA_AND_OPENLINEAGE);
    JobSettings settings = backfill.settings();

    assertThat(settings.source())
        .isEqualTo(
            new QuerySourceSpec.Kafka(
                "b1:9092",
                List.of("q1", "q2"),
                null,
                "lineage",
                Map.of("security.protocol", "SSL", "ssl.truststore.location", "/etc/ts.jks"),
                null));
    assertThat(settings.pipeline().registerDiscovered()).isFalse();
    assertThat(settings.openLineage().file()).isEqualTo("events.jsonl");
    assertThat(settings.openLineage().datasetNamespace("kafka://q1", "bigquery"))
        .isEqualTo("bigquery");
  }

  @Test
  void theCommandLineAndTheJobsMainMakeTheSameSettings() {
    BackfillCommand backfill = new BackfillCommand();
    new CommandLine(backfill).parseArgs(KAFKA_AND_OPENLINEAGE);

    assertThat(backfill.settings()).isEqualTo(JobArguments.parse(KAFKA_AND_OPENLINEAGE, false));
  }

  @Test
  void streamTakesTheStreamingFlagsWithTheirDefaults() {
    StreamCommand stream = new StreamCommand();
    new CommandLine(stream)
        .parseArgs(
            "--source",
            "files",
            "--path",
            "logs",
            "--openlineage-url",
            "http://marquez:5000",
            "--restart-delay",
            "1min");
    JobSettings settings = stream.settings();

    assertThat(settings.openLineage().url().toString()).isEqualTo("http://marquez:5000");
    assertThat(settings.restartDelay()).isEqualTo(Duration.ofMinutes(1));
    assertThat(settings.checkpointInterval())
        .isEqualTo(JobFlags.CHECKPOINT_INTERVAL.defaultValue());
    assertThat(settings.pipeline().stateTtl()).isEqualTo(JobFlags.STATE_TTL.defaultValue());
  }

  @Test
  void backfillRefusesTheStreamingFlags() {
    assertThatThrownBy(
            () ->
                new CommandLine(new BackfillCommand())
                    .parseArgs(
                        "--source", "files", "--path", "logs", "--checkpoint-interval", "5s"))
        .isInstanceOf(CommandLine.UnmatchedArgumentException.class);
  }

  @Test
  void theHelpListsEveryFlagWithItsDefault() {
    String help = new CommandLine(new StreamCommand()).getUsageMessage();
    for (ConfigOption<?> flag : JobFlags.of(true)) {
      assertThat(help).contains("--" + flag.key());
    }
    assertThat(help).contains("Default: 10s");
  }

  @Test
  void theReadmeNamesEveryJobFlag() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    for (ConfigOption<?> flag : JobFlags.of(true)) {
      assertThat(readme).as("README mentions --%s", flag.key()).contains("--" + flag.key());
    }
  }
}
