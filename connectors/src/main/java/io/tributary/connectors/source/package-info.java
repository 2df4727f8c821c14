/**
 * Query-history sources: every one delivers {@link io.tributary.connectors.source.QueryRecord}s.
 * Files (JSON Lines, CSV) in {@code file}, JDBC query-history tables with warehouse presets in
 * {@code jdbc}, PostgreSQL csvlog files in {@code pglog}, Kafka topics in {@code kafka}.
 */
package io.tributary.connectors.source;
