package io.tributary.jobs;

import io.tributary.jobs.openlineage.OpenLineageOptions;
import java.net.URI;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The OpenLineage options of both jobs' {@code --openlineage-*} flags ({@link JobFlags}): the
 * datasets' namespace is {@code NS} for all origins or {@code ORIGIN=NS} for one.
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
}
