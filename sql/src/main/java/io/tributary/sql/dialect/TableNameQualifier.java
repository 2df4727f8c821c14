package io.tributary.sql.dialect;

import io.tributary.sql.model.SessionDefaults;
import io.tributary.sql.model.TableName;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import net.sf.jsqlparser.schema.Table;

/**
 * Turns a table reference as written into the {@link TableName} the analyzer reports: every part
 * normalized by the dialect, parts placed by the dialect's number of name parts, and the parts the
 * statement leaves out taken from the session defaults. Nothing is invented: a part neither the
 * statement nor the defaults give stays empty.
 */
public final class TableNameQualifier {

  private final Dialect dialect;
  private final SessionDefaults defaults;

  public TableNameQualifier(Dialect dialect, SessionDefaults defaults) {
    this.dialect = Objects.requireNonNull(dialect, "dialect");
    this.defaults = Objects.requireNonNull(defaults, "defaults");
  }

  public Dialect dialect() {
    return dialect;
  }

  /**
   * The reported name of a table reference; JSqlParser keeps quotes, so each part is normalized.
   */
  public TableName qualify(Table table) {
    return qualify(table.getNameParts());
  }

  /**
   * Qualifies a name given as its parts, innermost first ({@code [table, schema, database,
   * server]}), the order JSqlParser keeps them in. Null or empty parts ({@code db..t}) are missing.
   */
  public TableName qualify(List<String> partsNameFirst) {
    String name = part(partsNameFirst, 0);
    if (name == null) {
      throw new IllegalArgumentException("a table reference without a name");
    }
    String schema = part(partsNameFirst, 1);
    String database = part(partsNameFirst, 2);
    if (schema == null) {
      schema = defaults.schema().orElse(null);
    }
    // Two-part dialects (MySQL database.table) have no database part to default.
    if (database == null && dialect.tableNameParts() > 2) {
      database = defaults.database().orElse(null);
    }
    return new TableName(Optional.ofNullable(database), Optional.ofNullable(schema), name);
  }

  private String part(List<String> parts, int index) {
    if (index >= parts.size()) {
      return null;
    }
    String raw = parts.get(index);
    return raw == null || raw.isBlank() ? null : dialect.normalize(raw);
  }
}
