package io.tributary.sql.model;

/** What a statement does, as far as lineage is concerned. */
public enum StatementKind {
  SELECT,
  SELECT_INTO,
  INSERT,
  INSERT_OVERWRITE,
  CREATE_TABLE_AS,
  CREATE_VIEW,
  CREATE_MATERIALIZED_VIEW,
  MERGE,
  UPDATE,
  DELETE,
  /** A statement without lineage: transaction control, SET, SHOW, USE, GRANT, plain DDL... */
  UTILITY,
  /** A statement that could not be analyzed; its {@link AnalysisError} says why. */
  FAILED
}
