package io.tributary.connectors.store;

import java.util.List;

/**
 * One page of a listing.
 *
 * @param page 1-based page number
 * @param count how many items match in all pages
 */
public record Page<T>(List<T> results, long count, int page, int pageSize) {
  public Page {
    results = List.copyOf(results);
  }

  public int totalPages() {
    return (int) ((count + pageSize - 1) / pageSize);
  }

  public boolean hasNext() {
    return page < totalPages();
  }

  public boolean hasPrevious() {
    return page > 1;
  }
}
