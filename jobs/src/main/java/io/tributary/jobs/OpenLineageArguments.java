package io.tributary.jobs;

import io.tributary.jobs.openlineage.OpenLineageOptions;
import java.net.URI;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.util.MultipleParameterTool;

/**
 * The OpenLineage flags of both jobs: {@code --openlineage-url URL} (Marquez-compatible; events are
 * posted to {@code /api/v1/lineage}), {@code --openlineage-api-key KEY}, {@code --openlineage-file
 * PATH} (JSON Lines), {@code --openlineage-dataset-namespace NS} or {@code ORIGIN=NS} (repeatable:
 * the datasets' namespace, for all origins or for one).
 */
public final class OpenLineageArguments {

  private OpenLineageArguments() {}

  /** The options the flags give, or null when neither a URL nor a file is given. */
  public static OpenLineageOptions parse(
      String url, String apiKey, String file, Collection<String> namespaces) {
    if (url == null && file == null) {
      return null;
    }
    String fallback = null;
    Map<String, String> perOrigin = new LinkedHashMap<>();
    for (String namespace : namespaces) {
      int eq = namespace.lastIndexOf('=');
      if (eq > 0) {
        perOrigin.put(namespace.substring(0, eq), namespace.substring(eq + 1));
      } else {
        fallback = namespace;
      }
    }
    return OpenLineageOptions.of(url == null ? null : URI.create(url), file)
        .withDatasetNamespaces(fallback, perOrigin)
        .withApiKey(apiKey);
  }

  static OpenLineageOptions parse(String[] args) {
    MultipleParameterTool p = MultipleParameterTool.fromArgs(args);
    return parse(
        p.get("openlineage-url"),
        p.get("openlineage-api-key"),
        p.get("openlineage-file"),
        p.has("openlineage-dataset-namespace")
            ? p.getMultiParameter("openlineage-dataset-namespace")
            : List.of());
  }
}
