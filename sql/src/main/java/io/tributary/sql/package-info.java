/** The analyzer: SQL text in, table and column lineage out. */
package io.tributary.sql;
