package io.tributary.api;

import io.tributary.connectors.store.TestDatabase;

class H2LineageOverTimeApiITCase extends LineageOverTimeApiITCase {
  @Override
  protected TestDatabase newDatabase() {
    return TestDatabase.h2();
  }
}
