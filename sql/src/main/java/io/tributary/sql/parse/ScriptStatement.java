package io.tributary.sql.parse;

import io.tributary.sql.model.AnalysisError;
import io.tributary.sql.model.Warning;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One statement of a script, as the splitter cut it or as {@link BlockWalker} found it inside a
 * procedure or block.
 *
 * @param index 0-based position among the script's statements
 * @param sql the statement's text, without the separating semicolon and surrounding comments
 * @param offset where the statement starts in the script
 * @param line 1-based line of the statement's first character in the script
 * @param column 1-based column of the statement's first character in the script
 * @param nestingDepth the deepest nesting of parentheses and CASE expressions, counted while
 *     splitting so that absurd nesting is refused before the parser recurses into it
 * @param parseText what the parser reads: {@code sql} itself, or {@code sql} with procedural parts
 *     blanked out ({@code SELECT a INTO v FROM t} in a block reads {@code t} into a variable),
 *     always with the same lines and columns
 * @param role whether the statement is parsed, or is a procedural step with no lineage
 * @param knownError an error found before parsing (a truncated text, dynamic SQL), with its
 *     position relative to the statement
 * @param warnings where the rows come from when no table gives them (a procedure, files): {@code
 *     parseText} then holds a placeholder query, and these are the statement's warnings
 */
public record ScriptStatement(
    int index,
    String sql,
    int offset,
    int line,
    int column,
    int nestingDepth,
    String parseText,
    Role role,
    Optional<AnalysisError> knownError,
    List<Warning> warnings) {

  /** What the analyzer does with a statement. */
  public enum Role {
    /** A statement to recognize, parse and analyze. */
    STATEMENT,
    /**
     * A procedural step of a block (an assignment, RAISE, RETURN, a procedure call...): no lineage.
     */
    PROCEDURAL
  }

  public ScriptStatement {
    Objects.requireNonNull(sql, "sql");
    Objects.requireNonNull(parseText, "parseText");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(knownError, "knownError");
    warnings = List.copyOf(warnings);
  }

  /** A statement to parse as written. */
  public ScriptStatement(
      int index, String sql, int offset, int line, int column, int nestingDepth) {
    this(
        index,
        sql,
        offset,
        line,
        column,
        nestingDepth,
        sql,
        Role.STATEMENT,
        Optional.empty(),
        List.of());
  }

  ScriptStatement withIndex(int newIndex) {
    return new ScriptStatement(
        newIndex, sql, offset, line, column, nestingDepth, parseText, role, knownError, warnings);
  }

  ScriptStatement withParseText(String text) {
    return new ScriptStatement(
        index, sql, offset, line, column, nestingDepth, text, role, knownError, warnings);
  }

  ScriptStatement withRole(Role newRole) {
    return new ScriptStatement(
        index, sql, offset, line, column, nestingDepth, parseText, newRole, knownError, warnings);
  }

  ScriptStatement withKnownError(AnalysisError error) {
    return new ScriptStatement(
        index,
        sql,
        offset,
        line,
        column,
        nestingDepth,
        parseText,
        role,
        Optional.of(error),
        warnings);
  }

  ScriptStatement withWarning(Warning warning) {
    List<Warning> more = new java.util.ArrayList<>(warnings);
    more.add(warning);
    return new ScriptStatement(
        index, sql, offset, line, column, nestingDepth, parseText, role, knownError, more);
  }

  /**
   * An error whose position is relative to this statement, moved to the script's coordinates; for
   * an expanded statement, whose parse text is written anew, the statement's own position.
   */
  public AnalysisError inScript(AnalysisError error) {
    if (error.line().isEmpty() || error.column().isEmpty()) {
      return error;
    }
    if (parseText.length() != sql.length()) {
      // an expanded statement's text is written anew: its positions are not the script's
      return new AnalysisError(
          error.kind(),
          error.message() + " (in the statement as restated: " + parseText + ")",
          OptionalInt.of(line),
          OptionalInt.of(column));
    }
    int l = error.line().getAsInt();
    int c = error.column().getAsInt();
    return new AnalysisError(
        error.kind(),
        error.message(),
        OptionalInt.of(line + l - 1),
        OptionalInt.of(l == 1 ? column + c - 1 : c));
  }
}
