package io.tributary.api;

import io.tributary.connectors.store.TestDatabase;

class PostgresOpenLineageApiITCase extends OpenLineageApiITCase {
  @Override
  protected TestDatabase newDatabase() {
    return TestDatabase.postgres();
  }
}
