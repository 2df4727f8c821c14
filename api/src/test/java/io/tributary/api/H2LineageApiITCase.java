package io.tributary.api;

import io.tributary.connectors.store.TestDatabase;

class H2LineageApiITCase extends LineageApiITCase {
  @Override
  protected TestDatabase newDatabase() {
    return TestDatabase.h2();
  }
}
