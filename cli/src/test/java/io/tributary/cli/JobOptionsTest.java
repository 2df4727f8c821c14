package io.tributary.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.jobs.JobSettings;
import io.tributary.jobs.QuerySourceSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The Kafka and OpenLineage options of {@code backfill} and {@code stream}, as parsed. */
class JobOptionsTest {

  @Test
  void kafkaAndOpenLineageOptionsReachTheJobSettings() {
    BackfillCommand backfill = new BackfillCommand();
    new CommandLine(backfill)
        .parseArgs(
            "--source", "kafka",
            "--bootstrap-servers", "b1:9092",
            "--topic", "q1,q2",
            "--group-id", "lineage",
            "--kafka-property", "security.protocol=SSL",
            "--kafka-property", "ssl.truststore.location=/etc/ts.jks",
            "--openlineage-file", "events.jsonl",
            "--openlineage-dataset-namespace", "bigquery",
            "--store", "jdbc:h2:mem:cli");
    QuerySourceSpec spec = backfill.options.sourceSpec(null, null, null, null);
    assertThat(spec)
        .isEqualTo(
            new QuerySourceSpec.Kafka(
                "b1:9092",
                List.of("q1", "q2"),
                null,
                "lineage",
                Map.of("security.protocol", "SSL", "ssl.truststore.location", "/etc/ts.jks"),
                null));
    JobSettings settings = backfill.options.settings(spec, backfill.options.pipeline(spec));
    assertThat(settings.openLineage().file()).isEqualTo("events.jsonl");
    assertThat(settings.openLineage().datasetNamespace("kafka://q1", "bigquery"))
        .isEqualTo("bigquery");
  }

  @Test
  void streamKeepsTheOpenLineageSettings() {
    StreamCommand stream = new StreamCommand();
    new CommandLine(stream)
        .parseArgs(
            "--source", "files", "--path", "logs", "--openlineage-url", "http://marquez:5000");
    assertThat(stream.options.openLineage.options().url().toString())
        .isEqualTo("http://marquez:5000");
  }
}
