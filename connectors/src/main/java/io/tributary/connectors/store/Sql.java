package io.tributary.connectors.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Small JDBC conveniences shared by the DAOs: placeholders, optional parameters and columns. */
final class Sql {

  /** Longest IN list one statement gets; longer lists are split. */
  static final int IN_CHUNK = 500;

  private Sql() {}

  /** {@code ?, ?, ?} for {@code n} parameters. */
  static String placeholders(int n) {
    return String.join(", ", Collections.nCopies(n, "?"));
  }

  static <T> List<List<T>> chunks(Collection<T> values) {
    List<T> all = new ArrayList<>(values);
    List<List<T>> result = new ArrayList<>();
    for (int i = 0; i < all.size(); i += IN_CHUNK) {
      result.add(all.subList(i, Math.min(all.size(), i + IN_CHUNK)));
    }
    return result;
  }

  static void setString(PreparedStatement ps, int index, Optional<String> value)
      throws SQLException {
    if (value.isPresent()) {
      ps.setString(index, value.get());
    } else {
      ps.setNull(index, Types.VARCHAR);
    }
  }

  static void setUuid(PreparedStatement ps, int index, Optional<UUID> value) throws SQLException {
    if (value.isPresent()) {
      ps.setObject(index, value.get());
    } else {
      ps.setNull(index, Types.OTHER);
    }
  }

  static Optional<String> string(ResultSet rs, String column) throws SQLException {
    return Optional.ofNullable(rs.getString(column));
  }

  static Optional<UUID> uuid(ResultSet rs, String column) throws SQLException {
    return Optional.ofNullable(rs.getObject(column, UUID.class));
  }

  static java.time.Instant instant(ResultSet rs, String column) throws SQLException {
    return Timestamps.fromDb(rs.getObject(column, OffsetDateTime.class));
  }
}
