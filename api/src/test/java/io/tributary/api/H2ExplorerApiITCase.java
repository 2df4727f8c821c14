package io.tributary.api;

import io.tributary.connectors.store.TestDatabase;

class H2ExplorerApiITCase extends ExplorerApiITCase {
  @Override
  protected TestDatabase newDatabase() {
    return TestDatabase.h2();
  }
}
