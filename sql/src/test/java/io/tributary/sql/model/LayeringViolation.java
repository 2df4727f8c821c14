package io.tributary.sql.model;

import io.tributary.sql.resolve.Scope;

/** A model class reaching up into resolve: what {@code PackageLayersTest} must reject. */
public final class LayeringViolation {
  Scope scope;
}
