package io.tributary.sql.catalog;

import io.tributary.sql.dialect.Dialect;
import io.tributary.sql.model.TableName;
import java.util.List;
import java.util.Optional;

/** A catalog held in memory (placeholder: matches exact names only). */
public final class InMemoryCatalog implements Catalog {
  private final List<CatalogTable> tables;

  private InMemoryCatalog(List<CatalogTable> tables) {
    this.tables = List.copyOf(tables);
  }

  public static InMemoryCatalog of(List<CatalogTable> tables, Dialect dialect) {
    return new InMemoryCatalog(tables);
  }

  @Override
  public Optional<CatalogTable> table(TableName name) {
    return tables.stream().filter(t -> t.name().equals(name)).findFirst();
  }
}
