package io.tributary.jobs.pipeline;

/**
 * A table or column edge the analyzer found, before names become resource ids.
 *
 * @param from the upstream table or column
 * @param to the downstream table or column
 * @param fingerprint the fingerprint of the statement that produced it
 * @param firstSeenMillis the earliest execution of that statement it stands for
 * @param lastSeenMillis the latest execution of that statement it stands for
 */
public record NamedEdge(
    EdgeEnd from, EdgeEnd to, String fingerprint, long firstSeenMillis, long lastSeenMillis) {}
