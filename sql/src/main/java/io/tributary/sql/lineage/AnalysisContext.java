package io.tributary.sql.lineage;

import io.tributary.sql.Deadline;
import io.tributary.sql.catalog.Catalog;
import io.tributary.sql.catalog.CatalogTable;
import io.tributary.sql.dialect.Dialect;
import io.tributary.sql.model.ColumnName;
import io.tributary.sql.model.TableName;
import io.tributary.sql.resolve.ColumnOrigins;
import io.tributary.sql.resolve.ColumnResolver;
import io.tributary.sql.resolve.TableNameQualifier;
import java.util.ArrayList;
import java.util.HashMap;
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
  private final Set<TableName> sources = new LinkedHashSet<>();
  private final Set<ColumnName> indirect = new LinkedHashSet<>();
  private final Set<String> warnings = new LinkedHashSet<>();

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

  /** Records a table the statement reads; the first read places it in the order of sources. */
  void read(TableName table) {
    sources.add(table);
  }

  /** Records a table read ahead of the others: a written table whose own columns flow. */
  void readFirst(TableName table) {
    if (!sources.contains(table)) {
      List<TableName> rest = new ArrayList<>(sources);
      sources.clear();
      sources.add(table);
      sources.addAll(rest);
    }
  }

  /** Withdraws a table met as written, not read (an UPDATE's target named in its FROM). */
  void unread(TableName table) {
    sources.remove(table);
  }

  void indirect(ColumnOrigins origins) {
    indirect.addAll(origins.asMap().keySet());
  }

  void warn(String warning) {
    warnings.add(warning);
  }

  /**
   * The tables read, in order of first appearance as the query is read: WITH items, then FROM and
   * joins, then subqueries of the SELECT list and of the conditions.
   */
  List<TableName> sources() {
    return List.copyOf(sources);
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

  List<String> warnings() {
    return List.copyOf(warnings);
  }
}
