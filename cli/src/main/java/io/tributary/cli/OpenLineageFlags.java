package io.tributary.cli;

import io.tributary.jobs.OpenLineageArguments;
import io.tributary.jobs.openlineage.OpenLineageOptions;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Where {@code backfill} and {@code stream} send OpenLineage run events. */
final class OpenLineageFlags {

  @Option(
      names = "--openlineage-url",
      description =
          "Send OpenLineage run events to this endpoint (Marquez-compatible: http://host:5000;"
              + " events are posted to /api/v1/lineage).")
  String url;

  @Option(
      names = "--openlineage-api-key",
      description = "Sent with each event as Authorization: Bearer KEY.")
  String apiKey;

  @Option(
      names = "--openlineage-file",
      description = "Append OpenLineage run events to this JSON Lines file.")
  String file;

  @Option(
      names = "--openlineage-dataset-namespace",
      description =
          "The datasets' namespace (e.g. snowflake://ORG-ACCOUNT, postgres://host:5432), or"
              + " ORIGIN=NAMESPACE for one origin (repeatable). Default: from the dialect.")
  List<String> namespaces = new ArrayList<>();

  OpenLineageOptions options() {
    return OpenLineageArguments.parse(url, apiKey, file, namespaces);
  }
}
