package io.tributary.sql.session;

import io.tributary.sql.model.TableName;
import io.tributary.sql.model.Warning;
import io.tributary.sql.model.WarningKind;
import java.util.Locale;
import java.util.Objects;

/**
 * Something a session could not stitch, reported on the statement it concerns.
 *
 * @param kind what went wrong
 * @param table the table concerned
 */
public record SessionWarning(Kind kind, TableName table) {

  public enum Kind {
    /**
     * A temporary table is read, but the statement that created it (or the one that wrote it last)
     * was not seen in the session, or it was dropped before: what flows out of it is unknown, and
     * its columns are left out of the statement's lineage.
     */
    UNRESOLVED_TEMPORARY_TABLE;

    /** The name used in JSON and metrics: {@code unresolved_temporary_table}. */
    public String jsonName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public SessionWarning {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(table, "table");
  }

  /** The statement's warning: its kind and {@link #message()}. */
  public Warning asWarning() {
    return new Warning(
        switch (kind) {
          case UNRESOLVED_TEMPORARY_TABLE -> WarningKind.UNRESOLVED_TEMPORARY_TABLE;
        },
        message());
  }

  /** The warning's text, as the statement's warnings carry it. */
  public String message() {
    return switch (kind) {
      case UNRESOLVED_TEMPORARY_TABLE ->
          "unresolved_temporary_table: temporary table "
              + table.qualified()
              + " is read, but its creation was not seen in this session (or it was dropped):"
              + " the lineage through it is unknown";
    };
  }
}
