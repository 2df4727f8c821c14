package io.tributary.sql.resolve;

import io.tributary.sql.catalog.CatalogColumn;
import io.tributary.sql.catalog.CatalogTable;
import io.tributary.sql.dialect.Dialect;
import io.tributary.sql.model.ColumnName;
import io.tributary.sql.model.LineageKind;
import io.tributary.sql.model.TableName;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A physical table or view, with its catalog entry when the catalog knows it. Its columns are
 * reported under the name the statement resolved, spelled as the catalog spells them when known.
 */
public final class TableSource implements Source {

  private final String alias;
  private final TableName name;
  private final Optional<CatalogTable> table;
  private final Dialect dialect;
  private Map<String, String> columnsByKey;

  public TableSource(String alias, TableName name, Optional<CatalogTable> table, Dialect dialect) {
    this.alias = alias;
    this.name = name;
    this.table = table;
    this.dialect = dialect;
  }

  public TableName name() {
    return name;
  }

  public Optional<CatalogTable> table() {
    return table;
  }

  @Override
  public String alias() {
    return alias;
  }

  @Override
  public Presence has(String column) {
    if (table.isEmpty()) {
      return Presence.UNKNOWN;
    }
    return catalogSpelling(column) != null ? Presence.YES : Presence.NO;
  }

  @Override
  public ColumnOrigins column(String column) {
    String spelled = table.isEmpty() ? null : catalogSpelling(column);
    return ColumnOrigins.of(
        ColumnName.of(name, spelled == null ? column : spelled), LineageKind.DIRECT);
  }

  @Override
  public Optional<List<OutputColumn>> columns() {
    if (table.isEmpty()) {
      return Optional.empty();
    }
    List<OutputColumn> out = new ArrayList<>(table.get().columns().size());
    for (CatalogColumn c : table.get().columns()) {
      out.add(
          new OutputColumn(
              c.name(), ColumnOrigins.of(ColumnName.of(name, c.name()), LineageKind.DIRECT)));
    }
    return Optional.of(out);
  }

  @Override
  public String describe() {
    return name.qualified();
  }

  /** The catalog's spelling of a column: the dialect's rule first, then ignoring case. */
  private String catalogSpelling(String column) {
    if (columnsByKey == null) {
      columnsByKey = new HashMap<>();
      for (CatalogColumn c : table.get().columns()) {
        columnsByKey.putIfAbsent(c.name().toLowerCase(Locale.ROOT), c.name());
      }
    }
    String spelled = columnsByKey.get(column.toLowerCase(Locale.ROOT));
    if (spelled == null || dialect.sameIdentifier(spelled, column)) {
      return spelled;
    }
    // Same letters, other case: still the catalog's column unless another column is spelled
    // exactly.
    for (CatalogColumn c : table.get().columns()) {
      if (dialect.sameIdentifier(c.name(), column)) {
        return c.name();
      }
    }
    return spelled;
  }
}
