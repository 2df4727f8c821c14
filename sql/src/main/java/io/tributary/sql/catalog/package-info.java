/**
 * What the analyzer knows of tables it did not see created: the {@link
 * io.tributary.sql.catalog.Catalog} interface (a table's columns in declared order) and an
 * in-memory implementation. Uses only {@code model}.
 */
package io.tributary.sql.catalog;
