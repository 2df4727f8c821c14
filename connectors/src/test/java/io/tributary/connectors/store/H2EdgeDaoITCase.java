package io.tributary.connectors.store;

class H2EdgeDaoITCase extends EdgeDaoITCase {
  @Override
  protected TestDatabase newDatabase() {
    return TestDatabase.h2();
  }
}
