package io.tributary.sql.lineage;

import io.tributary.sql.model.ColumnLineage;
import io.tributary.sql.model.ColumnName;
import io.tributary.sql.model.LineageKind;
import io.tributary.sql.resolve.ColumnOrigins;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The column pairs of a statement: each (from, to) once, direct only if every path is direct. */
final class LineagePairs {

  private record Pair(ColumnName from, ColumnName to) {}

  private final Map<Pair, LineageKind> pairs = new LinkedHashMap<>();

  void add(ColumnOrigins origins, ColumnName to) {
    for (Map.Entry<ColumnName, LineageKind> e : origins.asMap().entrySet()) {
      ColumnName from = e.getKey();
      // An unknown table's star flows into the target's star, not into one named column.
      ColumnName target =
          "*".equals(from.name()) && !"*".equals(to.name()) ? new ColumnName(to.table(), "*") : to;
      pairs.merge(new Pair(from, target), e.getValue(), ColumnOrigins::combine);
    }
  }

  List<ColumnLineage> list() {
    List<ColumnLineage> out = new ArrayList<>(pairs.size());
    pairs.forEach((p, kind) -> out.add(new ColumnLineage(p.from(), p.to(), kind)));
    return out;
  }

  Set<ColumnName> sourceColumns() {
    Set<ColumnName> out = new HashSet<>();
    for (Pair p : pairs.keySet()) {
      out.add(p.from());
    }
    return out;
  }
}
