package io.tributary.sql.resolve;

import io.tributary.sql.dialect.Dialect;
import io.tributary.sql.model.ColumnName;
import io.tributary.sql.model.LineageKind;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A child scope read as a table: a derived table, a CTE reference or a VALUES list. Its columns are
 * the child query's outputs; a column hidden behind an unknown table's {@code *} resolves to that
 * table's column of the same name.
 */
public final class DerivedSource implements Source {

  private final String alias;
  private final Scope scope;
  private final QueryOutput output;
  private final Dialect dialect;

  public DerivedSource(String alias, Scope scope, QueryOutput output, Dialect dialect) {
    this.alias = alias;
    this.scope = scope;
    this.output = output;
    this.dialect = dialect;
  }

  /** The child scope the query was resolved in. */
  public Scope scope() {
    return scope;
  }

  public QueryOutput output() {
    return output;
  }

  @Override
  public String alias() {
    return alias;
  }

  @Override
  public Presence has(String column) {
    if (find(column) != null) {
      return Presence.YES;
    }
    return output.hasStar() ? Presence.UNKNOWN : Presence.NO;
  }

  @Override
  public ColumnOrigins column(String column) {
    OutputColumn found = find(column);
    if (found != null) {
      return found.origins();
    }
    ColumnOrigins behindStar = new ColumnOrigins();
    for (OutputColumn c : output.columns()) {
      if (c.isStar()) {
        for (Map.Entry<ColumnName, LineageKind> e : c.origins().asMap().entrySet()) {
          ColumnName star = e.getKey();
          behindStar.add(
              OutputColumn.STAR.equals(star.name()) ? new ColumnName(star.table(), column) : star,
              e.getValue());
        }
      }
    }
    return behindStar;
  }

  @Override
  public Optional<List<OutputColumn>> columns() {
    return Optional.of(output.columns());
  }

  @Override
  public String describe() {
    return alias == null ? "subquery" : alias;
  }

  private OutputColumn find(String column) {
    for (OutputColumn c : output.columns()) {
      if (!c.isStar() && dialect.sameIdentifier(c.name(), column)) {
        return c;
      }
    }
    return null;
  }
}
