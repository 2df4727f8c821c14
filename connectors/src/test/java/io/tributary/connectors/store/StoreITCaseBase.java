package io.tributary.connectors.store;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * The base of the store's ITCases: one fresh database and one open store per test class. A subclass
 * per database says which.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class StoreITCaseBase {

  protected TestDatabase database;
  protected LineageStore store;

  /** A new empty database; the base class closes (drops) it. */
  protected abstract TestDatabase newDatabase();

  @BeforeAll
  void openStore() {
    database = newDatabase();
    store = LineageStore.open(database.jdbcUrl(), 4);
  }

  @AfterAll
  void closeStore() {
    if (store != null) {
      store.close();
    }
    if (database != null) {
      database.close();
    }
  }
}
