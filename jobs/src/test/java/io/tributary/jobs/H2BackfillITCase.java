package io.tributary.jobs;

import io.tributary.connectors.store.TestDatabase;

class H2BackfillITCase extends BackfillITCase {
  @Override
  TestDatabase newDatabase() {
    return TestDatabase.h2();
  }
}
