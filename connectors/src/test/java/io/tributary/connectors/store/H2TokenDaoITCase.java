package io.tributary.connectors.store;

class H2TokenDaoITCase extends TokenDaoITCase {
  @Override
  protected TestDatabase newDatabase() {
    return TestDatabase.h2();
  }
}
