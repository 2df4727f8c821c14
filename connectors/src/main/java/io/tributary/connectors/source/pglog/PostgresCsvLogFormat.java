package io.tributary.connectors.source.pglog;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.tributary.connectors.source.ExecutionStatus;
import io.tributary.connectors.source.QueryRecord;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.reader.SimpleStreamFormat;
import org.apache.flink.core.fs.FSDataInputStream;

/**
 * Reads the log PostgreSQL writes with {@code log_destination = 'csvlog'} and {@code log_statement
 * = 'all'}: every {@code statement: ...} and {@code execute <name>: ...} message becomes a record
 * (multi-line statements and quoting are the CSV's); an {@code ERROR} that the same session logs
 * for that statement marks it {@code FAILED}. Other messages are ignored.
 *
 * <p>A statement is held back until its session logs its next line or the file ends, since only
 * then is it known whether an error followed.
 */
public final class PostgresCsvLogFormat extends SimpleStreamFormat<QueryRecord> {

  private static final long serialVersionUID = 1L;

  // Column positions of csvlog, stable since PostgreSQL 9.0 (later versions only append).
  private static final int LOG_TIME = 0;
  private static final int USER_NAME = 1;
  private static final int DATABASE_NAME = 2;
  private static final int SESSION_ID = 5;
  private static final int SESSION_LINE = 6;
  private static final int SEVERITY = 11;
  private static final int MESSAGE = 13;
  private static final int QUERY = 19;

  private static final Pattern STATEMENT =
      Pattern.compile("^(?:statement|execute [^:]*): ", Pattern.DOTALL);
  private static final DateTimeFormatter LOCAL_TIME_FORMAT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSS]", Locale.ROOT);
  private static final List<DateTimeFormatter> LOG_TIME_FORMATS =
      List.of(
          DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSS] z", Locale.ROOT),
          DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSS] VV", Locale.ROOT),
          DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSS] x", Locale.ROOT));
  private static final CsvMapper MAPPER =
      CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build();

  private final String defaultSchema;

  /**
   * @param defaultSchema the schema unqualified names resolve to (the servers' {@code
   *     search_path}), usually {@code public}
   */
  public PostgresCsvLogFormat(String defaultSchema) {
    this.defaultSchema = defaultSchema;
  }

  @Override
  public Reader<QueryRecord> createReader(Configuration config, FSDataInputStream stream)
      throws IOException {
    MappingIterator<String[]> rows =
        MAPPER
            .readerFor(String[].class)
            .readValues(new InputStreamReader(stream, StandardCharsets.UTF_8));
    return new LogReader(rows, defaultSchema);
  }

  @Override
  public TypeInformation<QueryRecord> getProducedType() {
    return TypeInformation.of(QueryRecord.class);
  }

  /**
   * Parses a csvlog time such as {@code 2024-05-01 10:00:00.123 UTC} (the zone as the server's
   * {@code log_timezone} abbreviates it, or an offset) into epoch millis; 0 when unreadable.
   */
  static long logTimeMillis(String value) {
    String text = value.trim();
    for (DateTimeFormatter format : LOG_TIME_FORMATS) {
      try {
        return ZonedDateTime.parse(text, format).toInstant().toEpochMilli();
      } catch (java.time.DateTimeException e) {
        // try the next form
      }
    }
    try {
      return LocalDateTime.parse(text, LOCAL_TIME_FORMAT).toInstant(ZoneOffset.UTC).toEpochMilli();
    } catch (java.time.DateTimeException e) {
      return 0L;
    }
  }

  /** The statement text of a log message, when it logs one. */
  static Optional<String> statementOf(String message) {
    Matcher m = STATEMENT.matcher(message);
    return m.find() ? Optional.of(message.substring(m.end())) : Optional.empty();
  }

  private static final class LogReader implements Reader<QueryRecord> {
    private final MappingIterator<String[]> rows;
    private final String defaultSchema;

    /** The last statement of each session whose outcome is not known yet, in arrival order. */
    private final Map<String, QueryRecord> pending = new LinkedHashMap<>();

    private final Deque<QueryRecord> ready = new ArrayDeque<>();

    LogReader(MappingIterator<String[]> rows, String defaultSchema) {
      this.rows = rows;
      this.defaultSchema = defaultSchema;
    }

    @Override
    public QueryRecord read() throws IOException {
      while (ready.isEmpty() && rows.hasNextValue()) {
        accept(rows.nextValue());
      }
      if (ready.isEmpty() && !pending.isEmpty()) {
        ready.addAll(pending.values());
        pending.clear();
      }
      return ready.poll();
    }

    private void accept(String[] row) {
      if (row.length <= QUERY) {
        return;
      }
      String session = row[SESSION_ID];
      String severity = row[SEVERITY];
      QueryRecord waiting = pending.get(session);
      if ("ERROR".equals(severity) || "FATAL".equals(severity)) {
        if (waiting != null && (row[QUERY].isEmpty() || row[QUERY].equals(waiting.sql()))) {
          pending.remove(session);
          ready.add(waiting.withStatus(ExecutionStatus.FAILED));
        } else if (!row[QUERY].isEmpty()) {
          // Failed before it ran (extended protocol: at parse or bind), so never logged as run.
          ready.add(record(row, row[QUERY], ExecutionStatus.FAILED));
        }
        return;
      }
      Optional<String> statement =
          "LOG".equals(severity) ? statementOf(row[MESSAGE]) : Optional.empty();
      if (statement.isEmpty()) {
        return;
      }
      if (waiting != null) {
        ready.add(waiting);
      }
      pending.put(session, record(row, statement.get(), ExecutionStatus.SUCCESS));
    }

    private QueryRecord record(String[] row, String sql, ExecutionStatus status) {
      return new QueryRecord(
          row[SESSION_ID] + ":" + row[SESSION_LINE],
          sql,
          logTimeMillis(row[LOG_TIME]),
          row[USER_NAME],
          row[DATABASE_NAME],
          defaultSchema,
          row[SESSION_ID],
          "postgresql",
          status,
          null);
    }

    @Override
    public void close() throws IOException {
      rows.close();
    }
  }
}
