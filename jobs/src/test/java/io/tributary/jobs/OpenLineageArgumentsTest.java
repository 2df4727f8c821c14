package io.tributary.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The OpenLineage flags of the jobs. */
class OpenLineageArgumentsTest {

  @Test
  void noEndpointNoEvents() {
    JobSettings s =
        JobArguments.parse(new String[] {"--source", "files", "--path", "q.jsonl"}, false);
    assertThat(s.openLineage()).isNull();
  }

  @Test
  void namespacesForAllOriginsAndForOne() {
    JobSettings s =
        JobArguments.parse(
            new String[] {
              "--source", "files",
              "--path", "q.jsonl",
              "--openlineage-url", "http://marquez:5000",
              "--openlineage-api-key", "k",
              "--openlineage-dataset-namespace", "snowflake://org-acct",
              "--openlineage-dataset-namespace", "kafka://pg-log=postgres://db:5432"
            },
            true);
    var o = s.openLineage();
    assertThat(o.url()).isEqualTo(URI.create("http://marquez:5000"));
    assertThat(o.apiKey()).isEqualTo("k");
    assertThat(o.datasetNamespaces()).isEqualTo(Map.of("kafka://pg-log", "postgres://db:5432"));
    assertThat(o.datasetNamespace("kafka://pg-log", "postgresql")).isEqualTo("postgres://db:5432");
    assertThat(o.datasetNamespace("kafka://other", "snowflake")).isEqualTo("snowflake://org-acct");
  }

  @Test
  void withoutANamespaceTheDialectsSchemeIsUsed() {
    var o = OpenLineageArguments.parse(null, null, "events.jsonl", java.util.List.of());
    assertThat(o.datasetNamespace("x", "bigquery")).isEqualTo("bigquery");
    assertThat(o.datasetNamespace("x", "postgresql")).isEqualTo("postgres://default");
    assertThat(o.datasetNamespace("x", "snowflake")).isEqualTo("snowflake://default");
  }
}
