package io.tributary.sql.resolve;

import io.tributary.sql.dialect.Dialect;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The names visible in one query: its sources by alias (tables or child scopes), the CTEs it
 * defines, the columns its USING / NATURAL joins merge, and a link to the enclosing scope that
 * correlated references fall back to.
 */
public final class Scope {

  /** A column a USING or NATURAL join merges: one name, read from every joined source. */
  public record MergedColumn(String name, List<Source> sources) {
    public MergedColumn {
      sources = List.copyOf(sources);
    }
  }

  /** A WITH item: its name, the scope its query was resolved in, and that query's outputs. */
  public record Cte(String name, Scope scope, QueryOutput output) {}

  private final ScopeKind kind;
  private final Scope parent;
  private final Dialect dialect;
  private final List<Source> sources = new ArrayList<>(4);
  private List<Cte> ctes = List.of();
  private List<MergedColumn> merged = List.of();
  private List<OutputColumn> outputs = List.of();
  private Source preferred;
  private Source insertedRow;

  public Scope(ScopeKind kind, Scope parent, Dialect dialect) {
    this.kind = Objects.requireNonNull(kind, "kind");
    this.parent = parent;
    this.dialect = Objects.requireNonNull(dialect, "dialect");
  }

  public static Scope root(Dialect dialect) {
    return new Scope(ScopeKind.ROOT, null, dialect);
  }

  /** A scope nested in this one. */
  public Scope child(ScopeKind childKind) {
    return new Scope(childKind, this, dialect);
  }

  public ScopeKind kind() {
    return kind;
  }

  public Optional<Scope> parent() {
    return Optional.ofNullable(parent);
  }

  public Dialect dialect() {
    return dialect;
  }

  public void add(Source source) {
    sources.add(source);
  }

  public List<Source> sources() {
    return Collections.unmodifiableList(sources);
  }

  /** The source of this scope (not its parents) an alias names. */
  public Optional<Source> source(String alias) {
    // The last one wins, as a later join with the same alias would shadow the earlier.
    for (int i = sources.size() - 1; i >= 0; i--) {
      Source s = sources.get(i);
      if (s.alias() != null && dialect.sameIdentifier(s.alias(), alias)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  /** Defines a WITH item; a later definition of the same name replaces the earlier. */
  public void defineCte(Cte cte) {
    if (ctes.isEmpty()) {
      ctes = new ArrayList<>(2);
    }
    ctes.removeIf(c -> dialect.sameIdentifier(c.name(), cte.name()));
    ctes.add(cte);
  }

  /** The CTE a one-part table name means here or in an enclosing scope, if any. */
  public Optional<Cte> cte(String name) {
    for (Scope s = this; s != null; s = s.parent) {
      for (Cte c : s.ctes) {
        if (dialect.sameIdentifier(c.name(), name)) {
          return Optional.of(c);
        }
      }
    }
    return Optional.empty();
  }

  public void merge(MergedColumn column) {
    if (merged.isEmpty()) {
      merged = new ArrayList<>(2);
    }
    merged.add(column);
  }

  public Optional<MergedColumn> merged(String name) {
    for (MergedColumn m : merged) {
      if (dialect.sameIdentifier(m.name(), name)) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }

  public List<MergedColumn> mergedColumns() {
    return Collections.unmodifiableList(merged);
  }

  /**
   * The SELECT list's outputs so far, which GROUP BY, HAVING, QUALIFY, ORDER BY and later SELECT
   * items may name by alias. The list is read live, not copied.
   */
  public void outputs(List<OutputColumn> selectOutputs) {
    this.outputs = selectOutputs;
  }

  public Optional<OutputColumn> output(String name) {
    for (OutputColumn c : outputs) {
      if (!c.isStar() && dialect.sameIdentifier(c.name(), name)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /** The source an unplaceable unqualified column falls to (an UPDATE's target). */
  public void prefer(Source source) {
    this.preferred = source;
  }

  public Optional<Source> preferred() {
    return Optional.ofNullable(preferred);
  }

  /** The row an INSERT's conflict action reads as MySQL's {@code VALUES(c)}. */
  public void insertedRow(Source row) {
    this.insertedRow = row;
  }

  /** The inserted row of this scope or an enclosing one, if this is inside a conflict action. */
  public Optional<Source> insertedRow() {
    for (Scope s = this; s != null; s = s.parent) {
      if (s.insertedRow != null) {
        return Optional.of(s.insertedRow);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    List<String> aliases = new ArrayList<>();
    for (Source s : sources) {
      aliases.add(s.alias());
    }
    return kind + aliases.toString();
  }
}
