package io.tributary.connectors.store;

class PostgresResourceDaoITCase extends ResourceDaoITCase {
  @Override
  protected TestDatabase newDatabase() {
    return TestDatabase.postgres();
  }
}
