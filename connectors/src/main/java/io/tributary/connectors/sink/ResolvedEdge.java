package io.tributary.connectors.sink;

/**
 * A relationship between two store resources found in a query: data flows from {@code sourceId}
 * into {@code targetId} (two tables, or two columns). The sink stores it in both directions.
 *
 * @param sourceId the upstream resource's id (a UUID's text)
 * @param targetId the downstream resource's id
 * @param column whether both ends are columns
 * @param fingerprint the fingerprint of the query that produced it
 * @param firstSeenMillis the earliest execution of that query it stands for
 * @param lastSeenMillis the latest execution of that query it stands for
 */
public record ResolvedEdge(
    String sourceId,
    String targetId,
    boolean column,
    String fingerprint,
    long firstSeenMillis,
    long lastSeenMillis) {

  /** The same edge, seen also between {@code firstMillis} and {@code lastMillis}. */
  public ResolvedEdge widen(long firstMillis, long lastMillis) {
    return new ResolvedEdge(
        sourceId,
        targetId,
        column,
        fingerprint,
        Math.min(firstSeenMillis, firstMillis),
        Math.max(lastSeenMillis, lastMillis));
  }

  /** The key edges are deduplicated and written by. */
  public String key() {
    return sourceId + '>' + targetId;
  }
}
