package io.tributary.api;

import com.sun.management.OperatingSystemMXBean;
import io.tributary.connectors.store.Direction;
import io.tributary.connectors.store.EntityType;
import io.tributary.connectors.store.H2StoreDialect;
import io.tributary.connectors.store.Integration;
import io.tributary.connectors.store.LineageStore;
import io.tributary.connectors.store.StoreIds;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import org.postgresql.PGConnection;

/**
 * Load benchmark of the API's reads ({@code tributary benchmark-api}): fills a PostgreSQL or H2
 * store with a synthetic warehouse ({@code tables} tables of 10 columns) and {@code edges} edge
 * rows (half as many column relationships, both directions), bulk-loaded with COPY (PostgreSQL) or
 * batched inserts (H2), then drives three endpoints at each fixed rate over HTTP and prints
 * p50/p90/p99/max latency, the requests/s achieved, this process's CPU time per request and the
 * machine's load average:
 *
 * <ul>
 *   <li>{@code GET /lineage/manual/{id}} of random edges,
 *   <li>{@code GET /lineage/manual?from_entity__in=a,b} of random columns,
 *   <li>{@code GET /lineage/lineage_from_query} previewing an INSERT ... SELECT with a join.
 * </ul>
 *
 * <p>The load is open-loop: requests are sent on a fixed schedule and latency counts from the
 * scheduled time, so a stall shows up in the percentiles instead of slowing the load down. Every
 * endpoint is warmed up before any is measured. The API runs in this process; client and server
 * share the machine.
 */
public final class LoadBenchmark {

  /**
   * @param storeUrl a PostgreSQL database or an H2 file, reused when it already holds the edges
   * @param pool the store's connection pool
   * @param rates requests per second, one measurement of every endpoint each
   * @param seconds how long each endpoint is measured at each rate
   * @param warmup how long each endpoint runs before the first measurement
   */
  public record Settings(
      String storeUrl,
      int pool,
      long edges,
      int tables,
      List<Integer> rates,
      int seconds,
      int warmup) {
    public Settings {
      if (pool < 1 || edges < 2 || tables < 3 || seconds < 1 || warmup < 0 || rates.isEmpty()) {
        throw new IllegalArgumentException(
            "pool, seconds and rates must be positive, edges at least 2 and tables at least 3");
      }
      if (rates.stream().anyMatch(r -> r < 1)) {
        throw new IllegalArgumentException("a rate must be at least 1 request/s");
      }
      rates = List.copyOf(rates);
    }
  }

  private static final int COLUMNS = 10;

  /** Requests in flight at most; more wait for a sender (and count as late). */
  private static final int SENDERS = 256;

  private static final OperatingSystemMXBean OS =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private LoadBenchmark() {}

  /** Loads the store if needed, then measures every endpoint at every rate. */
  public static void run(Settings settings, PrintWriter out) throws Exception {
    try (LineageStore store = LineageStore.open(settings.storeUrl(), settings.pool())) {
      Warehouse warehouse = Warehouse.load(store, settings.tables(), settings.edges() / 2, out);
      String token = store.tokens().create("load-benchmark");
      ApiConfig config = ApiConfig.builder().host("127.0.0.1").port(0).build();
      try (LineageApi api = LineageApi.start(store, config)) {
        String base = "http://127.0.0.1:" + api.port();
        HttpClient http =
            HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        Random random = new Random(7);
        List<Endpoint> endpoints =
            List.of(
                new Endpoint(
                    "GET /lineage/manual/{id}",
                    i -> "/lineage/manual/" + warehouse.randomEdgeId(random)),
                new Endpoint(
                    "GET /lineage/manual?from_entity__in=a,b",
                    i ->
                        "/lineage/manual?from_entity__in="
                            + warehouse.randomColumnWithEdges(random)
                            + ","
                            + warehouse.randomColumnWithEdges(random)),
                new Endpoint(
                    "GET /lineage/lineage_from_query (preview)",
                    i ->
                        "/lineage/lineage_from_query?dialect=postgresql&default_database=bench"
                            + "&default_schema=public&sql="
                            + URLEncoder.encode(
                                warehouse.randomInsert(random), StandardCharsets.UTF_8)));
        out.printf(
            "store: %,d edge rows, %,d resources; %d s per endpoint and rate (after %d s"
                + " warm-up)%n",
            store.stats().read().relationships() * 2,
            warehouse.resources(),
            settings.seconds(),
            settings.warmup());
        out.printf(
            "%6s %-42s %9s %7s %9s %9s %9s %9s %9s %9s %6s%n",
            "rate",
            "endpoint",
            "requests",
            "errors",
            "req/s",
            "p50 ms",
            "p90 ms",
            "p99 ms",
            "max ms",
            "cpu ms/r",
            "load");
        out.flush();
        int firstRate = settings.rates().get(0);
        for (Endpoint e : endpoints) {
          // warm-up (JIT, pools, caches), not reported
          run(http, base, token, e, firstRate, settings.warmup());
        }
        for (int rate : settings.rates()) {
          for (Endpoint e : endpoints) {
            Result r = run(http, base, token, e, rate, settings.seconds());
            out.printf(
                "%6d %-42s %9d %7d %9.1f %9.2f %9.2f %9.2f %9.2f %9.2f %6.1f%n",
                rate,
                e.name(),
                r.requests(),
                r.errors(),
                r.perSecond(),
                r.percentile(50),
                r.percentile(90),
                r.percentile(99),
                r.percentile(100),
                r.cpuPerRequest(),
                r.load());
            out.flush();
          }
        }
      }
    }
  }

  private record Endpoint(String name, IntFunction<String> path) {}

  /**
   * @param cpuPerRequest this process's CPU time (server, client and store together) per request,
   *     in ms: what the machine's other load does not change much
   * @param load the machine's load average over the last minute when the run ended
   */
  private record Result(
      long requests,
      long errors,
      double perSecond,
      long[] nanos,
      double cpuPerRequest,
      double load) {
    double percentile(double p) {
      if (nanos.length == 0) {
        return Double.NaN;
      }
      int index = (int) Math.ceil(p / 100.0 * nanos.length) - 1;
      return nanos[Math.max(0, Math.min(nanos.length - 1, index))] / 1e6;
    }
  }

  /**
   * Sends requests on a fixed schedule for {@code seconds}; latency counts from the schedule. Each
   * request is handed to a fixed pool of senders that block on the response: a request waiting for
   * a free sender is late, and its lateness counts. (The client's asynchronous API would complete
   * every response on a new thread on a 2-core machine, where the common pool has one thread.)
   */
  private static Result run(
      HttpClient http, String base, String token, Endpoint endpoint, int rate, int seconds)
      throws Exception {
    long interval = 1_000_000_000L / rate;
    long total = (long) rate * seconds;
    long[] latencies = new long[(int) total];
    AtomicLong errors = new AtomicLong();
    ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
    long cpuStart = OS.getProcessCpuTime();
    long start = System.nanoTime();
    try {
      for (int i = 0; i < total; i++) {
        long due = start + i * interval;
        long wait = due - System.nanoTime();
        if (wait > 0) {
          Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
        HttpRequest request =
            HttpRequest.newBuilder(URI.create(base + endpoint.path().apply(i)))
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30))
                .build();
        int slot = i;
        senders.execute(
            () -> {
              try {
                HttpResponse<byte[]> response =
                    http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() != 200) {
                  errors.incrementAndGet();
                }
              } catch (IOException e) {
                errors.incrementAndGet();
              } catch (InterruptedException e) {
                errors.incrementAndGet();
                Thread.currentThread().interrupt();
              }
              latencies[slot] = System.nanoTime() - due;
            });
      }
    } finally {
      senders.shutdown();
      // Every request ends within its 30 s timeout.
      senders.awaitTermination(10, TimeUnit.MINUTES);
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    double cpu = (OS.getProcessCpuTime() - cpuStart) / 1e6 / total;
    long[] sorted = latencies.clone();
    Arrays.sort(sorted);
    return new Result(
        sorted.length,
        errors.get(),
        sorted.length / elapsed,
        sorted,
        cpu,
        OS.getSystemLoadAverage());
  }

  /** The synthetic warehouse: tables {@code bench.public.tNNNNN} with columns c0..c9. */
  private static final class Warehouse {
    private final int tables;
    private final UUID integration;
    private final long[] relationships; // source column index << 32 | target column index
    private final UUID[] tableIds;

    private Warehouse(int tables, UUID integration, long[] relationships) {
      this.tables = tables;
      this.integration = integration;
      this.relationships = relationships;
      this.tableIds = new UUID[tables];
      for (int t = 0; t < tables; t++) {
        tableIds[t] = tableId(t);
      }
    }

    static Warehouse load(LineageStore store, int tables, long relationships, PrintWriter out)
        throws SQLException, IOException {
      Integration integration = store.resources().upsertIntegration("Bench", "postgres");
      // Each relationship joins a column to a column of a later table: a DAG, no self edges.
      Random random = new Random(42);
      Set<Long> pairs = new HashSet<>();
      long columns = (long) tables * COLUMNS;
      while (pairs.size() < relationships) {
        int from = (int) (random.nextDouble() * (columns - COLUMNS));
        int fromTable = from / COLUMNS;
        int toTable = fromTable + 1 + random.nextInt(Math.min(50, tables - fromTable - 1));
        int to = toTable * COLUMNS + random.nextInt(COLUMNS);
        pairs.add(((long) from << 32) | to);
      }
      long[] list = pairs.stream().mapToLong(Long::longValue).toArray();
      Arrays.sort(list);
      Warehouse w = new Warehouse(tables, integration.id(), list);
      if (store.stats().read().relationships() * 2 >= relationships * 2) {
        return w; // already loaded
      }
      long started = System.nanoTime();
      if (store.dialect() instanceof H2StoreDialect) {
        w.insertBatched(store);
        out.printf(
            "loaded %,d resources and %,d edge rows in %.1f s%n",
            w.resources(), list.length * 2L, (System.nanoTime() - started) / 1e9);
        return w;
      }
      try (Connection c = store.dataSource().getConnection()) {
        var copy = c.unwrap(PGConnection.class).getCopyAPI();
        copy.copyIn(
            "COPY resources (id, created_at, updated_at, title, entity_type, type, native_type,"
                + " schema_name, database_name, integration_id, table_id, ordinal, discovered)"
                + " FROM STDIN WITH (FORMAT csv)",
            w.resourceCsv());
        copy.copyIn(
            "COPY lineage_edges (id, created_at, updated_at, from_entity, to_entity, direction,"
                + " is_manual, provenance, first_seen, last_seen, query_fingerprint)"
                + " FROM STDIN WITH (FORMAT csv)",
            w.edgeCsv());
        try (var s = c.createStatement()) {
          s.execute("ANALYZE resources");
          s.execute("ANALYZE lineage_edges");
        }
      }
      out.printf(
          "loaded %,d resources and %,d edge rows in %.1f s%n",
          w.resources(), list.length * 2L, (System.nanoTime() - started) / 1e9);
      return w;
    }

    /** H2 has no COPY: the same rows as the CSVs, inserted in batches. */
    void insertBatched(LineageStore store) throws SQLException {
      Timestamp now = Timestamp.from(Instant.now());
      try (Connection c = store.dataSource().getConnection()) {
        c.setAutoCommit(false);
        try (PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO resources (id, created_at, updated_at, title, entity_type, type,"
                    + " native_type, schema_name, database_name, integration_id, table_id,"
                    + " ordinal, discovered) VALUES (?, ?, ?, ?, ?, ?, ?, 'public', 'bench', ?, ?,"
                    + " ?, FALSE)")) {
          for (int t = 0; t < tables; t++) {
            resource(ps, tableIds[t], now, name(t), EntityType.TABLE.jsonName(), "table", null, 0);
            for (int col = 0; col < COLUMNS; col++) {
              UUID id = StoreIds.columnId(tableIds[t], "c" + col);
              resource(ps, id, now, "c" + col, "column", "integer", tableIds[t], col + 1);
            }
            ps.executeBatch();
          }
        }
        try (PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO lineage_edges (id, created_at, updated_at, from_entity, to_entity,"
                    + " direction, is_manual, provenance, first_seen, last_seen)"
                    + " VALUES (?, ?, ?, ?, ?, ?, FALSE, 'query', ?, ?)")) {
          for (int i = 0; i < relationships.length; i++) {
            UUID from = columnId((int) (relationships[i] >>> 32));
            UUID to = columnId((int) relationships[i]);
            edge(ps, from, to, Direction.DOWNSTREAM, now);
            edge(ps, to, from, Direction.UPSTREAM, now);
            if (i % 5_000 == 4_999) {
              ps.executeBatch();
              c.commit();
            }
          }
          ps.executeBatch();
        }
        c.commit();
        try (var st = c.createStatement()) {
          st.execute("ANALYZE");
        }
      }
    }

    private void resource(
        PreparedStatement ps,
        UUID id,
        Timestamp now,
        String title,
        String entityType,
        String type,
        UUID table,
        int ordinal)
        throws SQLException {
      ps.setObject(1, id);
      ps.setTimestamp(2, now);
      ps.setTimestamp(3, now);
      ps.setString(4, title);
      ps.setString(5, entityType);
      ps.setString(6, type);
      ps.setString(7, type);
      ps.setObject(8, integration);
      ps.setObject(9, table);
      if (table == null) {
        ps.setNull(10, java.sql.Types.INTEGER);
      } else {
        ps.setInt(10, ordinal);
      }
      ps.addBatch();
    }

    private static void edge(PreparedStatement ps, UUID from, UUID to, Direction d, Timestamp now)
        throws SQLException {
      ps.setObject(1, StoreIds.edgeId(from, to, d));
      ps.setTimestamp(2, now);
      ps.setTimestamp(3, now);
      ps.setObject(4, from);
      ps.setObject(5, to);
      ps.setString(6, d.name());
      ps.setTimestamp(7, now);
      ps.setTimestamp(8, now);
      ps.addBatch();
    }

    long resources() {
      return (long) tables * (COLUMNS + 1);
    }

    UUID tableId(int t) {
      return StoreIds.tableId(
          Optional.of(integration), Optional.of("bench"), Optional.of("public"), name(t));
    }

    UUID columnId(int column) {
      return StoreIds.columnId(tableIds[column / COLUMNS], "c" + column % COLUMNS);
    }

    static String name(int t) {
      return String.format("t%05d", t);
    }

    UUID randomEdgeId(Random random) {
      long r = relationships[random.nextInt(relationships.length)];
      UUID from = columnId((int) (r >>> 32));
      UUID to = columnId((int) r);
      return random.nextBoolean()
          ? StoreIds.edgeId(from, to, Direction.DOWNSTREAM)
          : StoreIds.edgeId(to, from, Direction.UPSTREAM);
    }

    UUID randomColumnWithEdges(Random random) {
      return columnId((int) (relationships[random.nextInt(relationships.length)] >>> 32));
    }

    String randomInsert(Random random) {
      int a = random.nextInt(tables - 2);
      int b = a + 1 + random.nextInt(tables - a - 2);
      int target = random.nextInt(tables);
      return "INSERT INTO "
          + name(target)
          + " (c0, c1, c2) SELECT a.c0, a.c1 + b.c1, CASE WHEN b.c2 > 0 THEN b.c3 END FROM "
          + name(a)
          + " a JOIN "
          + name(b)
          + " b ON a.c4 = b.c4 WHERE a.c5 > 10";
    }

    Reader resourceCsv() {
      String now = Instant.now().toString();
      StringBuilder csv = new StringBuilder();
      for (int t = 0; t < tables; t++) {
        UUID table = tableIds[t];
        csv.append(table)
            .append(',')
            .append(now)
            .append(',')
            .append(now)
            .append(',')
            .append(name(t))
            .append(',')
            .append(EntityType.TABLE.jsonName())
            .append(",table,table,public,bench,")
            .append(integration)
            .append(",,,false\n");
        for (int c = 0; c < COLUMNS; c++) {
          csv.append(StoreIds.columnId(table, "c" + c))
              .append(',')
              .append(now)
              .append(',')
              .append(now)
              .append(",c")
              .append(c)
              .append(",column,integer,integer,public,bench,")
              .append(integration)
              .append(',')
              .append(table)
              .append(',')
              .append(c + 1)
              .append(",false\n");
        }
      }
      return new StringReader(csv.toString());
    }

    /** The edge rows as CSV, generated while COPY reads them (1M rows do not sit in memory). */
    Reader edgeCsv() {
      String now = Instant.now().toString();
      return new Reader() {
        private int next;
        private final StringBuilder buffer = new StringBuilder();
        private int read;

        @Override
        public int read(char[] target, int offset, int length) {
          while (read == buffer.length()) {
            if (next == relationships.length) {
              return -1;
            }
            buffer.setLength(0);
            read = 0;
            long r = relationships[next++];
            UUID from = columnId((int) (r >>> 32));
            UUID to = columnId((int) r);
            row(buffer, from, to, Direction.DOWNSTREAM, now);
            row(buffer, to, from, Direction.UPSTREAM, now);
          }
          int n = Math.min(length, buffer.length() - read);
          buffer.getChars(read, read + n, target, offset);
          read += n;
          return n;
        }

        @Override
        public void close() {}
      };
    }

    private static void row(StringBuilder csv, UUID from, UUID to, Direction d, String now) {
      csv.append(StoreIds.edgeId(from, to, d))
          .append(',')
          .append(now)
          .append(',')
          .append(now)
          .append(',')
          .append(from)
          .append(',')
          .append(to)
          .append(',')
          .append(d.name())
          .append(",false,query,")
          .append(now)
          .append(',')
          .append(now)
          .append(",\n");
    }
  }
}
