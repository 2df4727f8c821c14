package io.tributary.connectors.store;

/** Where an edge came from: a person ({@code manual}) or an analyzed query ({@code query}). */
public enum Provenance {
  MANUAL("manual"),
  QUERY("query");

  private final String dbName;

  Provenance(String dbName) {
    this.dbName = dbName;
  }

  public String dbName() {
    return dbName;
  }

  static Provenance ofDbName(String name) {
    return "manual".equals(name) ? MANUAL : QUERY;
  }
}
