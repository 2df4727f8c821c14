package io.tributary.connectors.store;

class H2StoreStatsITCase extends StoreStatsITCase {
  @Override
  protected TestDatabase newDatabase() {
    return TestDatabase.h2();
  }
}
