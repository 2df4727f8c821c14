package io.tributary.api;

import io.tributary.connectors.store.TestDatabase;

class PostgresHealthITCase extends HealthITCase {
  @Override
  protected TestDatabase newDatabase() {
    return TestDatabase.postgres();
  }
}
