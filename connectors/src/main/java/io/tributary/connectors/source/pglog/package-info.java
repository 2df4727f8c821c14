/**
 * PostgreSQL csvlog files as a query history: each logged statement is a record, marked failed when
 * its session logs an error for it.
 */
package io.tributary.connectors.source.pglog;
