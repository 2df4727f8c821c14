package io.tributary.api.service;

import io.tributary.api.exceptions.NotFoundException;
import io.tributary.connectors.store.LineageStore;
import io.tributary.connectors.store.LineageView;
import io.tributary.connectors.store.Page;
import io.tributary.connectors.store.Resource;
import io.tributary.connectors.store.ResourceFilter;
import io.tributary.connectors.store.ResourceUsage;
import java.util.UUID;

/** Tables, views and columns, so users can find the ids lineage refers to. */
public final class ResourceService {

  private final LineageStore store;
  private final int pageSize;

  public ResourceService(LineageStore store, int pageSize) {
    this.store = store;
    this.pageSize = pageSize;
  }

  /** The resources {@code view} sees: by default those that exist now. */
  public Page<Resource> list(ResourceFilter filter, LineageView view, int page) {
    return store.resources().list(filter, view, page, pageSize);
  }

  /** How a resource is used: its queries, their executions and users; 404 when unknown. */
  public ResourceUsage usage(UUID id, int top) {
    get(id);
    return store.usage().usage(id, top);
  }

  public Resource get(UUID id) {
    return store
        .resources()
        .find(id)
        .orElseThrow(() -> new NotFoundException("Resource " + id + " does not exist"));
  }
}
