package io.tributary.connectors.catalog;

import io.tributary.connectors.store.TestDatabase;

class H2CatalogImportITCase extends CatalogImportITCase {
  @Override
  protected TestDatabase newDatabase() {
    return TestDatabase.h2();
  }
}
