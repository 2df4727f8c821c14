/**
 * Column lineage of one parsed statement. {@link
 * io.tributary.sql.lineage.StatementLineageExtractor} picks a small extractor per statement kind
 * (SELECT, SELECT INTO, INSERT, CREATE TABLE AS, views, MERGE, UPDATE, DELETE); they share the
 * query analyzer, which resolves every query in its own scope (FROM items, WITH items, subqueries,
 * set-operation branches) into output columns with the source columns each one comes from, and an
 * expression visitor that collects the columns an expression reads.
 */
package io.tributary.sql.lineage;
