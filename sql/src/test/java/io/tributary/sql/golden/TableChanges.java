package io.tributary.sql.golden;

import io.tributary.sql.model.DeclaredColumn;
import io.tributary.sql.model.TableChange;
import java.util.stream.Collectors;

/** Table changes in the fixture format: {@code change: renamed public.a -> public.b}. */
public final class TableChanges {

  private TableChanges() {}

  /**
   * {@code created [temporary] t (a int, b)}, {@code created_from t like|clone s [temporary]},
   * {@code column_added t c [type]}, {@code column_dropped t c}, {@code column_renamed t a -> b},
   * {@code renamed a -> b}, {@code swapped a <-> b}, {@code dropped table|view t}, {@code truncated
   * t}.
   */
  public static String render(TableChange change) {
    if (change instanceof TableChange.Created c) {
      return "created "
          + (c.temporary() ? "temporary " : "")
          + c.table().qualified()
          + " ("
          + c.columns().stream().map(TableChanges::column).collect(Collectors.joining(", "))
          + ")";
    }
    if (change instanceof TableChange.CreatedFrom c) {
      return "created_from "
          + c.table().qualified()
          + (c.withRows() ? " clone " : " like ")
          + c.template().qualified()
          + (c.temporary() ? " temporary" : "");
    }
    if (change instanceof TableChange.ColumnAdded c) {
      return "column_added " + c.table().qualified() + " " + column(c.column());
    }
    if (change instanceof TableChange.ColumnDropped c) {
      return "column_dropped " + c.table().qualified() + " " + c.column();
    }
    if (change instanceof TableChange.ColumnRenamed c) {
      return "column_renamed " + c.table().qualified() + " " + c.from() + " -> " + c.to();
    }
    if (change instanceof TableChange.Renamed c) {
      return "renamed " + c.from().qualified() + " -> " + c.table().qualified();
    }
    if (change instanceof TableChange.Swapped c) {
      return "swapped " + c.table().qualified() + " <-> " + c.other().qualified();
    }
    if (change instanceof TableChange.Dropped c) {
      return "dropped " + (c.view() ? "view " : "table ") + c.table().qualified();
    }
    return "truncated " + change.table().qualified();
  }

  private static String column(DeclaredColumn c) {
    return c.name() + c.type().map(t -> " " + t).orElse("");
  }
}
