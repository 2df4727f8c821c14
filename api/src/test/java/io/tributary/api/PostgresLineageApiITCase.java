package io.tributary.api;

import io.tributary.connectors.store.TestDatabase;

class PostgresLineageApiITCase extends LineageApiITCase {
  @Override
  protected TestDatabase newDatabase() {
    return TestDatabase.postgres();
  }
}
