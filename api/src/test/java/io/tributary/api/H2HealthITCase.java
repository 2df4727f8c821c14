package io.tributary.api;

import io.tributary.connectors.store.TestDatabase;

class H2HealthITCase extends HealthITCase {
  @Override
  protected TestDatabase newDatabase() {
    return TestDatabase.h2();
  }
}
