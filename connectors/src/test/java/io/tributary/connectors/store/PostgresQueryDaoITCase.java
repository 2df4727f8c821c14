package io.tributary.connectors.store;

class PostgresQueryDaoITCase extends QueryDaoITCase {
  @Override
  protected TestDatabase newDatabase() {
    return TestDatabase.postgres();
  }
}
