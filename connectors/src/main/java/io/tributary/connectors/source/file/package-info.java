/**
 * Query logs in files: JSON Lines and CSV, one executed statement per row, read by Flink's file
 * source, each record tagged with its file as origin.
 */
package io.tributary.connectors.source.file;
