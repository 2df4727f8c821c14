package io.tributary.connectors.sink;

/** What the store already holds for a relationship. */
public enum EdgeStatus {
  /** Nothing: writing it creates the edge. */
  NEW,
  /** A derived edge: writing it refreshes last_seen. */
  EXISTING,
  /** A manual edge: writing it refreshes last_seen and nothing else. */
  MANUAL,
  /** A user deleted it: it is not written again. */
  FORBIDDEN
}
