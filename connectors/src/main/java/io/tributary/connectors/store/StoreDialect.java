package io.tributary.connectors.store;

/**
 * The upserts whose syntax differs between the store's databases: PostgreSQL's {@code INSERT ... ON
 * CONFLICT} and H2's {@code MERGE INTO ... USING}. The statements are plain SQL with positional
 * parameters, so a Flink {@code JdbcSink} can run them as they are.
 */
public interface StoreDialect {

  String name();

  /**
   * The JDBC driver's class. Pools and sinks load it by name from the caller's class loader: on a
   * Flink session cluster each job has its own, and a driver that another job's class loader
   * registered with {@code DriverManager} is invisible to it ("No suitable driver").
   */
  String driverClassName();

  /**
   * Writes one row of a derived edge (see {@link EdgeRow#bind}): inserts it unless its relationship
   * is tombstoned; on an existing manual edge it changes only {@code last_seen} and {@code kind};
   * on an existing derived edge it widens first/last seen, and moves updated_at only when they
   * widened (a replay changes nothing). The stored kind is direct once any write says direct
   * ({@link EdgeRow#merge}).
   */
  String upsertDerivedEdgeSql();

  /**
   * Writes one row of a manual edge: id, created_at, updated_at, from_entity, to_entity, direction,
   * first_seen, last_seen. An existing derived edge becomes manual.
   */
  String upsertManualEdgeSql();

  /**
   * Writes a query shape: fingerprint, sample_sql, dialect, first_seen, last_seen. An existing row
   * keeps its sample and gets the earliest first_seen and the latest last_seen.
   */
  String upsertQuerySeenSql();

  /**
   * Writes one day's execution count of a query from one origin: fingerprint, origin, day_start,
   * executions, first_seen, last_seen. An existing row keeps the larger count (a count is whole,
   * never a difference, so writing it twice changes nothing) and widens first/last seen.
   */
  String upsertQueryExecutionsSql();

  /**
   * Writes a resource: id, created_at, updated_at, title, entity_type, type, native_type,
   * schema_name, database_name, integration_id, table_id, ordinal, discovered. A discovered row
   * never overwrites an existing one; a catalog row (discovered = false) updates it when anything
   * differs (an unchanged re-import leaves updated_at alone).
   */
  String upsertResourceSql();

  /** Writes an integration if it is new: id, created_at, updated_at, title, type. */
  String upsertIntegrationSql();

  /**
   * The dialect of a JDBC URL: PostgreSQL for {@code jdbc:postgresql:}, H2 for {@code jdbc:h2:}.
   */
  static StoreDialect forUrl(String jdbcUrl) {
    if (jdbcUrl.startsWith("jdbc:postgresql:")) {
      return PostgresStoreDialect.INSTANCE;
    }
    if (jdbcUrl.startsWith("jdbc:h2:")) {
      return H2StoreDialect.INSTANCE;
    }
    throw new IllegalArgumentException(
        "the lineage store runs on PostgreSQL (jdbc:postgresql:...) or H2 (jdbc:h2:...), not "
            + jdbcUrl.replaceAll("password=[^;&]*", "password=***"));
  }
}
