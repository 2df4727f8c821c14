package io.tributary.sql.lineage;

import io.tributary.sql.catalog.Catalog;
import io.tributary.sql.catalog.CatalogTable;
import io.tributary.sql.dialect.Dialect;
import io.tributary.sql.dialect.TableNameQualifier;
import io.tributary.sql.model.ColumnName;
import io.tributary.sql.model.TableName;
import io.tributary.sql.model.Warning;
import io.tributary.sql.model.WarningKind;
import io.tributary.sql.parse.Deadline;
import io.tributary.sql.resolve.ColumnOrigins;
import io.tributary.sql.resolve.ColumnResolver;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one statement's analysis accumulates: the tables it reads (in the order they are met), the
 * columns that only filter, join or group rows, and warnings. One per statement; not shared.
 */
final class AnalysisContext {

  final Dialect dialect;
  final TableNameQualifier names;
  final ColumnResolver columns;
  final Deadline deadline;
  private final Catalog catalog;
  private final Map<TableName, Optional<CatalogTable>> lookups = new HashMap<>();
  // Each table read, with where it first appears in the statement's text.
  private final Map<TableName, Long> sources = new LinkedHashMap<>();
  private final Set<ColumnName> indirect = new LinkedHashSet<>();
  private final Set<Warning> warnings = new LinkedHashSet<>();
  private long lastPosition = Long.MIN_VALUE;

  AnalysisContext(Dialect dialect, Catalog catalog, TableNameQualifier names, Deadline deadline) {
    this.dialect = dialect;
    this.catalog = catalog;
    this.names = names;
    this.deadline = deadline;
    this.columns = new ColumnResolver(dialect, warnings::add);
  }

  Optional<CatalogTable> lookup(TableName name) {
    return lookups.computeIfAbsent(name, catalog::table);
  }

  /**
   * Records a table the statement reads at a position of its text (any increasing measure); a
   * negative position, for a name the parser did not place, stands right after the last one read.
   */
  void read(TableName table, long position) {
    if (position < 0) {
      position = lastPosition;
    } else {
      lastPosition = Math.max(lastPosition, position);
    }
    sources.merge(table, position, Math::min);
  }

  /** Records a table read ahead of the others: a written table whose own columns flow. */
  void readFirst(TableName table) {
    sources.put(table, Long.MIN_VALUE);
  }

  /** Withdraws a table met as written, not read (an UPDATE's target named in its FROM). */
  void unread(TableName table) {
    sources.remove(table);
  }

  void indirect(ColumnOrigins origins) {
    indirect.addAll(origins.asMap().keySet());
  }

  void warn(WarningKind kind, String message) {
    warnings.add(new Warning(kind, message));
  }

  /**
   * The tables read, in order of first appearance in the text: a subquery of the SELECT list comes
   * before the FROM clause. They are analyzed in another order (FROM first), hence the sort.
   */
  List<TableName> sources() {
    List<Map.Entry<TableName, Long>> read = new ArrayList<>(sources.entrySet());
    read.sort(Map.Entry.comparingByValue());
    List<TableName> out = new ArrayList<>(read.size());
    for (Map.Entry<TableName, Long> e : read) {
      out.add(e.getKey());
    }
    return out;
  }

  /** Filter, join and group columns, minus those that flow into a written column. */
  List<ColumnName> indirect(Set<ColumnName> lineageSources) {
    List<ColumnName> out = new ArrayList<>(indirect.size());
    for (ColumnName c : indirect) {
      if (c.table().isPresent() && !lineageSources.contains(c)) {
        out.add(c);
      }
    }
    return out;
  }

  List<Warning> warnings() {
    return List.copyOf(warnings);
  }
}
