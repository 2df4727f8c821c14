package io.tributary.connectors.store;

class H2QueryDaoITCase extends QueryDaoITCase {
  @Override
  protected TestDatabase newDatabase() {
    return TestDatabase.h2();
  }
}
