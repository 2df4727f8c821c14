package io.tributary.api.service;

import io.tributary.connectors.store.DeadLetter;
import io.tributary.connectors.store.LineageStore;
import io.tributary.connectors.store.Page;
import io.tributary.connectors.store.StoreStats;

/** What the store holds, and the statements it could not understand. */
public final class StoreStatusService {

  private final LineageStore store;
  private final int pageSize;

  public StoreStatusService(LineageStore store, int pageSize) {
    this.store = store;
    this.pageSize = pageSize;
  }

  public StoreStats stats() {
    return store.stats().read();
  }

  /** One page of the dead letters, newest first. */
  public Page<DeadLetter> deadLetters(int page) {
    return store.queries().deadLetterPage(page, pageSize);
  }
}
