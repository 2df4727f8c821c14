package io.tributary.jobs.openlineage;

import java.io.Serializable;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * Where the jobs send OpenLineage run events, and how datasets are named in them.
 *
 * @param url an OpenLineage HTTP endpoint's base URL (Marquez: {@code http://host:5000}; events go
 *     to {@code /api/v1/lineage}), or null
 * @param apiKey sent as {@code Authorization: Bearer} to {@code url}, or null
 * @param file a JSON Lines file events are appended to, or null
 * @param datasetNamespace the datasets' namespace (null: from the dialect, see {@link
 *     #datasetNamespace(String, String)})
 * @param datasetNamespaces per origin (the log file, the history table, {@code kafka://TOPIC}): the
 *     namespace of the datasets its statements read and write
 * @param bufferSize events waiting to be sent; when full, new events are dropped and counted
 * @param logInterval failures are logged at most once per interval
 */
public record OpenLineageOptions(
    URI url,
    String apiKey,
    String file,
    String datasetNamespace,
    Map<String, String> datasetNamespaces,
    int bufferSize,
    Duration logInterval)
    implements Serializable {

  public OpenLineageOptions {
    if (url == null && file == null) {
      throw new IllegalArgumentException(
          "OpenLineage needs --openlineage-url or --openlineage-file");
    }
    datasetNamespaces = datasetNamespaces == null ? Map.of() : Map.copyOf(datasetNamespaces);
    bufferSize = bufferSize <= 0 ? 10_000 : bufferSize;
    logInterval = logInterval == null ? Duration.ofMinutes(1) : logInterval;
  }

  /** Events to an HTTP endpoint and/or a file, with the other settings at their defaults. */
  public static OpenLineageOptions of(URI url, String file) {
    return new OpenLineageOptions(url, null, file, null, Map.of(), 0, null);
  }

  public OpenLineageOptions withDatasetNamespaces(String fallback, Map<String, String> perOrigin) {
    return new OpenLineageOptions(url, apiKey, file, fallback, perOrigin, bufferSize, logInterval);
  }

  public OpenLineageOptions withApiKey(String key) {
    return new OpenLineageOptions(
        url, key, file, datasetNamespace, datasetNamespaces, bufferSize, logInterval);
  }

  /**
   * The namespace of the datasets a statement from {@code origin} reads and writes: the origin's,
   * else the job's, else the warehouse's scheme from the OpenLineage naming spec ({@code bigquery},
   * {@code snowflake://default}, {@code postgres://default}...; set the real account or host:port
   * with {@code --openlineage-dataset-namespace}).
   */
  public String datasetNamespace(String origin, String dialect) {
    String configured = datasetNamespaces.get(origin);
    if (configured != null) {
      return configured;
    }
    if (datasetNamespace != null) {
      return datasetNamespace;
    }
    String scheme =
        switch (dialect.toLowerCase(Locale.ROOT)) {
          case "postgresql", "greenplum", "materialize" -> "postgres";
          case "tsql" -> "sqlserver";
          case "databricks" -> "databricks";
          default -> dialect.toLowerCase(Locale.ROOT);
        };
    return "bigquery".equals(scheme) ? scheme : scheme + "://default";
  }
}
