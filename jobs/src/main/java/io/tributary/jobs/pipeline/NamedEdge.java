package io.tributary.jobs.pipeline;

/**
 * A table or column edge the analyzer found, before names become resource ids.
 *
 * @param from the upstream table or column
 * @param to the downstream table or column
 * @param fingerprint the fingerprint of the statement that produced it
 * @param seenAtMillis when that statement ran
 */
public record NamedEdge(EdgeEnd from, EdgeEnd to, String fingerprint, long seenAtMillis) {}
