/**
 * Lineage across the statements of one session (a query log's session, or one script): temporary
 * tables are stitched through, so that what a session builds in scratch tables and then writes to a
 * lasting table is lineage from the lasting sources straight into it. Pure: no I/O, no Flink.
 */
package io.tributary.sql.session;
