package io.tributary.sql.catalog;

import io.tributary.sql.model.TableName;
import java.util.Optional;

/**
 * What the analyzer may know about tables: their columns, to expand {@code *}, to place unqualified
 * columns and to map an INSERT without a column list onto the target's columns.
 */
public interface Catalog {

  /**
   * Looks a table up by the name the analyzer resolved (already qualified with the defaults and
   * case-folded by the dialect). A partially qualified name matches a catalog table whose given
   * parts are equal, when exactly one does.
   */
  Optional<CatalogTable> table(TableName name);

  /** This catalog, and where it does not know a table, the other one. */
  default Catalog orElse(Catalog other) {
    return name -> {
      Optional<CatalogTable> found = table(name);
      return found.isPresent() ? found : other.table(name);
    };
  }

  /** A catalog that knows no table. */
  static Catalog empty() {
    return name -> Optional.empty();
  }
}
