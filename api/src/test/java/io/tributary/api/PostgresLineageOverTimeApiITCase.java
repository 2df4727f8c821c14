package io.tributary.api;

import io.tributary.connectors.store.TestDatabase;

class PostgresLineageOverTimeApiITCase extends LineageOverTimeApiITCase {
  @Override
  protected TestDatabase newDatabase() {
    return TestDatabase.postgres();
  }
}
