package io.tributary.jobs.workload;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.sql.catalog.CatalogColumn;
import io.tributary.sql.catalog.CatalogTable;
import io.tributary.sql.model.TableName;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Writes a synthetic warehouse query log with a known answer: a JSON Lines log in the shape the
 * files source reads, the catalog of its tables, and the edges a correct run must store.
 *
 * <p>Each simulated day, the ETL of {@link WarehouseModel} runs once (INSERT…SELECT with joins,
 * CTEs, aggregates, a window, CTAS, a view with UNION, MERGE, UPDATE…FROM, INSERT…SELECT *), each
 * statement inside BEGIN/COMMIT and with that day's literals; the rest of the day is dashboard
 * queries, session noise (SET, SHOW, SELECT 1), about 3% statements that do not parse and about 2%
 * statements that failed in the warehouse. The log is deterministic for a seed.
 *
 * <p>A {@link WorkloadMix} with a distinct share or truncated statements makes the log look like a
 * real history: ad-hoc queries of new shapes in several dialects ({@link AdHocQueries}) until about
 * that share of rows are distinct statements, long statements cut at a history table's text limit
 * that recur day after day ({@link LongStatements}), and a daily temp-table session sent as one
 * script. The truth stays exact: the edges ({@link #expectedEdges(WorkloadMix)}) and, in {@link
 * Written}, the distinct statements that must end as dead letters.
 */
public final class WorkloadGenerator {

  /** ETL statements per day, with their BEGIN and COMMIT. */
  private static final int ETL_ROWS_PER_DAY = WarehouseModel.ETL.size() * 3;

  private final long rows;
  private final long seed;
  private final int rowsPerDay;
  private final LocalDate firstDay;
  private final WorkloadMix mix;

  /**
   * @param rows how many log rows to write
   * @param seed the random seed
   * @param rowsPerDay rows per simulated day (at least the ETL's {@value #ETL_ROWS_PER_DAY})
   */
  public WorkloadGenerator(long rows, long seed, int rowsPerDay) {
    this(rows, seed, rowsPerDay, WorkloadMix.ETL_ONLY);
  }

  /**
   * @param mix what the log holds besides the ETL; {@link WorkloadMix#ETL_ONLY} writes the same log
   *     as the other constructors
   */
  public WorkloadGenerator(long rows, long seed, int rowsPerDay, WorkloadMix mix) {
    this.rows = rows;
    this.seed = seed;
    this.mix = mix;
    this.rowsPerDay = Math.max(rowsPerDay, etlRowsPerDay(mix) + 1);
    this.firstDay = LocalDate.of(2024, 1, 1);
  }

  private static int etlRowsPerDay(WorkloadMix mix) {
    return ETL_ROWS_PER_DAY + (mix.realistic() ? 1 : 0);
  }

  public WorkloadGenerator(long rows, long seed) {
    this(rows, seed, 500);
  }

  /**
   * What {@link #write} produced.
   *
   * @param adHocRows ad-hoc queries, each of a shape no other row has
   * @param truncatedRows rows cut at the history's text limit
   * @param truncatedStatements the distinct truncated statements among them: one dead letter each
   */
  public record Written(
      long rows,
      long etlRows,
      long brokenRows,
      long failedRows,
      long days,
      long adHocRows,
      long truncatedRows,
      long truncatedStatements) {}

  /** Writes the log as JSON Lines. */
  public Written write(Path log) throws IOException {
    Random random = new Random(seed);
    int etlPerDay = etlRowsPerDay(mix);
    // Shares of the rows after each day's ETL, so the whole log has the mix's shares.
    double otherRows = Math.max(1, rows * (1 - (double) etlPerDay / rowsPerDay));
    double truncatedShare = Math.min(1, mix.truncated() * rows / otherRows);
    long truncatedPool = Math.max(1, Math.round(mix.truncated() * rows * mix.distinct()));
    double adHocShare =
        Math.min(
            1,
            Math.max(0, mix.distinct() * rows - truncatedPool)
                / Math.max(1, otherRows * (1 - truncatedShare)));
    BitSet truncatedSeen = new BitSet();
    long etl = 0;
    long broken = 0;
    long failed = 0;
    long adHoc = 0;
    long truncated = 0;
    long written = 0;
    long day = 0;
    JsonFactory json = new JsonFactory();
    try (OutputStream out = Files.newOutputStream(log);
        JsonGenerator g = json.createGenerator(out, JsonEncoding.UTF8)) {
      g.setRootValueSeparator(new com.fasterxml.jackson.core.io.SerializedString("\n"));
      while (written < rows) {
        LocalDate date = firstDay.plusDays(day);
        long dayStart = date.atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
        String iso = date.toString();
        int perDay = (int) Math.min(rowsPerDay, rows - written);
        // ETL first (02:00 onwards), one session per day.
        int etlRows = Math.min(perDay, etlPerDay);
        String etlSession = "etl-" + iso;
        for (int i = 0; i < etlRows; i++) {
          String sql;
          if (i == ETL_ROWS_PER_DAY) {
            sql = String.format(Locale.ROOT, WarehouseModel.TEMP_TABLE_SCRIPT.template(), iso);
          } else {
            WarehouseModel.Etl step = WarehouseModel.ETL.get(i / 3);
            sql =
                switch (i % 3) {
                  case 0 -> "BEGIN";
                  case 1 -> String.format(Locale.ROOT, step.template(), iso, (int) (day % 97) + 1);
                  default -> "COMMIT";
                };
          }
          if (i % 3 == 1 || i == ETL_ROWS_PER_DAY) {
            etl++;
          }
          row(
              g,
              ++written,
              sql,
              dayStart + 7_200_000L + i * 1_000L,
              "etl",
              etlSession,
              "SUCCESS",
              "postgresql");
        }
        for (int i = etlRows; i < perDay; i++) {
          long time = dayStart + 28_800_000L + (long) (random.nextDouble() * 50_000_000L);
          String user = "analyst" + random.nextInt(20);
          String session = user + "-" + iso;
          if (mix.realistic()) {
            if (random.nextDouble() < truncatedShare) {
              int statement = (int) (random.nextLong(truncatedPool));
              truncatedSeen.set(statement);
              truncated++;
              String sql = LongStatements.truncated(statement);
              row(g, ++written, sql, time, "bi-tool", session, "SUCCESS", "redshift");
              continue;
            }
            if (random.nextDouble() < adHocShare) {
              String sql = AdHocQueries.query(adHoc, iso);
              String dialect =
                  AdHocQueries.DIALECTS.get((int) (adHoc / 6 % AdHocQueries.DIALECTS.size()));
              adHoc++;
              row(g, ++written, sql, time, user, session, "SUCCESS", dialect);
              continue;
            }
          }
          int pick = random.nextInt(100);
          String status = "SUCCESS";
          String template;
          if (pick < 3) {
            template = pickOf(WarehouseModel.BROKEN, random);
            broken++;
          } else if (pick < 5) {
            template = pickOf(WarehouseModel.DASHBOARDS, random);
            status = "FAILED";
            failed++;
          } else if (pick < 30) {
            template = pickOf(WarehouseModel.NOISE, random);
          } else {
            template = pickOf(WarehouseModel.DASHBOARDS, random);
          }
          String sql =
              String.format(
                  Locale.ROOT,
                  template,
                  firstDay.plusDays(random.nextInt((int) day + 1)),
                  random.nextInt(100) + 1);
          row(g, ++written, sql, time, user, session, status, "postgresql");
        }
        day++;
      }
      g.writeRaw('\n');
    }
    return new Written(
        written, etl, broken, failed, day, adHoc, truncated, truncatedSeen.cardinality());
  }

  private static String pickOf(List<String> options, Random random) {
    return options.get(random.nextInt(options.size()));
  }

  private static void row(
      JsonGenerator g,
      long id,
      String sql,
      long millis,
      String user,
      String session,
      String status,
      String dialect)
      throws IOException {
    g.writeStartObject();
    g.writeStringField("query_id", "q" + id);
    g.writeStringField("sql", sql);
    g.writeStringField("start_time", Instant.ofEpochMilli(millis).toString());
    g.writeStringField("user_name", user);
    g.writeStringField("database_name", WarehouseModel.DATABASE);
    g.writeStringField("schema_name", "public");
    g.writeStringField("session_id", session);
    g.writeStringField("dialect", dialect);
    g.writeStringField("execution_status", status);
    g.writeEndObject();
  }

  /** The warehouse's tables, as the analyzer's catalog. */
  public static List<CatalogTable> catalog() {
    List<CatalogTable> tables = new ArrayList<>();
    for (Map.Entry<String, List<String>> t : WarehouseModel.TABLES.entrySet()) {
      String[] parts = t.getKey().split("\\.");
      tables.add(
          new CatalogTable(
              TableName.of(WarehouseModel.DATABASE, parts[0], parts[1]),
              t.getValue().stream().map(c -> CatalogColumn.of(c, null)).toList()));
    }
    return tables;
  }

  /** The catalog in the JSON shape of {@code analyze --catalog} and {@code catalog import}. */
  public static String catalogJson() {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode root = mapper.createObjectNode();
    ArrayNode tables = root.putArray("tables");
    for (CatalogTable t : catalog()) {
      ObjectNode table = tables.addObject();
      table.put("database_name", t.name().database().orElse(null));
      table.put("schema_name", t.name().schema().orElse(null));
      table.put("title", t.name().name());
      ArrayNode columns = table.putArray("columns");
      t.columns().forEach(c -> columns.addObject().put("title", c.name()));
    }
    try {
      return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The edges a correct run stores, each "from>to" over qualified names ({@code
   * analytics.schema.table} for tables, {@code analytics.schema.table.column} for columns).
   */
  public static Set<String> expectedEdges() {
    return expectedEdges(WorkloadMix.ETL_ONLY);
  }

  /** The edges a correct run of a log of this mix stores. */
  public static Set<String> expectedEdges(WorkloadMix mix) {
    return WarehouseModel.expectedEdges(mix);
  }

  /** The expected edges as JSON: {@code {"edges": [{"from": ..., "to": ...}]}}. */
  public static String expectedEdgesJson() {
    return expectedEdgesJson(WorkloadMix.ETL_ONLY);
  }

  /** The expected edges of a log of this mix as JSON. */
  public static String expectedEdgesJson(WorkloadMix mix) {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode root = mapper.createObjectNode();
    ArrayNode edges = root.putArray("edges");
    for (String edge : expectedEdges(mix)) {
      String[] pair = edge.split(">");
      edges.addObject().put("from", pair[0]).put("to", pair[1]);
    }
    try {
      return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
