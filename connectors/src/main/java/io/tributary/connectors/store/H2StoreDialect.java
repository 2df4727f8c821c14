package io.tributary.connectors.store;

/**
 * The store's upserts on H2: the standard {@code MERGE INTO ... USING}, whose conditional {@code
 * WHEN} clauses express what PostgreSQL's {@code ON CONFLICT ... WHERE} does. Parameters are cast
 * so H2 knows their types inside {@code USING}.
 */
public final class H2StoreDialect implements StoreDialect {

  public static final H2StoreDialect INSTANCE = new H2StoreDialect();

  private static final String TS = "TIMESTAMP WITH TIME ZONE";

  /** The kind of an edge seen again: direct wins ({@link EdgeRow#merge}). */
  private static final String MERGED_KIND =
      "CASE WHEN 'direct' IN (e.kind, s.kind) THEN 'direct' ELSE COALESCE(e.kind, s.kind) END";

  static final String UPSERT_DERIVED_EDGE =
      """
      MERGE INTO lineage_edges e
      USING (SELECT CAST(? AS UUID) id, CAST(? AS %1$s) created_at, CAST(? AS %1$s) updated_at,
                    CAST(? AS UUID) from_entity, CAST(? AS UUID) to_entity,
                    CAST(? AS VARCHAR(10)) direction, CAST(? AS %1$s) first_seen,
                    CAST(? AS %1$s) last_seen, CAST(? AS VARCHAR(64)) query_fingerprint,
                    CAST(? AS VARCHAR(8)) kind) s
      ON e.from_entity = s.from_entity AND e.to_entity = s.to_entity AND e.direction = s.direction
      WHEN MATCHED AND e.is_manual THEN UPDATE SET
        last_seen = GREATEST(e.last_seen, s.last_seen),
        kind = %2$s
      WHEN MATCHED THEN UPDATE SET
        kind = %2$s,
        last_seen = GREATEST(e.last_seen, s.last_seen),
        first_seen = LEAST(e.first_seen, s.first_seen),
        updated_at = CASE WHEN s.first_seen < e.first_seen OR s.last_seen > e.last_seen
                          THEN s.updated_at ELSE e.updated_at END,
        query_fingerprint = COALESCE(e.query_fingerprint, s.query_fingerprint)
      WHEN NOT MATCHED AND NOT EXISTS (SELECT 1 FROM lineage_tombstones t
                                       WHERE t.source_entity = ? AND t.target_entity = ?) THEN
        INSERT (id, created_at, updated_at, from_entity, to_entity, direction, is_manual, provenance,
                first_seen, last_seen, query_fingerprint, kind)
        VALUES (s.id, s.created_at, s.updated_at, s.from_entity, s.to_entity, s.direction, FALSE,
                'query', s.first_seen, s.last_seen, s.query_fingerprint, s.kind)
      """
          .formatted(TS, MERGED_KIND);

  static final String UPSERT_MANUAL_EDGE =
      """
      MERGE INTO lineage_edges e
      USING (SELECT CAST(? AS UUID) id, CAST(? AS %1$s) created_at, CAST(? AS %1$s) updated_at,
                    CAST(? AS UUID) from_entity, CAST(? AS UUID) to_entity,
                    CAST(? AS VARCHAR(10)) direction, CAST(? AS %1$s) first_seen,
                    CAST(? AS %1$s) last_seen) s
      ON e.from_entity = s.from_entity AND e.to_entity = s.to_entity AND e.direction = s.direction
      WHEN MATCHED THEN UPDATE SET is_manual = TRUE, provenance = 'manual', updated_at = s.updated_at
      WHEN NOT MATCHED THEN
        INSERT (id, created_at, updated_at, from_entity, to_entity, direction, is_manual, provenance,
                first_seen, last_seen, query_fingerprint)
        VALUES (s.id, s.created_at, s.updated_at, s.from_entity, s.to_entity, s.direction, TRUE,
                'manual', s.first_seen, s.last_seen, NULL)
      """
          .formatted(TS);

  static final String UPSERT_QUERY_SEEN =
      """
      MERGE INTO queries_seen q
      USING (SELECT CAST(? AS VARCHAR(64)) fingerprint, CAST(? AS VARCHAR(1000000)) sample_sql,
                    CAST(? AS VARCHAR(64)) dialect,
                    CAST(? AS %1$s) first_seen, CAST(? AS %1$s) last_seen) s
      ON q.fingerprint = s.fingerprint
      WHEN MATCHED THEN UPDATE SET
        first_seen = LEAST(q.first_seen, s.first_seen),
        last_seen = GREATEST(q.last_seen, s.last_seen)
      WHEN NOT MATCHED THEN
        INSERT (fingerprint, sample_sql, dialect, first_seen, last_seen)
        VALUES (s.fingerprint, s.sample_sql, s.dialect, s.first_seen, s.last_seen)
      """
          .formatted(TS);

  static final String UPSERT_QUERY_EXECUTIONS =
      """
      MERGE INTO query_executions q
      USING (SELECT CAST(? AS VARCHAR(64)) fingerprint, CAST(? AS VARCHAR(1024)) origin,
                    CAST(? AS %1$s) day_start, CAST(? AS BIGINT) executions,
                    CAST(? AS %1$s) first_seen, CAST(? AS %1$s) last_seen) s
      ON q.fingerprint = s.fingerprint AND q.origin = s.origin AND q.day_start = s.day_start
      WHEN MATCHED THEN UPDATE SET
        executions = GREATEST(q.executions, s.executions),
        first_seen = LEAST(q.first_seen, s.first_seen),
        last_seen = GREATEST(q.last_seen, s.last_seen)
      WHEN NOT MATCHED THEN
        INSERT (fingerprint, origin, day_start, executions, first_seen, last_seen)
        VALUES (s.fingerprint, s.origin, s.day_start, s.executions, s.first_seen, s.last_seen)
      """
          .formatted(TS);

  static final String UPSERT_RESOURCE =
      """
      MERGE INTO resources r
      USING (SELECT CAST(? AS UUID) id, CAST(? AS %1$s) created_at, CAST(? AS %1$s) updated_at,
                    CAST(? AS VARCHAR(1024)) title, CAST(? AS VARCHAR(16)) entity_type,
                    CAST(? AS VARCHAR(255)) type, CAST(? AS VARCHAR(255)) native_type,
                    CAST(? AS VARCHAR(1024)) schema_name, CAST(? AS VARCHAR(1024)) database_name,
                    CAST(? AS UUID) integration_id, CAST(? AS UUID) table_id,
                    CAST(? AS INTEGER) ordinal, CAST(? AS BOOLEAN) discovered) s
      ON r.id = s.id
      WHEN MATCHED AND NOT s.discovered AND (r.discovered
                                             OR r.title IS DISTINCT FROM s.title
                                             OR r.entity_type IS DISTINCT FROM s.entity_type
                                             OR r.type IS DISTINCT FROM s.type
                                             OR r.native_type IS DISTINCT FROM s.native_type
                                             OR r.schema_name IS DISTINCT FROM s.schema_name
                                             OR r.database_name IS DISTINCT FROM s.database_name
                                             OR r.integration_id IS DISTINCT FROM s.integration_id
                                             OR r.table_id IS DISTINCT FROM s.table_id
                                             OR r.ordinal IS DISTINCT FROM s.ordinal) THEN UPDATE SET
        updated_at = s.updated_at, title = s.title, entity_type = s.entity_type, type = s.type,
        native_type = s.native_type, schema_name = s.schema_name,
        database_name = s.database_name, integration_id = s.integration_id,
        table_id = s.table_id, ordinal = s.ordinal, discovered = FALSE
      WHEN NOT MATCHED THEN
        INSERT (id, created_at, updated_at, title, entity_type, type, native_type, schema_name,
                database_name, integration_id, table_id, ordinal, discovered)
        VALUES (s.id, s.created_at, s.updated_at, s.title, s.entity_type, s.type, s.native_type,
                s.schema_name, s.database_name, s.integration_id, s.table_id, s.ordinal,
                s.discovered)
      """
          .formatted(TS);

  static final String UPSERT_INTEGRATION =
      """
      MERGE INTO integrations i
      USING (SELECT CAST(? AS UUID) id, CAST(? AS %1$s) created_at, CAST(? AS %1$s) updated_at,
                    CAST(? AS VARCHAR(1024)) title, CAST(? AS VARCHAR(255)) type) s
      ON i.id = s.id
      WHEN NOT MATCHED THEN INSERT (id, created_at, updated_at, title, type)
        VALUES (s.id, s.created_at, s.updated_at, s.title, s.type)
      """
          .formatted(TS);

  private H2StoreDialect() {}

  @Override
  public String driverClassName() {
    return "org.h2.Driver";
  }

  @Override
  public String name() {
    return "h2";
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
