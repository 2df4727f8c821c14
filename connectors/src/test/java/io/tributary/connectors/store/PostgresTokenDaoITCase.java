package io.tributary.connectors.store;

class PostgresTokenDaoITCase extends TokenDaoITCase {
  @Override
  protected TestDatabase newDatabase() {
    return TestDatabase.postgres();
  }
}
