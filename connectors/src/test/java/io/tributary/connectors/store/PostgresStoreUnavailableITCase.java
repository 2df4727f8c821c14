package io.tributary.connectors.store;

class PostgresStoreUnavailableITCase extends StoreUnavailableITCase {
  @Override
  protected TestDatabase newDatabase() {
    return TestDatabase.postgres();
  }
}
