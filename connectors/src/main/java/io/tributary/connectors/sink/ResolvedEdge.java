package io.tributary.connectors.sink;

/**
 * A relationship between two store resources found in a query: data flows from {@code sourceId}
 * into {@code targetId} (two tables, or two columns). The sink stores it in both directions.
 *
 * @param sourceId the upstream resource's id (a UUID's text)
 * @param targetId the downstream resource's id
 * @param column whether both ends are columns
 * @param fingerprint the fingerprint of the query that produced it
 * @param seenAtMillis when that query ran
 */
public record ResolvedEdge(
    String sourceId, String targetId, boolean column, String fingerprint, long seenAtMillis) {

  /** The key edges are deduplicated and written by. */
  public String key() {
    return sourceId + '>' + targetId;
  }
}
