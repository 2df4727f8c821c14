package io.tributary.api;

import io.tributary.connectors.store.TestDatabase;

class PostgresExplorerApiITCase extends ExplorerApiITCase {
  @Override
  protected TestDatabase newDatabase() {
    return TestDatabase.postgres();
  }
}
