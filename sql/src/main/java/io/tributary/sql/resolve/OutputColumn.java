package io.tributary.sql.resolve;

import java.util.Objects;

/**
 * One output column of a query and the source columns it comes from. The name {@value #STAR} stands
 * for the columns of a table the catalog does not know, kept visible instead of dropped.
 */
public record OutputColumn(String name, ColumnOrigins origins) {

  public static final String STAR = "*";

  public OutputColumn {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(origins, "origins");
  }

  public boolean isStar() {
    return STAR.equals(name);
  }
}
