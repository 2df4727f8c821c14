package io.tributary.api;

import io.tributary.connectors.store.TestDatabase;

class PostgresConcurrentWritesITCase extends ConcurrentWritesITCase {
  @Override
  protected TestDatabase newDatabase() {
    return TestDatabase.postgres();
  }
}
