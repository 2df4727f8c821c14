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
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.sf.jsqlparser.parser.ASTNodeAccess;
import net.sf.jsqlparser.parser.Node;
import net.sf.jsqlparser.parser.Token;

/**
 * What one statement's analysis accumulates: the tables it reads (with where they first appear),
 * the columns that only filter, join or group rows, and warnings. One per statement; not shared.
 */
final class AnalysisContext {

  final Dialect dialect;
  final TableNameQualifier names;
  final ColumnResolver columns;
  final Deadline deadline;
  private final Catalog catalog;
  private final Map<TableName, Optional<CatalogTable>> lookups = new HashMap<>();
  private final Map<TableName, Long> sources = new LinkedHashMap<>();
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

  /** Records a table the statement reads; {@code at} places it for the order of appearance. */
  void read(TableName table, ASTNodeAccess at) {
    long position = position(at);
    sources.merge(table, position, Math::min);
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

  /** The tables read, in order of first appearance in the text. */
  List<TableName> sources() {
    List<Map.Entry<TableName, Long>> entries = new ArrayList<>(sources.entrySet());
    // Stable: tables without a known position keep the order they were met in.
    entries.sort(Map.Entry.comparingByValue());
    List<TableName> out = new ArrayList<>(entries.size());
    for (Map.Entry<TableName, Long> e : entries) {
      out.add(e.getKey());
    }
    return out;
  }

  boolean reads(TableName table) {
    return sources.containsKey(table);
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

  private static long position(ASTNodeAccess at) {
    Node node = at == null ? null : at.getASTNode();
    Token token = node == null ? null : node.jjtGetFirstToken();
    if (token == null) {
      return Long.MAX_VALUE;
    }
    return ((long) token.beginLine << 32) | (token.beginColumn & 0xffffffffL);
  }
}
