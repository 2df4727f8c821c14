package io.tributary.sql.resolve;

/** What kind of query a {@link Scope} belongs to. */
public enum ScopeKind {
  /** The statement's own query. */
  ROOT,
  /** A subquery in an expression: SELECT list, WHERE, HAVING... (may be correlated). */
  SUBQUERY,
  /** A query in FROM or JOIN, or a LATERAL one. */
  DERIVED_TABLE,
  /** The body of a WITH item. */
  CTE,
  /** One branch of UNION / INTERSECT / EXCEPT. */
  UNION_BRANCH,
  /** What an INSERT's ON CONFLICT DO UPDATE / ON DUPLICATE KEY UPDATE reads. */
  CONFLICT_ACTION
}
