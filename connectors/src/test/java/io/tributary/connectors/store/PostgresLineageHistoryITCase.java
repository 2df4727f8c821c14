package io.tributary.connectors.store;

class PostgresLineageHistoryITCase extends LineageHistoryITCase {
  @Override
  protected TestDatabase newDatabase() {
    return TestDatabase.postgres();
  }
}
