package io.tributary.sql.parse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The statements {@link BlockWalker} finds, in order, and how a statement is cut out of the script
 * or blanked in part, keeping the script's lines and columns.
 */
final class BlockOutput {

  private final String script;
  private final List<ScriptStatement> statements = new ArrayList<>();
  private int[] lineStarts;

  BlockOutput(String script) {
    this.script = script;
  }

  String script() {
    return script;
  }

  void add(ScriptStatement statement) {
    statements.add(statement);
  }

  int size() {
    return statements.size();
  }

  /** Applies {@code change} to the statements from {@code from} on. */
  void changeFrom(int from, UnaryOperator<ScriptStatement> change) {
    for (int i = from; i < statements.size(); i++) {
      statements.set(i, change.apply(statements.get(i)));
    }
  }

  /** The statements, numbered anew in order. */
  List<ScriptStatement> numbered() {
    for (int i = 0; i < statements.size(); i++) {
      if (statements.get(i).index() != i) {
        statements.set(i, statements.get(i).withIndex(i));
      }
    }
    return statements;
  }

  /** A statement for {@code script[from, to)} inside {@code parent}. */
  ScriptStatement statementOf(ScriptStatement parent, int from, int to) {
    int[] position = position(from);
    return new ScriptStatement(
        parent.index(),
        script.substring(from, to),
        from,
        position[0],
        position[1],
        parent.nestingDepth());
  }

  /**
   * The statement's parse text with {@code [from, to)} (script offsets) replaced by {@code with}
   * padded with blanks to the same length; line breaks are kept so positions stay the same.
   */
  static String replace(ScriptStatement statement, int from, int to, String with) {
    char[] text = statement.parseText().toCharArray();
    int a = from - statement.offset();
    int b = to - statement.offset();
    for (int i = a; i < b; i++) {
      int w = i - a;
      text[i] = w < with.length() ? with.charAt(w) : text[i] == '\n' ? '\n' : ' ';
    }
    return new String(text);
  }

  private int[] position(int offset) {
    if (lineStarts == null) {
      List<Integer> starts = new ArrayList<>();
      starts.add(0);
      for (int i = 0; i < script.length(); i++) {
        if (script.charAt(i) == '\n') {
          starts.add(i + 1);
        }
      }
      lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
    }
    int l = Arrays.binarySearch(lineStarts, offset);
    if (l < 0) {
      l = -l - 2;
    }
    return new int[] {l + 1, offset - lineStarts[l] + 1};
  }
}
