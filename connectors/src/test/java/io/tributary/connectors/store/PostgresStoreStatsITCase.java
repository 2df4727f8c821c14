package io.tributary.connectors.store;

class PostgresStoreStatsITCase extends StoreStatsITCase {
  @Override
  protected TestDatabase newDatabase() {
    return TestDatabase.postgres();
  }
}
