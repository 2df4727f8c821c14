package io.tributary.sql.catalog;

import io.tributary.sql.dialect.Dialect;
import io.tributary.sql.model.TableName;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A catalog held in memory, built once and then read by any number of threads.
 *
 * <p>Names are compared by the dialect's rule ({@link Dialect#sameIdentifier}); when no table
 * matches that way, a table whose parts are equal ignoring case still matches, so a catalog
 * exported in lower case serves a Snowflake statement folded to upper case. A looked-up name may
 * give fewer parts than the catalog's table (no database, no schema): it matches when exactly one
 * table agrees on the parts it gives.
 */
public final class InMemoryCatalog implements Catalog {

  private final Dialect dialect;
  private final Map<String, List<CatalogTable>> byName;

  private InMemoryCatalog(Dialect dialect, Map<String, List<CatalogTable>> byName) {
    this.dialect = dialect;
    this.byName = byName;
  }

  /** A catalog of these tables, matched by the dialect's identifier rules. */
  public static InMemoryCatalog of(List<CatalogTable> tables, Dialect dialect) {
    Builder builder = builder(dialect);
    tables.forEach(builder::table);
    return builder.build();
  }

  public static Builder builder(Dialect dialect) {
    return new Builder(dialect);
  }

  @Override
  public Optional<CatalogTable> table(TableName name) {
    List<CatalogTable> candidates = byName.get(key(name.name()));
    if (candidates == null) {
      return Optional.empty();
    }
    Optional<CatalogTable> strict = unique(candidates, name, true);
    return strict.isPresent() ? strict : unique(candidates, name, false);
  }

  private Optional<CatalogTable> unique(
      List<CatalogTable> candidates, TableName name, boolean strict) {
    CatalogTable found = null;
    for (CatalogTable candidate : candidates) {
      TableName c = candidate.name();
      if (same(c.name(), name.name(), strict)
          && samePart(c.schema(), name.schema(), strict)
          && samePart(c.database(), name.database(), strict)) {
        if (found != null) {
          return Optional.empty();
        }
        found = candidate;
      }
    }
    return Optional.ofNullable(found);
  }

  /** A part the looked-up name or the catalog table leaves out does not rule the table out. */
  private boolean samePart(Optional<String> catalogPart, Optional<String> wanted, boolean strict) {
    return catalogPart.isEmpty()
        || wanted.isEmpty()
        || same(catalogPart.get(), wanted.get(), strict);
  }

  private boolean same(String a, String b, boolean strict) {
    return strict ? dialect.sameIdentifier(a, b) : a.equalsIgnoreCase(b);
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  /** Collects tables; {@link #build()} freezes them. */
  public static final class Builder {
    private final Dialect dialect;
    private final Map<String, List<CatalogTable>> byName = new HashMap<>();

    private Builder(Dialect dialect) {
      this.dialect = Objects.requireNonNull(dialect, "dialect");
    }

    public Builder table(CatalogTable table) {
      byName.computeIfAbsent(key(table.name().name()), k -> new ArrayList<>()).add(table);
      return this;
    }

    public Builder table(TableName name, List<CatalogColumn> columns) {
      return table(new CatalogTable(name, columns));
    }

    /** A table whose columns have no known type. */
    public Builder table(TableName name, String... columns) {
      List<CatalogColumn> list = new ArrayList<>(columns.length);
      for (String c : columns) {
        list.add(CatalogColumn.of(c, null));
      }
      return table(name, list);
    }

    public InMemoryCatalog build() {
      Map<String, List<CatalogTable>> frozen = new HashMap<>();
      byName.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
      return new InMemoryCatalog(dialect, frozen);
    }
  }
}
