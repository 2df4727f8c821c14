package io.tributary.sql.golden;

import io.tributary.sql.catalog.Catalog;
import io.tributary.sql.catalog.CatalogTable;
import io.tributary.sql.model.TableName;
import java.util.List;
import java.util.Optional;

/**
 * The catalog of a fixture: the tables it lists, looked up as {@link Catalog} promises (a partially
 * qualified name matches the one table whose given parts are equal). Names are compared exactly, or
 * ignoring case for dialects that keep unquoted names as written.
 */
public final class FixtureCatalog implements Catalog {

  private final List<CatalogTable> tables;
  private final boolean ignoreCase;

  public FixtureCatalog(List<CatalogTable> tables, boolean ignoreCase) {
    this.tables = List.copyOf(tables);
    this.ignoreCase = ignoreCase;
  }

  @Override
  public Optional<CatalogTable> table(TableName name) {
    List<CatalogTable> matches =
        tables.stream().filter(t -> matches(t.name(), name)).limit(2).toList();
    return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
  }

  private boolean matches(TableName known, TableName wanted) {
    return same(known.name(), wanted.name())
        && samePart(known.schema(), wanted.schema())
        && samePart(known.database(), wanted.database());
  }

  /** A part either side leaves out does not decide. */
  private boolean samePart(Optional<String> known, Optional<String> wanted) {
    return known.isEmpty() || wanted.isEmpty() || same(known.get(), wanted.get());
  }

  private boolean same(String a, String b) {
    return ignoreCase ? a.equalsIgnoreCase(b) : a.equals(b);
  }
}
