package io.tributary.api;

import io.tributary.connectors.store.TestDatabase;

class PostgresHttpFramingITCase extends HttpFramingITCase {
  @Override
  protected TestDatabase newDatabase() {
    return TestDatabase.postgres();
  }
}
