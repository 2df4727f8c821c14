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
 */
public final class WorkloadGenerator {

  /** ETL statements per day, with their BEGIN and COMMIT. */
  private static final int ETL_ROWS_PER_DAY = WarehouseModel.ETL.size() * 3;

  private final long rows;
  private final long seed;
  private final int rowsPerDay;
  private final LocalDate firstDay;

  /**
   * @param rows how many log rows to write
   * @param seed the random seed
   * @param rowsPerDay rows per simulated day (at least the ETL's {@value #ETL_ROWS_PER_DAY})
   */
  public WorkloadGenerator(long rows, long seed, int rowsPerDay) {
    this.rows = rows;
    this.seed = seed;
    this.rowsPerDay = Math.max(rowsPerDay, ETL_ROWS_PER_DAY + 1);
    this.firstDay = LocalDate.of(2024, 1, 1);
  }

  public WorkloadGenerator(long rows, long seed) {
    this(rows, seed, 500);
  }

  /** What {@link #write} produced. */
  public record Written(long rows, long etlRows, long brokenRows, long failedRows, long days) {}

  /** Writes the log as JSON Lines. */
  public Written write(Path log) throws IOException {
    Random random = new Random(seed);
    long etl = 0;
    long broken = 0;
    long failed = 0;
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
        int etlRows = Math.min(perDay, ETL_ROWS_PER_DAY);
        String etlSession = "etl-" + iso;
        for (int i = 0; i < etlRows; i++) {
          WarehouseModel.Etl step = WarehouseModel.ETL.get(i / 3);
          String sql =
              switch (i % 3) {
                case 0 -> "BEGIN";
                case 1 -> String.format(Locale.ROOT, step.template(), iso, (int) (day % 97) + 1);
                default -> "COMMIT";
              };
          if (i % 3 == 1) {
            etl++;
          }
          row(g, ++written, sql, dayStart + 7_200_000L + i * 1_000L, "etl", etlSession, "SUCCESS");
        }
        for (int i = etlRows; i < perDay; i++) {
          long time = dayStart + 28_800_000L + (long) (random.nextDouble() * 50_000_000L);
          String user = "analyst" + random.nextInt(20);
          String session = user + "-" + iso;
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
          row(g, ++written, sql, time, user, session, status);
        }
        day++;
      }
      g.writeRaw('\n');
    }
    return new Written(written, etl, broken, failed, day);
  }

  private static String pickOf(List<String> options, Random random) {
    return options.get(random.nextInt(options.size()));
  }

  private static void row(
      JsonGenerator g, long id, String sql, long millis, String user, String session, String status)
      throws IOException {
    g.writeStartObject();
    g.writeStringField("query_id", "q" + id);
    g.writeStringField("sql", sql);
    g.writeStringField("start_time", Instant.ofEpochMilli(millis).toString());
    g.writeStringField("user_name", user);
    g.writeStringField("database_name", WarehouseModel.DATABASE);
    g.writeStringField("schema_name", "public");
    g.writeStringField("session_id", session);
    g.writeStringField("dialect", "postgresql");
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
    return WarehouseModel.expectedEdges();
  }

  /** The expected edges as JSON: {@code {"edges": [{"from": ..., "to": ...}]}}. */
  public static String expectedEdgesJson() {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode root = mapper.createObjectNode();
    ArrayNode edges = root.putArray("edges");
    for (String edge : expectedEdges()) {
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
