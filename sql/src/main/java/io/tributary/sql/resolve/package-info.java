/**
 * Names: qualifying table references ({@link io.tributary.sql.dialect.TableNameQualifier}), the
 * scopes of a query ({@link io.tributary.sql.resolve.Scope}, whose sources are tables, child scopes
 * or table functions), and placing column references on sources by walking scopes outwards ({@link
 * io.tributary.sql.resolve.ColumnResolver}).
 */
package io.tributary.sql.resolve;
