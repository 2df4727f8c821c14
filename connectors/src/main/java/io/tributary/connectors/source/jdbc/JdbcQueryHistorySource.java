package io.tributary.connectors.source.jdbc;

import io.tributary.connectors.source.QueryRecord;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.jdbc.JdbcConnectionOptions;
import org.apache.flink.connector.jdbc.core.datastream.source.JdbcSource;
import org.apache.flink.connector.jdbc.core.datastream.source.JdbcSourceBuilder;
import org.apache.flink.connector.jdbc.core.datastream.source.config.ContinuousUnBoundingSettings;
import org.apache.flink.connector.jdbc.split.JdbcGenericParameterValuesProvider;

/**
 * A warehouse's query history read over JDBC, built on Flink's {@link JdbcSource}.
 *
 * <ul>
 *   <li>{@link Builder#buildBounded(Instant, Instant)}: a backfill of {@code [from, to)}, split
 *       into time slices that the source's readers fetch in parallel.
 *   <li>{@link Builder#buildContinuous(Instant)}: polls for new rows from a start time on, one
 *       window of {@link Builder#window(Duration)} after the other. A window is read only once
 *       {@link Builder#lateness(Duration)} has passed after its end, so rows the warehouse writes
 *       late (Snowflake's ACCOUNT_USAGE lags up to 45 minutes) are still in it; a row later than
 *       that is missed, so set the lateness to the history's documented lag. Time it is behind on
 *       (a start in the past) is read in windows of up to {@link Builder#slice(Duration)}.
 * </ul>
 *
 * Failed statements are delivered too, marked {@code FAILED}; the job counts and drops them.
 */
public final class JdbcQueryHistorySource {

  private JdbcQueryHistorySource() {}

  public static Builder builder() {
    return new Builder();
  }

  /** Builder; {@link #url(String)} and {@link #columns(QueryHistoryColumns)} are required. */
  public static final class Builder {
    private String url;
    private String username;
    private String password;
    private QueryHistoryColumns columns;
    private String dialect;
    private Duration slice = Duration.ofHours(1);
    private Duration window = Duration.ofSeconds(10);
    private Duration lateness = Duration.ofSeconds(5);
    private Duration pollInterval = Duration.ofSeconds(1);
    private int fetchSize = 5_000;
    private String origin;

    private Builder() {}

    public Builder url(String value) {
      this.url = value;
      return this;
    }

    public Builder username(String value) {
      this.username = value;
      return this;
    }

    public Builder password(String value) {
      this.password = value;
      return this;
    }

    /** A preset's columns and dialect. */
    public Builder preset(QueryHistoryPreset preset) {
      this.columns = preset.columns();
      this.dialect = preset.dialect();
      return this;
    }

    public Builder columns(QueryHistoryColumns value) {
      this.columns = value;
      return this;
    }

    /** The history's table or view instead of the preset's. */
    public Builder table(String table) {
      this.columns =
          Objects.requireNonNull(columns, "set a preset or columns first").withTable(table);
      return this;
    }

    /** The dialect of the statements (each record carries it). */
    public Builder dialect(String value) {
      this.dialect = value;
      return this;
    }

    /**
     * Backfill: the length of one time slice (one split); streaming: the longest window read when
     * catching up on time the source is behind on. Default 1 hour.
     */
    public Builder slice(Duration value) {
      this.slice = value;
      return this;
    }

    /** Streaming: the length of one polled window. Default 10 seconds. */
    public Builder window(Duration value) {
      this.window = value;
      return this;
    }

    /** Streaming: how long after a window's end it is read. Default 5 seconds. */
    public Builder lateness(Duration value) {
      this.lateness = value;
      return this;
    }

    /** Streaming: how often the source looks for windows ready to read. Default 1 second. */
    public Builder pollInterval(Duration value) {
      this.pollInterval = value;
      return this;
    }

    public Builder fetchSize(int value) {
      this.fetchSize = value;
      return this;
    }

    /** The SQL one slice runs (for logs and tests). */
    public String sql() {
      return Objects.requireNonNull(columns, "columns").selectBetween();
    }

    /**
     * The origin its records carry; executions are counted per origin, day and fingerprint.
     * Default: the URL without credentials or properties, and the table, so the same history read
     * again (by a backfill or a stream) is the same origin. Name it when two histories would
     * otherwise look alike (two BigQuery projects told apart only by a URL property).
     */
    public Builder origin(String value) {
      this.origin = value;
      return this;
    }

    /** The origin set, or the default one (see {@link #origin(String)}). */
    public String origin() {
      if (origin != null && !origin.isBlank()) {
        return origin;
      }
      String location =
          Objects.requireNonNull(url, "url")
              .replaceFirst("//[^/@?;]*@", "//")
              .replaceFirst("[?;].*$", "");
      return location + "#" + Objects.requireNonNull(columns, "columns").table();
    }

    /** Reads {@code [from, to)} once, in parallel slices. */
    public JdbcSource<QueryRecord> buildBounded(Instant from, Instant to) {
      return PerThreadConnectionProvider.install(
          base()
              .setJdbcParameterValuesProvider(
                  new JdbcGenericParameterValuesProvider(TimeSlices.of(from, to, slice)))
              .build(),
          connectionOptions());
    }

    /** Polls for rows from {@code start} on, without end. */
    public JdbcSource<QueryRecord> buildContinuous(Instant start) {
      return PerThreadConnectionProvider.install(
          base()
              .setJdbcParameterValuesProvider(
                  new CatchUpWindows(
                      start.toEpochMilli(),
                      window.toMillis(),
                      lateness.toMillis(),
                      slice.toMillis()))
              .setContinuousUnBoundingSettings(
                  new ContinuousUnBoundingSettings(Duration.ZERO, pollInterval))
              .build(),
          connectionOptions());
    }

    private JdbcSourceBuilder<QueryRecord> base() {
      if (url == null || url.isBlank()) {
        throw new IllegalStateException("a JDBC url of the query history is required");
      }
      if (columns == null) {
        throw new IllegalStateException("a preset or a column mapping is required");
      }
      JdbcSourceBuilder<QueryRecord> builder =
          JdbcSource.<QueryRecord>builder()
              .setDBUrl(url)
              .setDriverName(driverClass(url))
              .setSql(columns.selectBetween())
              .setResultExtractor(new QueryRecordExtractor(dialect, origin()))
              .setTypeInformation(TypeInformation.of(QueryRecord.class))
              .setResultSetFetchSize(fetchSize);
      if (username != null) {
        builder.setUsername(username);
      }
      if (password != null) {
        builder.setPassword(password);
      }
      return builder;
    }

    private JdbcConnectionOptions connectionOptions() {
      JdbcConnectionOptions.JdbcConnectionOptionsBuilder options =
          new JdbcConnectionOptions.JdbcConnectionOptionsBuilder()
              .withUrl(url)
              .withDriverName(driverClass(url));
      if (username != null) {
        options.withUsername(username);
      }
      if (password != null) {
        options.withPassword(password);
      }
      return options.build();
    }

    private static String driverClass(String url) {
      try {
        Driver driver = DriverManager.getDriver(url);
        return driver.getClass().getName();
      } catch (SQLException e) {
        throw new IllegalArgumentException("no JDBC driver on the class path for " + url, e);
      }
    }
  }
}
