package io.tributary.sql.parse;

import io.tributary.sql.model.AnalysisError;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;

/**
 * Edits to a statement's text before it is parsed, and the way back from a position in the edited
 * text to the statement as written, so that parse errors point at what the user wrote.
 */
final class TextEdits {

  /** Characters {@code [start, end)} of the original text become {@code replacement}. */
  record Edit(int start, int end, String replacement) {}

  private final String original;
  private final List<Edit> edits = new ArrayList<>();

  TextEdits(String original) {
    this.original = original;
  }

  void replace(int start, int end, String replacement) {
    edits.add(new Edit(start, end, replacement));
  }

  void insert(int at, String text) {
    replace(at, at, text);
  }

  /** Blanks {@code [start, end)} out, keeping line breaks so that lines keep their numbers. */
  void blank(int start, int end) {
    StringBuilder spaces = new StringBuilder(end - start);
    for (int i = start; i < end; i++) {
      spaces.append(original.charAt(i) == '\n' ? '\n' : ' ');
    }
    replace(start, end, spaces.toString());
  }

  /** The edited text; an edit overlapping an earlier one is dropped. */
  Rewrite apply() {
    if (edits.isEmpty()) {
      return Rewrite.none(original);
    }
    edits.sort(Comparator.comparingInt(Edit::start).thenComparingInt(Edit::end));
    StringBuilder out = new StringBuilder(original.length() + 16);
    List<Edit> applied = new ArrayList<>(edits.size());
    int copied = 0;
    for (Edit edit : edits) {
      if (edit.start() < copied) {
        continue;
      }
      out.append(original, copied, edit.start()).append(edit.replacement());
      copied = edit.end();
      applied.add(edit);
    }
    out.append(original, copied, original.length());
    return new Rewrite(original, out.toString(), List.copyOf(applied));
  }

  /**
   * The text to parse and the edits that made it.
   *
   * @param original the statement as written
   * @param text the statement to parse
   * @param edits the applied edits, ascending and disjoint, in the original's offsets
   */
  record Rewrite(String original, String text, List<Edit> edits) {

    static Rewrite none(String sql) {
      return new Rewrite(sql, sql, List.of());
    }

    /** An offset in {@link #text()} as an offset in {@link #original()}. */
    int originalOffset(int offset) {
      int shift = 0;
      for (Edit edit : edits) {
        int editedStart = edit.start() + shift;
        if (offset < editedStart) {
          break;
        }
        if (offset < editedStart + edit.replacement().length()) {
          // inside an edit: keep the column when the edit kept the length, else its start
          return edit.replacement().length() == edit.end() - edit.start()
              ? edit.start() + (offset - editedStart)
              : edit.start();
        }
        shift += edit.replacement().length() - (edit.end() - edit.start());
      }
      return offset - shift;
    }

    /** An error positioned in {@link #text()}, moved back to the original statement. */
    AnalysisError toOriginal(AnalysisError error) {
      if (edits.isEmpty() || error.line().isEmpty() || error.column().isEmpty()) {
        return error;
      }
      int at = originalOffset(offsetOf(text, error.line().getAsInt(), error.column().getAsInt()));
      int line = 1;
      int column = 1;
      for (int i = 0; i < at && i < original.length(); i++) {
        if (original.charAt(i) == '\n') {
          line++;
          column = 1;
        } else {
          column++;
        }
      }
      return new AnalysisError(
          error.kind(), error.message(), OptionalInt.of(line), OptionalInt.of(column));
    }

    private static int offsetOf(String text, int line, int column) {
      int offset = 0;
      for (int l = 1; l < line && offset < text.length(); offset++) {
        if (text.charAt(offset) == '\n') {
          l++;
        }
      }
      return offset + column - 1;
    }
  }
}
