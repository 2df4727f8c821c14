package io.tributary.jobs.pipeline;

import io.tributary.sql.catalog.Catalog;
import java.io.Serializable;

/** Opens the catalog the analyzer uses, once per parallel task. */
@FunctionalInterface
public interface CatalogFactory extends Serializable {

  Catalog open() throws Exception;

  /** No catalog: {@code *} stays unexpanded and INSERTs without a column list map by name. */
  static CatalogFactory none() {
    return Catalog::empty;
  }
}
