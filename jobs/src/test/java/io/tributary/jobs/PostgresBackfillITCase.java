package io.tributary.jobs;

import io.tributary.connectors.store.TestDatabase;

class PostgresBackfillITCase extends BackfillITCase {
  @Override
  TestDatabase newDatabase() {
    return TestDatabase.postgres();
  }
}
