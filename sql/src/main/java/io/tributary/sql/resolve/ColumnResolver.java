package io.tributary.sql.resolve;

import io.tributary.sql.dialect.Dialect;
import io.tributary.sql.model.TableName;
import io.tributary.sql.model.Warning;
import io.tributary.sql.model.WarningKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;

/**
 * Places a column reference on a source by walking scopes from the innermost outwards.
 *
 * <p>A qualified column goes to the source its qualifier names. An unqualified one goes to the only
 * source of a scope that has it by the catalog; with several, it is ambiguous: a warning names the
 * column and the candidates, and no source is guessed. A scope with one source whose columns are
 * unknown takes the column; otherwise the enclosing scope is asked (correlated subqueries). Names
 * no scope can place are warnings too.
 */
public final class ColumnResolver {

  /** Keywords some dialects parse as bare column names; they read no column. */
  private static final Set<String> PSEUDO_COLUMNS =
      Set.of(
          "SYSDATE",
          "SYSTIMESTAMP",
          "CURRENT_USER",
          "SESSION_USER",
          "CURRENT_SCHEMA",
          "CURRENT_ROLE",
          "CURRENT_CATALOG",
          "CURRENT_DATE",
          "CURRENT_TIME",
          "CURRENT_TIMESTAMP",
          "LOCALTIME",
          "LOCALTIMESTAMP",
          "ROWNUM",
          "NULL",
          "TRUE",
          "FALSE");

  private final Dialect dialect;
  private final Consumer<Warning> warnings;

  public ColumnResolver(Dialect dialect, Consumer<Warning> warnings) {
    this.dialect = dialect;
    this.warnings = warnings;
  }

  private void warn(WarningKind kind, String message) {
    warnings.accept(new Warning(kind, message));
  }

  /** The source columns a column reference reads; empty (with a warning) when it cannot tell. */
  public ColumnOrigins resolve(Scope scope, Column column) {
    String raw = column.getColumnName();
    String name = dialect.normalize(raw);
    Table table = column.getTable();
    List<String> qualifier = table == null ? List.of() : table.getNameParts();
    if (qualifier.isEmpty() || qualifier.get(0) == null || qualifier.get(0).isEmpty()) {
      return resolveUnqualified(scope, name, raw);
    }
    String alias = dialect.normalize(qualifier.get(0));
    Source source = find(scope, alias);
    if (source == null && qualifier.size() > 1) {
      source = byTableName(scope, qualifier);
    }
    if (source != null) {
      return source.column(name);
    }
    ColumnOrigins field = structField(scope, qualifier);
    if (field != null) {
      return field;
    }
    warn(
        WarningKind.UNKNOWN_QUALIFIER,
        "column " + alias + "." + name + " refers to no table or alias in scope");
    return ColumnOrigins.none();
  }

  /** The source of this scope or an enclosing one that an alias names, or null. */
  private static Source find(Scope scope, String alias) {
    for (Scope s = scope; s != null; s = s.parent().orElse(null)) {
      var source = s.source(alias);
      if (source.isPresent()) {
        return source.get();
      }
    }
    return null;
  }

  /**
   * A table of this scope or an enclosing one that a qualified name names while the FROM item has
   * an alias: {@code sch.t.col} with {@code FROM sch.t AS x}. Every part given must match.
   */
  private Source byTableName(Scope scope, List<String> qualifierNameFirst) {
    for (Scope s = scope; s != null; s = s.parent().orElse(null)) {
      for (Source source : s.sources()) {
        if (source instanceof TableSource table && names(table.name(), qualifierNameFirst)) {
          return source;
        }
      }
    }
    return null;
  }

  private boolean names(TableName table, List<String> qualifierNameFirst) {
    List<Optional<String>> parts =
        List.of(Optional.of(table.name()), table.schema(), table.database());
    if (qualifierNameFirst.size() > parts.size()) {
      return false;
    }
    for (int i = 0; i < qualifierNameFirst.size(); i++) {
      String written = dialect.normalize(qualifierNameFirst.get(i));
      if (parts.get(i).isEmpty() || !dialect.sameIdentifier(parts.get(i).get(), written)) {
        return false;
      }
    }
    return true;
  }

  /**
   * A qualifier that names no source may be a struct column: {@code t.address.city}, {@code
   * address.city} or {@code widget.asset.id} (a path into column widget). The field is computed
   * from the column, so its origins are derived; null when the qualifier is not a column either.
   */
  private ColumnOrigins structField(Scope scope, List<String> qualifierNameFirst) {
    int parts = qualifierNameFirst.size();
    Source source = find(scope, dialect.normalize(qualifierNameFirst.get(parts - 1)));
    if (source == null) {
      // the path starts at a column: BigQuery's widget.asset.id reads column widget
      String column = dialect.normalize(qualifierNameFirst.get(parts - 1));
      for (Scope s = scope; s != null; s = s.parent().orElse(null)) {
        for (Source candidate : s.sources()) {
          if (candidate.has(column) == Source.Presence.YES) {
            return candidate.column(column).derived();
          }
        }
      }
      // a longer path over the only table in scope, whose columns are unknown, starts at its column
      List<Source> own = scope.sources();
      boolean onlyOne =
          parts > 1 && own.size() == 1 && own.get(0).has(column) == Source.Presence.UNKNOWN;
      return onlyOne ? own.get(0).column(column).derived() : null;
    }
    String column = dialect.normalize(qualifierNameFirst.get(parts - 2));
    return source.has(column) == Source.Presence.NO ? null : source.column(column).derived();
  }

  public ColumnOrigins resolveUnqualified(Scope scope, String name, String raw) {
    List<Source> unplaced = null;
    for (Scope s = scope; s != null; s = s.parent().orElse(null)) {
      var merged = s.merged(name);
      if (merged.isPresent()) {
        ColumnOrigins origins = new ColumnOrigins();
        for (Source source : merged.get().sources()) {
          origins.addAll(source.column(name));
        }
        return origins;
      }
      Source definite = null;
      List<Source> ambiguous = null;
      Source open = null;
      int openCount = 0;
      for (Source source : s.sources()) {
        switch (source.has(name)) {
          case YES -> {
            if (definite == null) {
              definite = source;
            } else {
              if (ambiguous == null) {
                ambiguous = new ArrayList<>(List.of(definite));
              }
              ambiguous.add(source);
            }
          }
          case UNKNOWN -> {
            open = source;
            openCount++;
          }
          case NO -> {}
        }
      }
      if (ambiguous != null) {
        warn(
            WarningKind.AMBIGUOUS_COLUMN,
            "ambiguous column " + name + ": candidates " + describe(ambiguous, name));
        return ColumnOrigins.none();
      }
      if (definite != null) {
        return definite.column(name);
      }
      if (s == scope) {
        var alias = s.output(name);
        if (alias.isPresent()) {
          return alias.get().origins();
        }
      }
      if (openCount > 0 && isPseudoColumn(raw)) {
        return ColumnOrigins.none();
      }
      if (openCount == 1) {
        return open.column(name);
      }
      if (openCount > 1) {
        if (s.preferred().isPresent() && s.preferred().get().has(name) != Source.Presence.NO) {
          return s.preferred().get().column(name);
        }
        if (unplaced == null) {
          unplaced = new ArrayList<>();
          for (Source source : s.sources()) {
            if (source.has(name) == Source.Presence.UNKNOWN) {
              unplaced.add(source);
            }
          }
        }
      }
    }
    if (isPseudoColumn(raw)) {
      return ColumnOrigins.none();
    }
    if (unplaced != null) {
      warn(
          WarningKind.UNPLACED_COLUMN,
          "cannot place column " + name + ": candidates " + describe(unplaced, name));
      return ColumnOrigins.none();
    }
    List<Source> own = scope.sources();
    if (own.size() == 1) {
      // One table in scope: the column is that table's, even if the catalog entry lacks it.
      warn(
          WarningKind.UNKNOWN_COLUMN,
          "column " + name + " is not a known column of " + own.get(0).describe());
      return own.get(0).column(name);
    }
    warn(WarningKind.UNKNOWN_COLUMN, "cannot place column " + name + ": no table in scope has it");
    return ColumnOrigins.none();
  }

  private static String describe(List<Source> candidates, String name) {
    StringBuilder sb = new StringBuilder();
    for (Source s : candidates) {
      if (sb.length() > 0) {
        sb.append(", ");
      }
      sb.append(s.describe()).append('.').append(name);
    }
    return sb.toString();
  }

  private boolean isPseudoColumn(String raw) {
    return raw.length() >= 4
        && raw.length() <= 17
        && Character.isLetter(raw.charAt(0))
        && PSEUDO_COLUMNS.contains(raw.toUpperCase(Locale.ROOT));
  }
}
