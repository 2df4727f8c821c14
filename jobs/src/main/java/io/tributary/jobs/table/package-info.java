/** Flink SQL access to the analyzer: the {@code LINEAGE} table function. */
package io.tributary.jobs.table;
