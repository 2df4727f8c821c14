/**
 * From SQL text to JSqlParser statements: the lexer, script splitting, utility statements
 * recognized before parsing, and parsing bounded in time and depth with structured errors; the
 * {@link io.tributary.sql.parse.Deadline} that bounds a statement's parse and analysis. Uses {@code
 * dialect} and {@code model}.
 */
package io.tributary.sql.parse;
