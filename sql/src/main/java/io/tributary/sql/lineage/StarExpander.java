package io.tributary.sql.lineage;

import io.tributary.sql.model.ColumnName;
import io.tributary.sql.model.LineageKind;
import io.tributary.sql.model.WarningKind;
import io.tributary.sql.resolve.ColumnOrigins;
import io.tributary.sql.resolve.OutputColumn;
import io.tributary.sql.resolve.Scope;
import io.tributary.sql.resolve.Source;
import io.tributary.sql.resolve.TableSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.SelectItem;

/**
 * Expands {@code *} and {@code t.*} into output columns: the catalog's columns in declared order
 * (USING / NATURAL columns once, first), a child scope's outputs, and for a table the catalog does
 * not know a {@code t.* -> *} column plus a warning. {@code EXCLUDE / EXCEPT} drop columns, {@code
 * REPLACE} substitutes expressions.
 */
final class StarExpander {

  private final AnalysisContext context;

  StarExpander(AnalysisContext context) {
    this.context = context;
  }

  List<OutputColumn> all(AllColumns star, Scope scope, QueryAnalyzer queries) {
    List<OutputColumn> out = new ArrayList<>();
    List<Scope.MergedColumn> merged = scope.mergedColumns();
    for (Scope.MergedColumn m : merged) {
      ColumnOrigins origins = new ColumnOrigins();
      for (Source s : m.sources()) {
        origins.addAll(s.column(m.name()));
      }
      out.add(new OutputColumn(m.name(), origins));
    }
    for (Source source : scope.sources()) {
      for (OutputColumn c : columns(source)) {
        if (merged.isEmpty() || c.isStar() || scope.merged(c.name()).isEmpty()) {
          out.add(c);
        }
      }
    }
    if (scope.sources().isEmpty()) {
      context.warn(WarningKind.STAR_WITHOUT_TABLE, "* with no table in scope");
    }
    return adjust(out, star, scope, queries);
  }

  List<OutputColumn> table(AllTableColumns star, Scope scope, QueryAnalyzer queries) {
    List<String> parts = star.getTable().getNameParts();
    String alias = context.dialect.normalize(parts.get(0));
    for (Scope s = scope; s != null; s = s.parent().orElse(null)) {
      Optional<Source> source = s.source(alias);
      if (source.isPresent()) {
        return adjust(columns(source.get()), star, scope, queries);
      }
    }
    context.warn(WarningKind.UNKNOWN_QUALIFIER, alias + ".* refers to no table or alias in scope");
    return List.of();
  }

  /**
   * The columns of one source; a table the catalog does not know is {@code t.*}, with a warning.
   */
  List<OutputColumn> columns(Source source) {
    Optional<List<OutputColumn>> known = source.columns();
    if (known.isPresent()) {
      return known.get();
    }
    if (source instanceof TableSource table) {
      context.warn(
          WarningKind.UNKNOWN_COLUMNS,
          "table "
              + table.name().qualified()
              + " is not in the catalog: its columns are reported as "
              + table.name().qualified()
              + ".*");
      return List.of(
          new OutputColumn(
              OutputColumn.STAR,
              ColumnOrigins.of(
                  ColumnName.of(table.name(), OutputColumn.STAR), LineageKind.DIRECT)));
    }
    context.warn(
        WarningKind.UNKNOWN_COLUMNS,
        "the columns of " + source.describe() + " are unknown: * skips them");
    return List.of();
  }

  private List<OutputColumn> adjust(
      List<OutputColumn> columns, AllColumns star, Scope scope, QueryAnalyzer queries) {
    ExpressionList<Column> except = star.getExceptColumns();
    List<SelectItem<?>> replace = star.getReplaceExpressions();
    if ((except == null || except.isEmpty()) && (replace == null || replace.isEmpty())) {
      return columns;
    }
    List<OutputColumn> out = new ArrayList<>(columns.size());
    for (OutputColumn c : columns) {
      if (!c.isStar() && except != null && named(except, c.name())) {
        continue;
      }
      OutputColumn replaced = c;
      if (replace != null && !c.isStar()) {
        for (SelectItem<?> item : replace) {
          if (context.dialect.sameIdentifier(OutputNames.of(item, context.dialect), c.name())) {
            replaced = new OutputColumn(c.name(), queries.expression(item.getExpression(), scope));
          }
        }
      }
      out.add(replaced);
    }
    return out;
  }

  private boolean named(ExpressionList<Column> columns, String name) {
    for (Column c : columns) {
      if (context.dialect.sameIdentifier(context.dialect.normalize(c.getColumnName()), name)) {
        return true;
      }
    }
    return false;
  }
}
