package io.tributary.sql.resolve;

import java.util.ArrayList;
import java.util.List;

/** The output columns of a query, in order. */
public record QueryOutput(List<OutputColumn> columns) {

  public QueryOutput {
    columns = List.copyOf(columns);
  }

  /** Whether a column of a table the catalog does not know is among the outputs. */
  public boolean hasStar() {
    for (OutputColumn c : columns) {
      if (c.isStar()) {
        return true;
      }
    }
    return false;
  }

  /**
   * The same outputs renamed by position ({@code AS d(x, y)}, {@code WITH c(x, y)}, a view's column
   * list); names beyond the outputs are ignored, outputs beyond the names keep theirs.
   */
  public QueryOutput renamed(List<String> names) {
    if (names.isEmpty()) {
      return this;
    }
    List<OutputColumn> renamed = new ArrayList<>(columns.size());
    for (int i = 0; i < columns.size(); i++) {
      OutputColumn c = columns.get(i);
      renamed.add(i < names.size() ? new OutputColumn(names.get(i), c.origins()) : c);
    }
    return new QueryOutput(renamed);
  }
}
