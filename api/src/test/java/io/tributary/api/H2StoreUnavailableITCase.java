package io.tributary.api;

import io.tributary.connectors.store.TestDatabase;

class H2StoreUnavailableITCase extends StoreUnavailableITCase {
  @Override
  protected TestDatabase newDatabase() {
    return TestDatabase.h2();
  }
}
