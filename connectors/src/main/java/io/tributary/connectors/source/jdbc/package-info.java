/**
 * A query-history table read over JDBC in time slices (backfill) or sliding windows (stream), with
 * presets for the warehouses' history views.
 */
package io.tributary.connectors.source.jdbc;
