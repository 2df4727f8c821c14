package io.tributary.connectors.source.jdbc;

import io.tributary.connectors.source.ExecutionStatus;
import io.tributary.connectors.source.QueryRecord;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import org.apache.flink.connector.jdbc.core.datastream.source.reader.extractor.ResultExtractor;

/** Reads a row of {@link QueryHistoryColumns#selectBetween()} by position. */
final class QueryRecordExtractor implements ResultExtractor<QueryRecord> {

  private static final long serialVersionUID = 1L;

  private final String dialect;
  private final String origin;

  QueryRecordExtractor(String dialect, String origin) {
    this.dialect = dialect;
    this.origin = origin;
  }

  @Override
  public QueryRecord extract(ResultSet row) throws SQLException {
    Timestamp start = row.getTimestamp(3);
    String sql = row.getString(2);
    return new QueryRecord(
        row.getString(1),
        sql == null ? "" : sql,
        start == null ? 0L : start.getTime(),
        row.getString(4),
        row.getString(5),
        row.getString(6),
        row.getString(7),
        dialect,
        ExecutionStatus.parse(row.getString(8)),
        origin);
  }

  @Override
  public String identifier() {
    return "tributary-query-record";
  }
}
