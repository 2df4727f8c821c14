package io.tributary.api.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connectors.store.DiscoveredResources;
import io.tributary.connectors.store.StoreITCaseBase;
import io.tributary.sql.model.TableName;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The API's catalog cache sees resources written by other processes, without blocking a read. */
public abstract class CatalogCacheITCase extends StoreITCaseBase {

  @Test
  void reloadsInTheBackgroundWhenTheStoreChangedAndAtOnceAfterInvalidate() throws Exception {
    try (CatalogCache cache = new CatalogCache(store, Duration.ofMillis(50))) {
      cache.warm();
      TableName first = TableName.of("db", "s", "first");
      assertThat(cache.get().resolve(first)).isEmpty();

      DiscoveredResources.register(store, first, "a");
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (cache.get().resolve(first).isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(cache.get().resolve(first)).isPresent();

      TableName second = TableName.of("db", "s", "second");
      DiscoveredResources.register(store, second);
      cache.invalidate();
      assertThat(cache.get().resolve(second)).isPresent();
    }
  }
}
