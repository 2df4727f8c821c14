package io.tributary.connectors.store;

class H2StoreUnavailableITCase extends StoreUnavailableITCase {
  @Override
  protected TestDatabase newDatabase() {
    return TestDatabase.h2();
  }
}
