package io.tributary.connectors.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The lineage store: a pooled connection to PostgreSQL or H2 with the schema migrated, and its
 * DAOs.
 *
 * <p>Which database: the JDBC URL given, else the {@code TRIBUTARY_STORE} environment variable,
 * else an H2 file store {@code store.mv.db} in the data directory ({@code TRIBUTARY_DATA_DIR}, by
 * default {@code ./data/tributary}). The H2 default runs in PostgreSQL mode with {@code
 * AUTO_SERVER}, so a second process (a catalog import next to a running server) can open it too.
 */
public final class LineageStore implements AutoCloseable {

  public static final String STORE_ENV = "TRIBUTARY_STORE";
  public static final String DATA_DIR_ENV = "TRIBUTARY_DATA_DIR";
  public static final Path DEFAULT_DATA_DIR = Path.of("data", "tributary");

  private final HikariDataSource dataSource;
  private final StoreDialect dialect;
  private final EdgeDao edges;
  private final ResourceDao resources;
  private final QueryDao queries;
  private final TokenDao tokens;
  private final StatsDao stats;
  private final LineageHistoryDao history;
  private final SchemaHistoryDao schemaHistory;
  private final UsageDao usage;
  private final Transactions tx;

  private LineageStore(HikariDataSource dataSource, StoreDialect dialect) {
    this.dataSource = dataSource;
    this.dialect = dialect;
    Transactions tx = new Transactions(dataSource);
    this.tx = tx;
    this.edges = new EdgeDao(tx, dialect);
    this.resources = new ResourceDao(tx, dialect);
    this.queries = new QueryDao(tx, dialect);
    this.tokens = new TokenDao(tx);
    this.stats = new StatsDao(tx);
    this.history = new LineageHistoryDao(tx, edges, dialect);
    this.schemaHistory = new SchemaHistoryDao(tx, resources, history);
    this.usage = new UsageDao(tx);
  }

  /** Opens the store at this URL with a pool of 10 connections and migrates its schema. */
  public static LineageStore open(String jdbcUrl) {
    return open(jdbcUrl, 10);
  }

  public static LineageStore open(String jdbcUrl, int poolSize) {
    return open(jdbcUrl, poolSize, DEFAULT_CONNECTION_TIMEOUT);
  }

  /** HikariCP's default: a batch writer may as well wait out a short outage. */
  public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(30);

  /**
   * @param connectionTimeout how long a caller waits for a connection before the store counts as
   *     unavailable (a server answering requests wants this short)
   */
  public static LineageStore open(String jdbcUrl, int poolSize, Duration connectionTimeout) {
    // Flyway holds a second connection (its lock) while it migrates: never fewer than 2.
    int size = Math.max(2, poolSize);
    HikariDataSource dataSource = pool(jdbcUrl, size, size, connectionTimeout);
    try {
      migrate(dataSource);
    } catch (RuntimeException e) {
      dataSource.close();
      throw e;
    }
    return new LineageStore(dataSource, StoreDialect.forUrl(jdbcUrl));
  }

  /**
   * Connects to a store whose schema is migrated already (by whoever started the job), with a pool
   * of up to {@code poolSize} connections of which none is kept open while idle.
   */
  public static LineageStore connect(String jdbcUrl, int poolSize) {
    return new LineageStore(
        pool(jdbcUrl, poolSize, 0, DEFAULT_CONNECTION_TIMEOUT), StoreDialect.forUrl(jdbcUrl));
  }

  private static HikariDataSource pool(
      String jdbcUrl, int maxSize, int minIdle, Duration connectionTimeout) {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    StoreDialect dialect = StoreDialect.forUrl(jdbcUrl);
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    // Loaded by name from this class's loader, not looked up in DriverManager (see StoreDialect).
    config.setDriverClassName(dialect.driverClassName());
    config.setMaximumPoolSize(maxSize);
    config.setMinimumIdle(Math.min(maxSize, Math.max(0, minIdle)));
    config.setPoolName("tributary-store");
    config.setConnectionTimeout(connectionTimeout.toMillis());
    return new HikariDataSource(config);
  }

  /** Applies the pending migrations of {@code db/migration}. */
  public static void migrate(DataSource dataSource) {
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
  }

  /** The store URL to use: the given one, else {@code TRIBUTARY_STORE}, else the H2 default. */
  public static String resolveUrl(Optional<String> given, Map<String, String> env) {
    return given
        .filter(s -> !s.isBlank())
        .or(() -> Optional.ofNullable(env.get(STORE_ENV)).filter(s -> !s.isBlank()))
        .orElseGet(
            () ->
                h2FileUrl(
                    Optional.ofNullable(env.get(DATA_DIR_ENV))
                        .filter(s -> !s.isBlank())
                        .map(Path::of)
                        .orElse(DEFAULT_DATA_DIR)));
  }

  /**
   * The URL of an H2 file store in this directory.
   *
   * <p>Two settings keep the API fast on a large store. {@code CACHE_SIZE} (KB): H2's page cache
   * holds 16 MB by default, so with a million edges most lookups read and decode pages from the
   * file; 256 MB holds the pages the API reads (the cache fills only as pages are read). {@code
   * AUTO_COMPACT_FILL_RATE}: H2 rewrites chunks in the background until they are 90% full by
   * default, which after a bulk write (a backfill) keeps a core busy for many minutes while the API
   * answers; at 50% the file stays within about twice its live data and the rewriting stops
   * earlier.
   */
  public static String h2FileUrl(Path directory) {
    return "jdbc:h2:file:"
        + directory.toAbsolutePath().resolve("store")
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
        + ";CACHE_SIZE=262144;AUTO_COMPACT_FILL_RATE=50;AUTO_SERVER=TRUE";
  }

  public DataSource dataSource() {
    return dataSource;
  }

  /** The SQL of the upserts for this database, for writers such as Flink's {@code JdbcSink}. */
  public StoreDialect dialect() {
    return dialect;
  }

  public EdgeDao edges() {
    return edges;
  }

  public ResourceDao resources() {
    return resources;
  }

  public QueryDao queries() {
    return queries;
  }

  public TokenDao tokens() {
    return tokens;
  }

  public StatsDao stats() {
    return stats;
  }

  /** Lineage over time: reads as of a time, replacements and retirements. */
  public LineageHistoryDao history() {
    return history;
  }

  /** What DDL statements tell: learned schemas, renames, swaps, drops. */
  public SchemaHistoryDao schemaHistory() {
    return schemaHistory;
  }

  public UsageDao usage() {
    return usage;
  }

  /**
   * Writes the lineage of one explicit request in one transaction, so that nothing is half-written:
   * the resources it registers, the queries (or jobs) behind it, then its edges (clearing their
   * tombstones: the request asks for them again).
   */
  public void writeRequested(
      Collection<ResourceRow> newResources,
      Collection<QuerySeen> producedBy,
      Collection<DerivedEdge> newEdges) {
    if (newResources.isEmpty() && producedBy.isEmpty() && newEdges.isEmpty()) {
      return;
    }
    tx.inTransaction(
        c -> {
          if (!newResources.isEmpty()) {
            resources.upsert(c, newResources);
          }
          if (!producedBy.isEmpty()) {
            queries.recordSeen(c, producedBy);
          }
          return newEdges.isEmpty() ? 0 : edges.writeRequested(c, newEdges);
        });
  }

  /** A fresh snapshot of the store's tables and columns, for name resolution. */
  public StoreCatalog catalog() {
    return StoreCatalog.load(dataSource);
  }

  @Override
  public void close() {
    dataSource.close();
  }
}
