package io.tributary.api.exceptions;

/** 404: the {@code table_id} of a lineage-from-query request names no table. */
public final class TableNotFoundException extends ApiException {
  public TableNotFoundException() {
    super(404, "Provided table ID does not exist");
  }
}
