package io.tributary.sql.lineage;

import io.tributary.sql.model.ColumnName;
import io.tributary.sql.model.LineageKind;
import io.tributary.sql.resolve.ColumnOrigins;
import io.tributary.sql.resolve.DerivedSource;
import io.tributary.sql.resolve.OutputColumn;
import io.tributary.sql.resolve.QueryOutput;
import io.tributary.sql.resolve.Scope;
import io.tributary.sql.resolve.ScopeKind;
import io.tributary.sql.resolve.Source;
import io.tributary.sql.resolve.TableSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExpressionVisitorAdapter;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.select.Pivot;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.UnPivot;

/**
 * A FROM item reshaped by PIVOT or UNPIVOT, read as a derived table. The input's columns the clause
 * does not consume pass through unchanged. PIVOT makes one column per IN value (and aggregate),
 * derived from the aggregate's arguments and the FOR columns; UNPIVOT makes its value columns,
 * derived from the unpivoted columns, and its name columns, which hold column names and come from
 * no column. When the input's columns are unknown, any other name is the input's.
 */
final class PivotBinder {

  private final AnalysisContext context;
  private final QueryAnalyzer queries;

  PivotBinder(AnalysisContext context, QueryAnalyzer queries) {
    this.context = context;
    this.queries = queries;
  }

  Source pivot(Source input, Pivot pivot, Scope scope) {
    Scope inner = inputScope(input, scope);
    ColumnOrigins byFor = new ColumnOrigins();
    Set<String> consumed = new HashSet<>();
    for (Column c : pivot.getForColumns()) {
      byFor.addAll(queries.expression(c, inner));
      consumed.add(normalize(c.getColumnName()));
    }
    List<SelectItem<Function>> functions = pivot.getFunctionItems();
    List<OutputColumn> made = new ArrayList<>();
    for (Object in : pivot.getInItems()) {
      String value = valueName((SelectItem<?>) in);
      for (SelectItem<Function> function : functions) {
        ColumnOrigins origins = new ColumnOrigins();
        origins.addAll(queries.expression(function.getExpression(), inner));
        origins.addAll(byFor);
        made.add(
            new OutputColumn(pivotedName(value, function, functions.size()), origins.derived()));
        consumed.addAll(columnNames(function.getExpression()));
      }
    }
    return reshaped(input, inner, consumed, List.of(), made, pivot.getAlias());
  }

  Source unpivot(Source input, UnPivot unpivot, Scope scope) {
    Scope inner = inputScope(input, scope);
    List<Column> values = unpivot.getUnPivotClause();
    List<ColumnOrigins> valueOrigins = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      valueOrigins.add(new ColumnOrigins());
    }
    Set<String> consumed = new HashSet<>();
    for (SelectItem<?> in : unpivot.getUnPivotInClause()) {
      Expression e = in.getExpression();
      List<? extends Expression> parts = e instanceof ExpressionList<?> list ? list : List.of(e);
      for (int i = 0; i < parts.size(); i++) {
        // (a, b) FOR k IN ((x1, y1), ...): a gets the first of each, b the second.
        valueOrigins
            .get(Math.min(i, values.size() - 1))
            .addAll(queries.expression(parts.get(i), inner));
        consumed.addAll(columnNames(parts.get(i)));
      }
    }
    List<OutputColumn> names = new ArrayList<>();
    for (Column c : unpivot.getUnPivotForClause()) {
      names.add(new OutputColumn(normalize(c.getColumnName()), ColumnOrigins.none()));
    }
    List<OutputColumn> made = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      made.add(
          new OutputColumn(
              normalize(values.get(i).getColumnName()), valueOrigins.get(i).derived()));
    }
    return reshaped(input, inner, consumed, names, made, unpivot.getAlias());
  }

  private Scope inputScope(Source input, Scope scope) {
    Scope inner = scope.child(ScopeKind.DERIVED_TABLE);
    inner.add(input);
    return inner;
  }

  /** Passed-through columns, then the made ones, under the clause's alias or the input's. */
  private Source reshaped(
      Source input,
      Scope inner,
      Set<String> consumed,
      List<OutputColumn> names,
      List<OutputColumn> made,
      Alias alias) {
    List<OutputColumn> out = new ArrayList<>();
    for (OutputColumn c : inputColumns(input)) {
      if (c.isStar() || !isConsumed(consumed, c.name())) {
        out.add(c);
      }
    }
    boolean passThroughKnown = out.stream().noneMatch(OutputColumn::isStar);
    out.addAll(names);
    out.addAll(made);
    QueryOutput output = new QueryOutput(out);
    List<String> renames = FromBinder.aliasColumns(alias, context.dialect);
    if (!renames.isEmpty()) {
      if (passThroughKnown) {
        output = output.renamed(renames);
      } else {
        // AS p (a, b, jan, feb) over unknown columns: only the trailing names can be placed.
        output = renameTrailing(output, renames, names.size() + made.size());
      }
    }
    String name = alias != null ? normalize(alias.getName()) : input.alias();
    return new DerivedSource(name, inner, output, context.dialect);
  }

  private boolean isConsumed(Set<String> consumed, String column) {
    for (String c : consumed) {
      if (context.dialect.sameIdentifier(c, column)) {
        return true;
      }
    }
    return false;
  }

  private static QueryOutput renameTrailing(QueryOutput output, List<String> renames, int count) {
    List<OutputColumn> columns = new ArrayList<>(output.columns());
    int n = Math.min(count, renames.size());
    for (int i = 1; i <= n; i++) {
      OutputColumn c = columns.get(columns.size() - i);
      columns.set(
          columns.size() - i, new OutputColumn(renames.get(renames.size() - i), c.origins()));
    }
    return new QueryOutput(columns);
  }

  private List<OutputColumn> inputColumns(Source input) {
    Optional<List<OutputColumn>> known = input.columns();
    if (known.isPresent()) {
      return known.get();
    }
    if (input instanceof TableSource table) {
      return List.of(
          new OutputColumn(
              OutputColumn.STAR,
              ColumnOrigins.of(
                  ColumnName.of(table.name(), OutputColumn.STAR), LineageKind.DIRECT)));
    }
    return List.of();
  }

  /** Oracle, Databricks: {@code value_alias}; with one unaliased aggregate, the value alone. */
  private String pivotedName(String value, SelectItem<Function> function, int functions) {
    if (function.getAlias() != null) {
      return value + "_" + normalize(function.getAlias().getName());
    }
    return functions == 1 ? value : value + "_" + function.getExpression();
  }

  /** An IN value's column name: its alias, else the value as written without quotes. */
  private String valueName(SelectItem<?> in) {
    if (in.getAlias() != null) {
      return normalize(in.getAlias().getName());
    }
    return valueName(in.getExpression());
  }

  private String valueName(Expression value) {
    if (value instanceof StringValue s) {
      return s.getValue();
    }
    if (value instanceof Column c) {
      return normalize(c.getColumnName()); // T-SQL's IN ([1], [2])
    }
    if (value instanceof ExpressionList<?> list) {
      List<String> parts = new ArrayList<>(list.size());
      for (Expression e : list) {
        parts.add(valueName(e));
      }
      return String.join("_", parts);
    }
    return value.toString();
  }

  private Set<String> columnNames(Expression expression) {
    Set<String> names = new HashSet<>();
    if (expression instanceof Column c) {
      names.add(normalize(c.getColumnName()));
      return names;
    }
    expression.accept(
        new ExpressionVisitorAdapter<Void>() {
          @Override
          public <S> Void visit(Column column, S context) {
            names.add(normalize(column.getColumnName()));
            return null;
          }
        },
        null);
    return names;
  }

  private String normalize(String identifier) {
    return context.dialect.normalize(identifier);
  }
}
