package io.tributary.connectors.store;

/** The store's upserts on PostgreSQL: {@code INSERT ... ON CONFLICT}. */
public final class PostgresStoreDialect implements StoreDialect {

  public static final PostgresStoreDialect INSTANCE = new PostgresStoreDialect();

  static final String UPSERT_DERIVED_EDGE =
      """
      INSERT INTO lineage_edges (id, created_at, updated_at, from_entity, to_entity, direction,
                                 is_manual, provenance, first_seen, last_seen, query_fingerprint,
                                 kind)
      SELECT ?, ?, ?, ?, ?, ?, FALSE, 'query', ?, ?, ?, ?
      WHERE NOT EXISTS (SELECT 1 FROM lineage_tombstones t
                        WHERE t.source_entity = ? AND t.target_entity = ?)
      ON CONFLICT (from_entity, to_entity, direction) DO UPDATE SET
        last_seen = GREATEST(lineage_edges.last_seen, EXCLUDED.last_seen),
        first_seen = CASE WHEN lineage_edges.is_manual THEN lineage_edges.first_seen
                          ELSE LEAST(lineage_edges.first_seen, EXCLUDED.first_seen) END,
        updated_at = CASE WHEN NOT lineage_edges.is_manual
                               AND (EXCLUDED.first_seen < lineage_edges.first_seen
                                    OR EXCLUDED.last_seen > lineage_edges.last_seen)
                          THEN EXCLUDED.updated_at ELSE lineage_edges.updated_at END,
        query_fingerprint = CASE WHEN lineage_edges.is_manual THEN lineage_edges.query_fingerprint
                          ELSE COALESCE(lineage_edges.query_fingerprint, EXCLUDED.query_fingerprint) END,
        kind = CASE WHEN 'direct' IN (lineage_edges.kind, EXCLUDED.kind) THEN 'direct'
                    ELSE COALESCE(lineage_edges.kind, EXCLUDED.kind) END
      """;

  static final String UPSERT_MANUAL_EDGE =
      """
      INSERT INTO lineage_edges (id, created_at, updated_at, from_entity, to_entity, direction,
                                 is_manual, provenance, first_seen, last_seen, query_fingerprint)
      VALUES (?, ?, ?, ?, ?, ?, TRUE, 'manual', ?, ?, NULL)
      ON CONFLICT (from_entity, to_entity, direction) DO UPDATE SET
        is_manual = TRUE, provenance = 'manual', updated_at = EXCLUDED.updated_at
      """;

  static final String UPSERT_QUERY_SEEN =
      """
      INSERT INTO queries_seen (fingerprint, sample_sql, dialect, first_seen, last_seen)
      VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (fingerprint) DO UPDATE SET
        first_seen = LEAST(queries_seen.first_seen, EXCLUDED.first_seen),
        last_seen = GREATEST(queries_seen.last_seen, EXCLUDED.last_seen)
      """;

  static final String UPSERT_QUERY_EXECUTIONS =
      """
      INSERT INTO query_executions (fingerprint, origin, day_start, executions, first_seen,
                                    last_seen)
      VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT (fingerprint, origin, day_start) DO UPDATE SET
        executions = GREATEST(query_executions.executions, EXCLUDED.executions),
        first_seen = LEAST(query_executions.first_seen, EXCLUDED.first_seen),
        last_seen = GREATEST(query_executions.last_seen, EXCLUDED.last_seen)
      """;

  static final String UPSERT_RESOURCE =
      """
      INSERT INTO resources (id, created_at, updated_at, title, entity_type, type, native_type,
                             schema_name, database_name, integration_id, table_id, ordinal, discovered)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (id) DO UPDATE SET
        updated_at = EXCLUDED.updated_at, title = EXCLUDED.title,
        entity_type = EXCLUDED.entity_type, type = EXCLUDED.type, native_type = EXCLUDED.native_type,
        schema_name = EXCLUDED.schema_name, database_name = EXCLUDED.database_name,
        integration_id = EXCLUDED.integration_id, table_id = EXCLUDED.table_id,
        ordinal = EXCLUDED.ordinal, discovered = FALSE
      WHERE NOT EXCLUDED.discovered
        AND (resources.discovered
             OR resources.title IS DISTINCT FROM EXCLUDED.title
             OR resources.entity_type IS DISTINCT FROM EXCLUDED.entity_type
             OR resources.type IS DISTINCT FROM EXCLUDED.type
             OR resources.native_type IS DISTINCT FROM EXCLUDED.native_type
             OR resources.schema_name IS DISTINCT FROM EXCLUDED.schema_name
             OR resources.database_name IS DISTINCT FROM EXCLUDED.database_name
             OR resources.integration_id IS DISTINCT FROM EXCLUDED.integration_id
             OR resources.table_id IS DISTINCT FROM EXCLUDED.table_id
             OR resources.ordinal IS DISTINCT FROM EXCLUDED.ordinal)
      """;

  static final String UPSERT_INTEGRATION =
      """
      INSERT INTO integrations (id, created_at, updated_at, title, type) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (id) DO NOTHING
      """;

  private PostgresStoreDialect() {}

  @Override
  public String driverClassName() {
    return "org.postgresql.Driver";
  }

  @Override
  public String name() {
    return "postgresql";
  }

  @Override
  public String upsertDerivedEdgeSql() {
    return UPSERT_DERIVED_EDGE;
  }

  @Override
  public String upsertManualEdgeSql() {
    return UPSERT_MANUAL_EDGE;
  }

  @Override
  public String upsertQuerySeenSql() {
    return UPSERT_QUERY_SEEN;
  }

  @Override
  public String upsertQueryExecutionsSql() {
    return UPSERT_QUERY_EXECUTIONS;
  }

  @Override
  public String upsertResourceSql() {
    return UPSERT_RESOURCE;
  }

  @Override
  public String upsertIntegrationSql() {
    return UPSERT_INTEGRATION;
  }
}
