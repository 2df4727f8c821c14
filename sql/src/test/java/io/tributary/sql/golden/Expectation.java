package io.tributary.sql.golden;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What one statement of a fixture must produce. Absent optionals are not checked; column pairs are
 * always compared exactly (a block without pair lines expects none).
 *
 * @param kind the statement kind ({@code SELECT}, {@code INSERT}, {@code UTILITY}...)
 * @param sources source tables in order of first appearance
 * @param target the target table's qualified name, or {@code none}
 * @param columns the column pairs, compared as a set
 * @param indirect filter/join/group columns, compared as a set when given
 * @param warnings substrings that must each occur in some warning
 * @param noWarnings whether the statement must have no warning at all
 * @param error the expected error, for a failed statement
 * @param parts expected placement of table name parts (database, schema)
 * @param dialectError a substring of the message of the unknown-dialect exception, for cases whose
 *     dialect name must be rejected before analysis
 * @param changes the table changes in order, each as {@link TableChanges#render} writes it; not
 *     checked when absent
 */
public record Expectation(
    Optional<String> kind,
    Optional<List<String>> sources,
    Optional<String> target,
    Set<Pair> columns,
    Optional<Set<String>> indirect,
    List<String> warnings,
    boolean noWarnings,
    Optional<ExpectedError> error,
    List<Parts> parts,
    Optional<String> dialectError,
    Optional<List<String>> changes) {

  /** A column pair: {@code from -> to kind}, columns written as {@code qualified.table.column}. */
  public record Pair(String from, String to, String kind) {
    @Override
    public String toString() {
      return from + " -> " + to + " " + kind;
    }
  }

  /**
   * An expected error: its kind, optionally where it is and a substring of its message.
   *
   * @param line 1-based line, when the fixture states it
   * @param column 1-based column, when the fixture states it
   */
  public record ExpectedError(
      String kind, Optional<Integer> line, Optional<Integer> column, Optional<String> message) {}

  /**
   * How a table's qualified name splits into parts; {@code database}/{@code schema} empty means the
   * part must be absent.
   */
  public record Parts(String qualified, Optional<String> database, Optional<String> schema) {}
}
