package io.tributary.connectors.store;

class PostgresEdgeDaoITCase extends EdgeDaoITCase {
  @Override
  protected TestDatabase newDatabase() {
    return TestDatabase.postgres();
  }
}
