package io.tributary.sql.resolve;

import io.tributary.sql.model.ColumnName;
import io.tributary.sql.model.LineageKind;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The source columns a value comes from, each with how it comes: {@link LineageKind#DIRECT} when
 * every path copies it, {@link LineageKind#DERIVED} as soon as one path computes it. Mutable while
 * an expression is being collected; once stored in an {@link OutputColumn} it is only read.
 */
public final class ColumnOrigins {

  private static final ColumnOrigins NONE = new ColumnOrigins(Map.of());

  private final Map<ColumnName, LineageKind> kinds;

  public ColumnOrigins() {
    this(new LinkedHashMap<>(4));
  }

  private ColumnOrigins(Map<ColumnName, LineageKind> kinds) {
    this.kinds = kinds;
  }

  /** No source column (a literal); immutable. */
  public static ColumnOrigins none() {
    return NONE;
  }

  public static ColumnOrigins of(ColumnName column, LineageKind kind) {
    ColumnOrigins origins = new ColumnOrigins();
    origins.add(column, kind);
    return origins;
  }

  /** Adds one source; a column reached both directly and derived is derived. */
  public void add(ColumnName column, LineageKind kind) {
    kinds.merge(column, kind, ColumnOrigins::combine);
  }

  public void addAll(ColumnOrigins other) {
    other.kinds.forEach(this::add);
  }

  /** A copy in which every source is derived: the value was computed from them. */
  public ColumnOrigins derived() {
    ColumnOrigins copy = new ColumnOrigins();
    for (ColumnName column : kinds.keySet()) {
      copy.kinds.put(column, LineageKind.DERIVED);
    }
    return copy;
  }

  public boolean isEmpty() {
    return kinds.isEmpty();
  }

  public Map<ColumnName, LineageKind> asMap() {
    return Collections.unmodifiableMap(kinds);
  }

  public static LineageKind combine(LineageKind a, LineageKind b) {
    return a == LineageKind.DIRECT && b == LineageKind.DIRECT
        ? LineageKind.DIRECT
        : LineageKind.DERIVED;
  }

  @Override
  public String toString() {
    return kinds.toString();
  }
}
