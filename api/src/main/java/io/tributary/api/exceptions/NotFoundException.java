package io.tributary.api.exceptions;

/** 404: no lineage edge or resource has this id. */
public final class NotFoundException extends ApiException {
  public NotFoundException(String message) {
    super(404, message);
  }
}
