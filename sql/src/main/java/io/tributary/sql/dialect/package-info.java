/**
 * Each SQL dialect as data: identifier quoting and case rule, name parts, and the syntax switches
 * the parser needs. Uses only {@code model}.
 */
package io.tributary.sql.dialect;
