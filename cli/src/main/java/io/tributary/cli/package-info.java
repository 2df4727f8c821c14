/**
 * The {@code tributary} command line (picocli): analyze, backfill, stream, submit, serve, catalog,
 * token, generate and benchmark commands. Uses every other module; nothing uses it.
 */
package io.tributary.cli;
