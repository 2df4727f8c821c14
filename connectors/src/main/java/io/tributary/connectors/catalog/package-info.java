/**
 * Getting tables and columns into the store: {@link io.tributary.connectors.catalog.CatalogImport}
 * reads catalog files (JSON, JSON Lines), {@link io.tributary.connectors.catalog.CatalogExtract}
 * reads a live database's JDBC metadata; both write through {@link
 * io.tributary.connectors.catalog.CatalogWriter}.
 */
package io.tributary.connectors.catalog;
