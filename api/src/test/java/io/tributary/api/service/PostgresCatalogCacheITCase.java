package io.tributary.api.service;

import io.tributary.connectors.store.TestDatabase;

class PostgresCatalogCacheITCase extends CatalogCacheITCase {
  @Override
  protected TestDatabase newDatabase() {
    return TestDatabase.postgres();
  }
}
