package io.tributary.api.service;

import io.tributary.connectors.store.TestDatabase;

class H2CatalogCacheITCase extends CatalogCacheITCase {
  @Override
  protected TestDatabase newDatabase() {
    return TestDatabase.h2();
  }
}
