package io.tributary.connectors.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * How a table, view or column is used, from the queries behind its edges (for a table, also those
 * of its columns) and their execution counts.
 *
 * @param executions executions of the queries that read or write it
 * @param distinctUsers users who ran those queries, as far as the log named them
 * @param lastRead the latest execution that read it
 * @param lastWritten the latest execution that wrote it
 * @param topQueries the queries that read or write it, most executed first
 */
public record ResourceUsage(
    UUID resourceId,
    long executions,
    long distinctUsers,
    Optional<Instant> lastRead,
    Optional<Instant> lastWritten,
    List<QueryUsage> topQueries) {

  /** A query that reads and/or writes the resource, and how often it ran. */
  public record QueryUsage(QuerySeen query, long executions, boolean reads, boolean writes) {}

  public ResourceUsage {
    Objects.requireNonNull(resourceId, "resourceId");
    topQueries = List.copyOf(topQueries);
  }
}
