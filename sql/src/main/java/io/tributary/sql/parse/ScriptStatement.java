package io.tributary.sql.parse;

import io.tributary.sql.model.AnalysisError;
import java.util.OptionalInt;

/**
 * One statement of a script, as the splitter cut it.
 *
 * @param index 0-based position among the script's statements
 * @param sql the statement's text, without the separating semicolon and surrounding comments
 * @param offset where the statement starts in the script
 * @param line 1-based line of the statement's first character in the script
 * @param column 1-based column of the statement's first character in the script
 * @param nestingDepth the deepest nesting of parentheses and CASE expressions, counted while
 *     splitting so that absurd nesting is refused before the parser recurses into it
 */
public record ScriptStatement(
    int index, String sql, int offset, int line, int column, int nestingDepth) {

  /** An error whose position is relative to this statement, moved to the script's coordinates. */
  public AnalysisError inScript(AnalysisError error) {
    if (error.line().isEmpty() || error.column().isEmpty()) {
      return error;
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
