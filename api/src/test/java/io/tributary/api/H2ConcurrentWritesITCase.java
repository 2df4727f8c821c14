package io.tributary.api;

import io.tributary.connectors.store.TestDatabase;

class H2ConcurrentWritesITCase extends ConcurrentWritesITCase {
  @Override
  protected TestDatabase newDatabase() {
    return TestDatabase.h2();
  }
}
