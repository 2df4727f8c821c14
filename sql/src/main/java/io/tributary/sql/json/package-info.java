/**
 * The analyzer's JSON face for the command line: lineage as JSON, catalog files, and the JSON Lines
 * batch mode of {@code analyze --batch}. Uses Jackson and the analyzer; nothing else depends on it
 * inside {@code sql}.
 */
package io.tributary.sql.json;
