/**
 * Flink sinks into the lineage store ({@link io.tributary.connectors.sink.LineageStoreSink}) and
 * the records they take: edges, queries seen, dead letters.
 */
package io.tributary.connectors.sink;
