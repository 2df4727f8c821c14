package io.tributary.sql.session;

import io.tributary.sql.catalog.Catalog;
import io.tributary.sql.catalog.CatalogColumn;
import io.tributary.sql.catalog.CatalogTable;
import io.tributary.sql.dialect.Dialect;
import io.tributary.sql.model.ColumnLineage;
import io.tributary.sql.model.ColumnName;
import io.tributary.sql.model.DeclaredColumn;
import io.tributary.sql.model.LineageKind;
import io.tributary.sql.model.StatementKind;
import io.tributary.sql.model.StatementLineage;
import io.tributary.sql.model.TableChange;
import io.tributary.sql.model.TableName;
import io.tributary.sql.model.Warning;
import io.tributary.sql.parse.SqlLexer;
import io.tributary.sql.parse.TokenType;
import io.tributary.sql.resolve.OutputColumn;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Stitches the statements of one session, given in session order, through its temporary tables.
 *
 * <p>A temporary table (by its statement's syntax, or by its name, see {@link TemporaryTableRule})
 * is not a resource: what is written into it is remembered column by column, as the lasting columns
 * it comes from; a statement reading it gets those columns instead ({@code CREATE TEMP TABLE tmp AS
 * SELECT a FROM src; INSERT INTO final SELECT a FROM tmp} is {@code src.a → final.a}). A pair is
 * direct only when every step is. Renaming a temporary table to a lasting name writes what it holds
 * into that table ({@link TableChange.Created} of it, and its pairs): dbt's {@code x__dbt_tmp}
 * renamed to {@code x}. Renaming a lasting table to a temporary name ({@code x} to {@code
 * x__dbt_backup}) makes the temporary table hold the lasting one's columns.
 *
 * <p>Statements writing a temporary table keep the tables they read, but lose their target, pairs
 * and indirect columns; changes of temporary tables are left out. A temporary table read whose
 * creation was not seen (a temporary name never written in the session, or one dropped) is a {@link
 * SessionWarning}, and its columns are left out of the statement's lineage.
 *
 * <p>Each statement should be analyzed with {@link #catalog()} in front of the catalog, so that it
 * sees the temporary tables' columns as they are at that point ({@code SELECT *} of one, an INSERT
 * into one without a column list); {@code LineageAnalyzer#analyze(request, session)} does.
 *
 * <p>Not thread-safe: one instance per session.
 */
public final class SessionStitcher {

  private final TemporaryTableRule rule;
  private final Map<TableName, TemporaryTable> temporary = new HashMap<>();
  private final Set<TableName> dropped = new HashSet<>();
  private final List<SessionWarning> issued = new ArrayList<>();

  public SessionStitcher(TemporaryTableRule rule) {
    this.rule = Objects.requireNonNull(rule, "rule");
  }

  /**
   * The session's temporary tables as a catalog, live: a statement analyzed with it (before the
   * catalog it falls back to) places columns, expands {@code *} and maps an INSERT without a column
   * list onto the temporary tables' columns as the session has them at that statement.
   */
  public Catalog catalog() {
    return name -> {
      TemporaryTable held = temporary.get(name);
      if (held == null) {
        return Optional.empty();
      }
      List<CatalogColumn> columns = new ArrayList<>();
      for (String column : held.columns.keySet()) {
        if (column.equals(OutputColumn.STAR)) {
          return Optional.empty(); // holds a table whose columns are unknown
        }
        columns.add(new CatalogColumn(column, Optional.empty()));
      }
      return columns.isEmpty() ? Optional.empty() : Optional.of(new CatalogTable(name, columns));
    };
  }

  /**
   * Whether a statement may create, write, read or rename a temporary table of this session, judged
   * from its words without parsing: a word that makes a table temporary (TEMP, TEMPORARY, VOLATILE,
   * CACHE), a name temporary by the rule ({@code #t}, {@code x__dbt_tmp}), or the name of a
   * temporary table the session has held. A statement for which this is false has the same lineage
   * in every session; one for which it is true must be analyzed in its session, in order.
   */
  public boolean mayTouchTemporaryTables(String sql, Dialect dialect) {
    Set<String> held = new HashSet<>();
    temporary.keySet().forEach(t -> held.add(t.name().toLowerCase(Locale.ROOT)));
    dropped.forEach(t -> held.add(t.name().toLowerCase(Locale.ROOT)));
    SqlLexer lexer = new SqlLexer(sql, dialect);
    for (TokenType type = lexer.next(); type != TokenType.END; type = lexer.next()) {
      if (type != TokenType.WORD && type != TokenType.QUOTED) {
        continue;
      }
      if (type == TokenType.WORD
          && TEMPORARY_WORDS.contains(lexer.text().toUpperCase(Locale.ROOT))) {
        return true;
      }
      String name = dialect.normalize(lexer.text());
      if (held.contains(name.toLowerCase(Locale.ROOT))
          || rule.temporaryByName(TableName.of(name))) {
        return true;
      }
    }
    return false;
  }

  private static final Set<String> TEMPORARY_WORDS =
      Set.of("TEMP", "TEMPORARY", "VOLATILE", "CACHE");

  /** Every warning of the session so far, in order. */
  public List<SessionWarning> warnings() {
    return List.copyOf(issued);
  }

  /** Whether the session holds a temporary table of this name now. */
  public boolean holds(TableName table) {
    return temporary.containsKey(table);
  }

  /** Whether reading this table depends on the session: a temporary table, live or not. */
  public boolean isTemporary(TableName table) {
    return temporary.containsKey(table) || dropped.contains(table) || rule.temporaryByName(table);
  }

  /** The next statement of the session. Failed statements pass as they are. */
  public StitchedStatement next(StatementLineage statement) {
    if (statement.failed()) {
      return new StitchedStatement(statement, List.of());
    }
    return new Step(statement).run();
  }

  /** What a temporary table holds: per column, the lasting columns it comes from. */
  private static final class TemporaryTable {
    final Map<String, Set<Origin>> columns = new LinkedHashMap<>();
    final Set<TableName> sources = new LinkedHashSet<>();
    final Set<ColumnName> indirect = new LinkedHashSet<>();

    static TemporaryTable declared(List<DeclaredColumn> declared) {
      TemporaryTable t = new TemporaryTable();
      declared.forEach(c -> t.columns.put(c.name(), new LinkedHashSet<>()));
      return t;
    }

    /** A table holding all of a lasting table's columns, one to one. */
    static TemporaryTable copyOf(TableName lasting) {
      TemporaryTable t = new TemporaryTable();
      t.columns.put(
          OutputColumn.STAR,
          new LinkedHashSet<>(
              Set.of(new Origin(ColumnName.of(lasting, OutputColumn.STAR), LineageKind.DIRECT))));
      t.sources.add(lasting);
      return t;
    }

    TemporaryTable copy() {
      TemporaryTable t = new TemporaryTable();
      columns.forEach((k, v) -> t.columns.put(k, new LinkedHashSet<>(v)));
      t.sources.addAll(sources);
      t.indirect.addAll(indirect);
      return t;
    }

    /** Where a column comes from; a column it does not list comes from its {@code *} sources. */
    Set<Origin> origins(String column) {
      Set<Origin> found = columns.get(column);
      if (found == null) {
        for (Map.Entry<String, Set<Origin>> e : columns.entrySet()) {
          if (e.getKey().equalsIgnoreCase(column)) {
            return e.getValue();
          }
        }
      }
      if (found != null) {
        return found;
      }
      Set<Origin> throughStar = new LinkedHashSet<>();
      for (Origin o : columns.getOrDefault(OutputColumn.STAR, Set.of())) {
        if (o.column().name().equals(OutputColumn.STAR) && o.column().table().isPresent()) {
          throughStar.add(new Origin(ColumnName.of(o.column().table().get(), column), o.kind()));
        }
      }
      return throughStar;
    }
  }

  private record Origin(ColumnName column, LineageKind kind) {}

  /** One statement's stitching. */
  private final class Step {
    private final StatementLineage in;
    private final Set<TableName> sources = new LinkedHashSet<>();
    private final Set<ColumnLineage> pairs = new LinkedHashSet<>();
    private final Set<ColumnName> indirect = new LinkedHashSet<>();
    private final List<TableChange> changes = new ArrayList<>();
    private final List<SessionWarning> warnings = new ArrayList<>();
    private final Set<TableName> unresolved = new LinkedHashSet<>();
    private Optional<TableName> target;

    Step(StatementLineage in) {
      this.in = in;
      this.target = in.target();
    }

    StitchedStatement run() {
      createTemporaryTables();
      resolveReads();
      if (target.isPresent() && isTemporary(target.get())) {
        if (!in.kind().isDdl()) {
          writeTemporary(target.get());
        }
        target = Optional.empty();
        pairs.clear();
        indirect.clear();
      }
      applyChanges();
      List<Warning> texts = new ArrayList<>(in.warnings());
      warnings.forEach(w -> texts.add(w.asWarning()));
      StatementLineage out =
          new StatementLineage(
              in.index(),
              in.sql(),
              in.kind(),
              List.copyOf(sources),
              target,
              List.copyOf(pairs),
              List.copyOf(indirect),
              texts,
              in.error(),
              changes);
      issued.addAll(warnings);
      return new StitchedStatement(out, warnings);
    }

    /** Created and CreatedFrom of temporary tables start them empty (or as their template). */
    private void createTemporaryTables() {
      for (TableChange change : in.changes()) {
        if (change instanceof TableChange.Created c
            && (c.temporary() || rule.temporaryByName(c.table()))) {
          start(c.table(), TemporaryTable.declared(c.columns()));
        } else if (change instanceof TableChange.CreatedFrom c
            && (c.temporary() || rule.temporaryByName(c.table()))) {
          TemporaryTable held = temporary.get(c.template());
          if (!c.withRows()) {
            TemporaryTable columnsOnly = new TemporaryTable();
            (held != null ? held.columns.keySet() : Set.<String>of())
                .forEach(k -> columnsOnly.columns.put(k, new LinkedHashSet<>()));
            start(c.table(), columnsOnly);
          } else {
            start(c.table(), held != null ? held.copy() : TemporaryTable.copyOf(c.template()));
          }
        }
      }
    }

    private void start(TableName table, TemporaryTable content) {
      temporary.put(table, content);
      dropped.remove(table);
    }

    /** Replaces every read of a temporary table by the lasting columns and tables it holds. */
    private void resolveReads() {
      for (TableName source : in.sources()) {
        TemporaryTable held = temporary.get(source);
        if (held != null) {
          // the rows read are those the temporary table's own filters and joins let through
          sources.addAll(held.sources);
          indirect.addAll(held.indirect);
        } else if (isTemporary(source)) {
          unresolved(source);
        } else {
          sources.add(source);
        }
      }
      for (ColumnLineage pair : in.columns()) {
        Optional<TableName> from = pair.from().table();
        TemporaryTable held = from.map(temporary::get).orElse(null);
        if (held != null) {
          throughTemporary(held, pair);
        } else if (from.isPresent() && isTemporary(from.get())) {
          unresolved(from.get());
        } else {
          pairs.add(pair);
        }
      }
      for (ColumnName column : in.indirect()) {
        Optional<TableName> from = column.table();
        TemporaryTable held = from.map(temporary::get).orElse(null);
        if (held != null) {
          held.origins(column.name()).forEach(o -> indirect.add(o.column()));
          indirect.addAll(held.indirect);
        } else if (from.isPresent() && isTemporary(from.get())) {
          unresolved(from.get());
        } else {
          indirect.add(column);
        }
      }
    }

    private void throughTemporary(TemporaryTable held, ColumnLineage pair) {
      if (!pair.from().name().equals(OutputColumn.STAR)) {
        for (Origin o : held.origins(pair.from().name())) {
          pairs.add(new ColumnLineage(o.column(), pair.to(), combined(o.kind(), pair.kind())));
        }
        return;
      }
      // tmp.* → t.*: each column of tmp into t's column of that name
      boolean starTarget = pair.to().name().equals(OutputColumn.STAR);
      held.columns.forEach(
          (name, origins) -> {
            ColumnName to =
                starTarget && !name.equals(OutputColumn.STAR)
                    ? ColumnName.of(pair.to().table().orElseThrow(), name)
                    : pair.to();
            for (Origin o : origins) {
              pairs.add(new ColumnLineage(o.column(), to, combined(o.kind(), pair.kind())));
            }
          });
      indirect.addAll(held.indirect);
    }

    private void unresolved(TableName table) {
      if (unresolved.add(table)) {
        warnings.add(new SessionWarning(SessionWarning.Kind.UNRESOLVED_TEMPORARY_TABLE, table));
      }
    }

    /** What the statement writes into a temporary table becomes what the table holds. */
    private void writeTemporary(TableName table) {
      TemporaryTable held = temporary.get(table);
      if (held == null || replacesContents(in.kind())) {
        TemporaryTable fresh = new TemporaryTable();
        if (held != null) {
          held.columns.keySet().forEach(k -> fresh.columns.put(k, new LinkedHashSet<>()));
        }
        held = fresh;
        start(table, held);
      }
      for (ColumnLineage pair : pairs) {
        held.columns
            .computeIfAbsent(pair.to().name(), k -> new LinkedHashSet<>())
            .add(new Origin(pair.from(), pair.kind()));
      }
      held.sources.addAll(sources);
      held.indirect.addAll(indirect);
    }

    private boolean replacesContents(StatementKind kind) {
      return switch (kind) {
        case CREATE_TABLE_AS,
            SELECT_INTO,
            CREATE_VIEW,
            CREATE_MATERIALIZED_VIEW,
            INSERT_OVERWRITE ->
            true;
        default -> false;
      };
    }

    /** Follows the statement's changes; those of temporary tables are not passed on. */
    private void applyChanges() {
      for (TableChange change : in.changes()) {
        if (change instanceof TableChange.Renamed r) {
          rename(r.from(), r.table(), r);
        } else if (change instanceof TableChange.Swapped s) {
          swap(s);
        } else if (!isTemporary(change.table())) {
          changes.add(change);
        } else if (change instanceof TableChange.Dropped d) {
          temporary.remove(d.table());
          dropped.add(d.table());
        } else if (change instanceof TableChange.Truncated t) {
          TemporaryTable held = temporary.get(t.table());
          if (held != null) {
            held.columns.values().forEach(Set::clear);
            held.sources.clear();
            held.indirect.clear();
          }
        } else if (change instanceof TableChange.ColumnAdded a) {
          Optional.ofNullable(temporary.get(a.table()))
              .ifPresent(h -> h.columns.putIfAbsent(a.column().name(), new LinkedHashSet<>()));
        } else if (change instanceof TableChange.ColumnDropped d) {
          Optional.ofNullable(temporary.get(d.table()))
              .ifPresent(h -> h.columns.remove(d.column()));
        } else if (change instanceof TableChange.ColumnRenamed r) {
          TemporaryTable held = temporary.get(r.table());
          if (held != null && held.columns.containsKey(r.from())) {
            held.columns.put(r.to(), held.columns.remove(r.from()));
          }
        }
        // Created and CreatedFrom of temporary tables were handled first.
      }
    }

    private void rename(TableName from, TableName to, TableChange.Renamed change) {
      boolean fromTemporary = isTemporary(from);
      boolean toTemporary = isTemporary(to);
      if (!fromTemporary && !toTemporary) {
        changes.add(change);
        return;
      }
      TemporaryTable held = temporary.remove(from);
      if (fromTemporary) {
        dropped.add(from);
      }
      if (toTemporary) {
        // x renamed to x__dbt_backup: the scratch name holds the lasting table's columns
        start(to, held != null ? held : TemporaryTable.copyOf(from));
        return;
      }
      if (held == null) {
        // what the lasting table now holds is unknown, but it is a new table
        unresolved(from);
        changes.add(new TableChange.Created(to, List.of(), false));
        return;
      }
      materialize(held, to);
    }

    /** A temporary table's contents land in a lasting table, which they now are. */
    private void materialize(TemporaryTable held, TableName to) {
      List<DeclaredColumn> columns = new ArrayList<>();
      held.columns.forEach(
          (name, origins) -> {
            if (!name.equals(OutputColumn.STAR)) {
              columns.add(new DeclaredColumn(name, Optional.empty()));
            }
            for (Origin o : origins) {
              ColumnName into =
                  name.equals(OutputColumn.STAR) && o.column().name().equals(OutputColumn.STAR)
                      ? ColumnName.of(to, OutputColumn.STAR)
                      : ColumnName.of(to, name);
              pairs.add(new ColumnLineage(o.column(), into, o.kind()));
            }
          });
      sources.addAll(held.sources);
      indirect.addAll(held.indirect);
      target = Optional.of(to);
      changes.add(new TableChange.Created(to, columns, false));
    }

    private void swap(TableChange.Swapped s) {
      TableName a = s.table();
      TableName b = s.other();
      boolean aTemporary = isTemporary(a);
      boolean bTemporary = isTemporary(b);
      if (!aTemporary && !bTemporary) {
        changes.add(s);
        return;
      }
      TemporaryTable heldA = temporary.remove(a);
      TemporaryTable heldB = temporary.remove(b);
      if (aTemporary && bTemporary) {
        putOrDrop(a, heldB);
        putOrDrop(b, heldA);
        target = Optional.empty();
        return;
      }
      TableName scratch = aTemporary ? a : b;
      TableName lasting = aTemporary ? b : a;
      TemporaryTable held = aTemporary ? heldA : heldB;
      start(scratch, TemporaryTable.copyOf(lasting));
      if (held == null) {
        unresolved(scratch);
        target = Optional.empty();
        return;
      }
      materialize(held, lasting);
    }

    private void putOrDrop(TableName table, TemporaryTable held) {
      if (held == null) {
        dropped.add(table);
      } else {
        start(table, held);
      }
    }
  }

  private static LineageKind combined(LineageKind first, LineageKind then) {
    return first == LineageKind.DIRECT && then == LineageKind.DIRECT
        ? LineageKind.DIRECT
        : LineageKind.DERIVED;
  }
}
