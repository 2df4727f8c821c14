package io.tributary.sql.resolve;

import io.tributary.sql.dialect.Dialect;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A table function, UNNEST or LATERAL VIEW generator: every column it produces is computed from the
 * columns passed to it. With no declared column names its columns are unknown, except one named
 * like the alias ({@code SELECT u FROM UNNEST(arr) AS u}).
 */
public final class FunctionSource implements Source {

  private final String alias;
  private final List<String> columnNames;
  private final ColumnOrigins derivedFrom;
  private final Dialect dialect;

  public FunctionSource(
      String alias, List<String> columnNames, ColumnOrigins arguments, Dialect dialect) {
    this.alias = alias;
    this.columnNames = List.copyOf(columnNames);
    this.derivedFrom = arguments.derived();
    this.dialect = dialect;
  }

  @Override
  public String alias() {
    return alias;
  }

  @Override
  public Presence has(String column) {
    for (String name : columnNames) {
      if (dialect.sameIdentifier(name, column)) {
        return Presence.YES;
      }
    }
    if (!columnNames.isEmpty()) {
      return Presence.NO;
    }
    return alias != null && dialect.sameIdentifier(alias, column) ? Presence.YES : Presence.UNKNOWN;
  }

  @Override
  public ColumnOrigins column(String column) {
    return derivedFrom;
  }

  @Override
  public Optional<List<OutputColumn>> columns() {
    if (columnNames.isEmpty()) {
      return alias == null
          ? Optional.empty()
          : Optional.of(List.of(new OutputColumn(alias, derivedFrom)));
    }
    List<OutputColumn> out = new ArrayList<>(columnNames.size());
    for (String name : columnNames) {
      out.add(new OutputColumn(name, derivedFrom));
    }
    return Optional.of(out);
  }

  @Override
  public String describe() {
    return alias == null ? "table function" : alias;
  }
}
