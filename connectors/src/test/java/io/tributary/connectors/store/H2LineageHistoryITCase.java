package io.tributary.connectors.store;

class H2LineageHistoryITCase extends LineageHistoryITCase {
  @Override
  protected TestDatabase newDatabase() {
    return TestDatabase.h2();
  }
}
