package io.tributary.api.service;

import io.tributary.api.exceptions.NotFoundException;
import io.tributary.connectors.store.LineageStore;
import io.tributary.connectors.store.Page;
import io.tributary.connectors.store.Resource;
import io.tributary.connectors.store.ResourceFilter;
import java.util.UUID;

/** Tables, views and columns, so users can find the ids lineage refers to. */
public final class ResourceService {

  private final LineageStore store;
  private final int pageSize;

  public ResourceService(LineageStore store, int pageSize) {
    this.store = store;
    this.pageSize = pageSize;
  }

  public Page<Resource> list(ResourceFilter filter, int page) {
    return store.resources().list(filter, page, pageSize);
  }

  public Resource get(UUID id) {
    return store
        .resources()
        .find(id)
        .orElseThrow(() -> new NotFoundException("Resource " + id + " does not exist"));
  }
}
