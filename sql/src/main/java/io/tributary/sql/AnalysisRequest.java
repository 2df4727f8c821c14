package io.tributary.sql;

import io.tributary.sql.catalog.Catalog;
import io.tributary.sql.dialect.Dialect;
import java.util.Objects;
import java.util.Optional;

/**
 * What to analyze: SQL text (one statement or a script), its dialect, the session's defaults for
 * unqualified table names, and the catalog.
 */
public record AnalysisRequest(
    String sql,
    Dialect dialect,
    Optional<String> defaultDatabase,
    Optional<String> defaultSchema,
    Catalog catalog) {

  public AnalysisRequest {
    Objects.requireNonNull(sql, "sql");
    Objects.requireNonNull(dialect, "dialect");
    defaultDatabase = defaultDatabase.filter(s -> !s.isBlank());
    defaultSchema = defaultSchema.filter(s -> !s.isBlank());
    Objects.requireNonNull(catalog, "catalog");
  }

  public static AnalysisRequest of(String sql, Dialect dialect) {
    return new AnalysisRequest(sql, dialect, Optional.empty(), Optional.empty(), Catalog.empty());
  }

  public AnalysisRequest withDefaults(String database, String schema) {
    return new AnalysisRequest(
        sql, dialect, Optional.ofNullable(database), Optional.ofNullable(schema), catalog);
  }

  public AnalysisRequest withCatalog(Catalog newCatalog) {
    return new AnalysisRequest(sql, dialect, defaultDatabase, defaultSchema, newCatalog);
  }
}
