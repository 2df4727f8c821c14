package io.tributary.connectors.store;

class H2ResourceDaoITCase extends ResourceDaoITCase {
  @Override
  protected TestDatabase newDatabase() {
    return TestDatabase.h2();
  }
}
