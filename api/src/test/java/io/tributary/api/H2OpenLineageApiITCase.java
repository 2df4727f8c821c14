package io.tributary.api;

import io.tributary.connectors.store.TestDatabase;

class H2OpenLineageApiITCase extends OpenLineageApiITCase {
  @Override
  protected TestDatabase newDatabase() {
    return TestDatabase.h2();
  }
}
