package io.tributary.sql.lineage;

import io.tributary.sql.dialect.Dialect;
import io.tributary.sql.model.TableName;
import io.tributary.sql.model.WarningKind;
import io.tributary.sql.resolve.ColumnOrigins;
import io.tributary.sql.resolve.DerivedSource;
import io.tributary.sql.resolve.FunctionSource;
import io.tributary.sql.resolve.OutputColumn;
import io.tributary.sql.resolve.QueryOutput;
import io.tributary.sql.resolve.Scope;
import io.tributary.sql.resolve.ScopeKind;
import io.tributary.sql.resolve.Source;
import io.tributary.sql.resolve.TableSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.parser.Node;
import net.sf.jsqlparser.parser.Token;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.LateralView;
import net.sf.jsqlparser.statement.select.ParenthesedFromItem;
import net.sf.jsqlparser.statement.select.PivotXml;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.TableFunction;

/**
 * Turns FROM items and joins into the sources of a scope: tables (or the CTE a one-part name
 * means), derived tables and VALUES as child scopes, table functions, and the columns USING and
 * NATURAL joins merge. Join conditions are recorded as indirect columns.
 */
final class FromBinder {

  private final AnalysisContext context;
  private final QueryAnalyzer queries;

  FromBinder(AnalysisContext context, QueryAnalyzer queries) {
    this.context = context;
    this.queries = queries;
  }

  /** Adds a FROM item's source to the scope. */
  void bind(FromItem item, Scope scope) {
    Source source = source(item, scope);
    if (source != null) {
      scope.add(source);
    }
  }

  /** Adds a joined item and what its condition reads. */
  void join(Join join, Scope scope) {
    context.deadline.check();
    Source right = source(join.getFromItem(), scope);
    if (right != null) {
      if (join.isNatural()) {
        natural(right, scope);
      }
      if (join.getUsingColumns() != null) {
        for (Column using : join.getUsingColumns()) {
          using(context.dialect.normalize(using.getColumnName()), right, scope);
        }
      }
      scope.add(right);
    }
    if (join.getOnExpressions() != null) {
      for (Expression on : join.getOnExpressions()) {
        queries.indirect(on, scope);
      }
    }
  }

  /**
   * Hive / Spark {@code LATERAL VIEW [OUTER] explode(arr) t AS c} and {@code ... json_tuple(j,
   * 'k1', 'k2') t AS a, b} (several names come as alias columns of an alias without a name).
   */
  void lateralView(LateralView view, Scope scope) {
    ColumnOrigins arguments = queries.expression(view.getGeneratorFunction(), scope);
    String alias = view.getTableAlias() == null ? null : normalize(view.getTableAlias().getName());
    List<String> columns = new ArrayList<>();
    Alias columnAlias = view.getColumnAlias();
    if (columnAlias != null) {
      if (columnAlias.getName() != null) {
        columns.add(normalize(columnAlias.getName()));
      }
      if (columnAlias.getAliasColumns() != null) {
        for (Alias.AliasColumn c : columnAlias.getAliasColumns()) {
          columns.add(normalize(c.name));
        }
      }
    }
    scope.add(new FunctionSource(alias, columns, arguments, context.dialect));
  }

  /** A table read by the statement but outside any query (an UPDATE's or DELETE's table). */
  TableSource table(Table table) {
    TableName name = context.names.qualify(table);
    String alias = table.getAlias() != null ? normalize(table.getAlias().getName()) : name.name();
    return new TableSource(alias, name, context.lookup(name), context.dialect);
  }

  private Source source(FromItem item, Scope scope) {
    Source source = unreshaped(item, scope);
    if (item.getPivot() == null && item.getUnPivot() == null) {
      return source;
    }
    if (source == null || item.getPivot() instanceof PivotXml) {
      context.warn(
          WarningKind.NOT_TRACED,
          "PIVOT / UNPIVOT columns are not traced here: columns read through them may be missing");
      return source;
    }
    PivotBinder pivots = new PivotBinder(context, queries);
    if (item.getPivot() != null) {
      source = pivots.pivot(source, item.getPivot(), scope);
    }
    if (item.getUnPivot() != null) {
      source = pivots.unpivot(source, item.getUnPivot(), scope);
    }
    return source;
  }

  private Source unreshaped(FromItem item, Scope scope) {
    if (item instanceof Table table) {
      return table(table, scope);
    }
    if (item instanceof Select select) {
      // Derived tables (also LATERAL ones) see the scope they are in, for correlated references.
      Scope child = scope.child(ScopeKind.DERIVED_TABLE);
      QueryOutput output = queries.body(select, child);
      return new DerivedSource(
          aliasName(item), child, output.renamed(aliasColumns(item.getAlias())), context.dialect);
    }
    if (item instanceof TableFunction function) {
      ColumnOrigins arguments = queries.expression(function.getFunction(), scope);
      return new FunctionSource(
          aliasName(item), aliasColumns(item.getAlias()), arguments, context.dialect);
    }
    if (item instanceof ParenthesedFromItem parenthesed) {
      FromItem inner = parenthesed.getFromItem();
      if ((parenthesed.getJoins() == null || parenthesed.getJoins().isEmpty())
          && inner.getAlias() == null
          && parenthesed.getAlias() != null) {
        // (VALUES ...) AS v(a, b): the alias outside the parentheses names the inner item.
        inner.setAlias(parenthesed.getAlias());
        return source(inner, scope);
      }
      bind(inner, scope);
      if (parenthesed.getJoins() != null) {
        for (Join join : parenthesed.getJoins()) {
          join(join, scope);
        }
      }
      return null;
    }
    throw new UnsupportedLineageException(
        "FROM item not supported: " + item.getClass().getSimpleName());
  }

  private Source table(Table table, Scope scope) {
    List<String> parts = table.getNameParts();
    if (parts.size() == 1) {
      String name = normalize(parts.get(0));
      Optional<Scope.Cte> cte = scope.cte(name);
      if (cte.isPresent()) {
        String alias = table.getAlias() != null ? normalize(table.getAlias().getName()) : name;
        QueryOutput output = cte.get().output().renamed(aliasColumns(table.getAlias()));
        return new DerivedSource(alias, cte.get().scope(), output, context.dialect);
      }
    }
    if (parts.size() >= 2) {
      String head = normalize(parts.get(parts.size() - 1));
      if (scope.source(head).isPresent()) {
        return unnestedPath(table, head, parts.get(parts.size() - 2), scope);
      }
    }
    TableSource source = table(table);
    context.read(source.name(), position(table));
    return source;
  }

  /**
   * {@code FROM t c, c.items i} (Redshift PartiQL, BigQuery's implicit UNNEST): a path that starts
   * at an alias already in the FROM clause is no table but the rows of an array column; every
   * column read through it is derived from that column.
   */
  private Source unnestedPath(Table path, String head, String column, Scope scope) {
    ColumnOrigins arguments = queries.expression(new Column(new Table(head), column), scope);
    String alias =
        path.getAlias() != null ? normalize(path.getAlias().getName()) : normalize(path.getName());
    return new FunctionSource(alias, aliasColumns(path.getAlias()), arguments, context.dialect);
  }

  /** Where the table's name starts in the statement, as line and column; -1 if unknown. */
  private static long position(Table table) {
    Node node = table.getASTNode();
    if (node == null || node.jjtGetFirstToken() == null) {
      return -1;
    }
    Token first = node.jjtGetFirstToken();
    return ((long) first.beginLine << 32) | first.beginColumn;
  }

  private void using(String column, Source right, Scope scope) {
    List<Source> joined = new ArrayList<>();
    Optional<Scope.MergedColumn> earlier = scope.merged(column);
    if (earlier.isPresent()) {
      joined.addAll(earlier.get().sources());
    } else {
      Source open = null;
      int openCount = 0;
      for (Source left : scope.sources()) {
        switch (left.has(column)) {
          case YES -> joined.add(left);
          case UNKNOWN -> {
            open = left;
            openCount++;
          }
          case NO -> {}
        }
      }
      if (joined.isEmpty() && openCount == 1) {
        joined.add(open);
      } else if (joined.isEmpty() && openCount > 1) {
        // Without the catalog the nearest table on the left is the likeliest.
        List<Source> sources = scope.sources();
        joined.add(sources.get(sources.size() - 1));
      }
    }
    joined.add(right);
    Scope.MergedColumn merged = new Scope.MergedColumn(column, joined);
    scope.merge(merged);
    ColumnOrigins read = new ColumnOrigins();
    for (Source s : joined) {
      read.addAll(s.column(column));
    }
    context.indirect(read);
  }

  private void natural(Source right, Scope scope) {
    Optional<List<OutputColumn>> rightColumns = right.columns();
    if (rightColumns.isEmpty()) {
      context.warn(
          WarningKind.UNKNOWN_COLUMNS,
          "NATURAL join with "
              + right.describe()
              + ", whose columns are unknown: no merged columns");
      return;
    }
    for (OutputColumn c : rightColumns.get()) {
      if (c.isStar()) {
        continue;
      }
      boolean onLeft = scope.merged(c.name()).isPresent();
      for (Source left : scope.sources()) {
        onLeft |= left.has(c.name()) == Source.Presence.YES;
      }
      if (onLeft) {
        using(c.name(), right, scope);
      }
    }
  }

  private String aliasName(FromItem item) {
    return item.getAlias() == null ? null : normalize(item.getAlias().getName());
  }

  private List<String> aliasColumns(Alias alias) {
    return aliasColumns(alias, context.dialect);
  }

  /** The column names of an alias such as {@code AS t (a, b)}, normalized; empty without. */
  static List<String> aliasColumns(Alias alias, Dialect dialect) {
    if (alias == null || alias.getAliasColumns() == null || alias.getAliasColumns().isEmpty()) {
      return List.of();
    }
    List<String> names = new ArrayList<>(alias.getAliasColumns().size());
    for (Alias.AliasColumn c : alias.getAliasColumns()) {
      names.add(dialect.normalize(c.name));
    }
    return names;
  }

  private String normalize(String identifier) {
    return context.dialect.normalize(identifier);
  }
}
