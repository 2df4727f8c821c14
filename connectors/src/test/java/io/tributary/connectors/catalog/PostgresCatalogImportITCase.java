package io.tributary.connectors.catalog;

import io.tributary.connectors.store.TestDatabase;

class PostgresCatalogImportITCase extends CatalogImportITCase {
  @Override
  protected TestDatabase newDatabase() {
    return TestDatabase.postgres();
  }
}
