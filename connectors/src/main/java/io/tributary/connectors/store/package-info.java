/**
 * The lineage store: PostgreSQL or H2 behind {@link io.tributary.connectors.store.LineageStore},
 * schema by Flyway ({@code db/migration}), plain JDBC DAOs with their SQL inline.
 *
 * <p>Writers agree on ids without asking the store ({@link
 * io.tributary.connectors.store.StoreIds}): {@link io.tributary.connectors.store.LineageEdges}
 * turns an analyzed statement into edges, resolving names with {@link
 * io.tributary.connectors.store.ResourceNames} over a {@link
 * io.tributary.connectors.store.StoreCatalog} snapshot, which builds {@link
 * io.tributary.connectors.store.ResourceRow}s for names it does not know; writers store those rows
 * and the edges ({@link io.tributary.connectors.store.DerivedEdge}s, or {@link
 * io.tributary.connectors.store.EdgeRow}s from a job). Batch writers such as Flink's {@code
 * JdbcSink} can run the per-database statements of {@link
 * io.tributary.connectors.store.StoreDialect} with the binders {@code EdgeRow::bind}, {@code
 * ResourceRow::bind}, {@code QuerySeen::bind}, {@code QueryExecutions::bind} and {@code
 * DeadLetter::bind} ({@link io.tributary.connectors.store.DeadLetter#INSERT_SQL}); all are
 * idempotent except the plain dead-letter insert.
 */
package io.tributary.connectors.store;
