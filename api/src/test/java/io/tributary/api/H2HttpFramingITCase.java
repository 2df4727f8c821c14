package io.tributary.api;

import io.tributary.connectors.store.TestDatabase;

class H2HttpFramingITCase extends HttpFramingITCase {
  @Override
  protected TestDatabase newDatabase() {
    return TestDatabase.h2();
  }
}
