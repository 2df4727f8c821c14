package io.tributary.sql.golden;

import io.tributary.sql.catalog.CatalogTable;
import java.util.List;
import java.util.Optional;

/**
 * One fixture: the input of an analysis (SQL, dialect, defaults, catalog) and what each of its
 * statements must produce.
 *
 * @param file the fixture file the case comes from
 * @param line the 1-based line of the case's {@code ===} header
 * @param knownGap why the case is expected to fail for now; such cases are reported as skipped
 */
public record GoldenCase(
    String file,
    int line,
    String name,
    String dialect,
    Optional<String> defaultDatabase,
    Optional<String> defaultSchema,
    List<CatalogTable> catalog,
    String sql,
    List<Expectation> statements,
    Optional<String> knownGap) {

  public GoldenCase {
    catalog = List.copyOf(catalog);
    statements = List.copyOf(statements);
  }

  /** Where the case is, for failure messages: {@code joins.txt:12 join with alias}. */
  public String location() {
    return file + ":" + line + " " + name;
  }
}
