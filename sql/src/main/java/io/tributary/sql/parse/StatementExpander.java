package io.tributary.sql.parse;

import io.tributary.sql.dialect.Dialect;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Statements that write more than one table, or move rows in a way the parser does not read, each
 * restated as the statements with the same lineage: Oracle's multitable INSERT ({@link
 * MultiTableInserts}), T-SQL's {@code OUTPUT .. INTO} ({@link OutputClauses}), and the commands
 * that load, unload or append rows ({@link RowMovingCommands}). Each expanded statement keeps the
 * written text and its place; only what the parser reads changes.
 */
public final class StatementExpander {

  /** One form: the statements it stands for, or empty when the statement is not of the form. */
  interface Expansion {
    Optional<List<ScriptStatement>> expand(ScriptStatement statement, Tokens tokens);
  }

  /** {@code INSERT [/*+ hint *\/] ALL | FIRST}. */
  private static final Pattern MULTITABLE =
      Pattern.compile("INSERT\\s+(/\\*.*?\\*/\\s*)?(ALL|FIRST)\\b", Pattern.DOTALL);

  private final Dialect dialect;
  private final List<Expansion> expansions;

  public StatementExpander(Dialect dialect) {
    this.dialect = dialect;
    this.expansions =
        dialect.name().equals("tsql")
            ? List.of(new OutputClauses(), new RowMovingCommands())
            : List.of(new MultiTableInserts(), new RowMovingCommands());
  }

  /** The statements with each expanded form replaced by its statements, numbered anew. */
  public List<ScriptStatement> expand(List<ScriptStatement> statements) {
    List<ScriptStatement> out = new ArrayList<>(statements.size());
    boolean changed = false;
    for (ScriptStatement statement : statements) {
      Optional<List<ScriptStatement>> expanded = expandOne(statement);
      if (expanded.isPresent()) {
        out.addAll(expanded.get());
        changed = true;
      } else {
        out.add(statement);
      }
    }
    if (changed) {
      for (int i = 0; i < out.size(); i++) {
        out.set(i, out.get(i).withIndex(i));
      }
    }
    return out;
  }

  private Optional<List<ScriptStatement>> expandOne(ScriptStatement statement) {
    if (statement.knownError().isPresent()
        || statement.role() != ScriptStatement.Role.STATEMENT
        || !mayExpand(statement.parseText())) {
      return Optional.empty();
    }
    Tokens tokens = new Tokens(statement.parseText(), dialect);
    for (Expansion expansion : expansions) {
      Optional<List<ScriptStatement>> expanded = expansion.expand(statement, tokens);
      if (expanded.isPresent()) {
        return expanded;
      }
    }
    return Optional.empty();
  }

  /**
   * Cheap test on the first word and a word the form needs, so that other statements are not lexed
   * once more.
   */
  private boolean mayExpand(String sql) {
    int i = 0;
    while (i < sql.length() && !Character.isLetter(sql.charAt(i))) {
      i++;
    }
    String first = sql.substring(i, Math.min(sql.length(), i + 6)).toUpperCase(Locale.ROOT);
    boolean tsql = dialect.name().equals("tsql");
    if (first.startsWith("INSERT")) {
      String upper = sql.toUpperCase(Locale.ROOT);
      return upper.contains("EXEC")
          || (tsql
              ? upper.contains("OUTPUT")
              : MULTITABLE.matcher(upper).region(i, upper.length()).lookingAt());
    }
    if (first.startsWith("UPDATE") || first.startsWith("DELETE") || first.startsWith("MERGE")) {
      return tsql && sql.toUpperCase(Locale.ROOT).contains("OUTPUT");
    }
    if (first.startsWith("ALTER") || first.startsWith("CREATE")) {
      String upper = sql.toUpperCase(Locale.ROOT);
      return first.startsWith("ALTER") ? upper.contains("APPEND") : upper.contains("COPY");
    }
    return first.startsWith("COPY") || first.startsWith("LOAD") || first.startsWith("EXPORT");
  }

  /** The text of tokens {@code [from, to]} as written. */
  static String text(Tokens t, int from, int to) {
    return t.text().substring(t.start(from), t.end(to));
  }

  /** The last token of the dotted name that starts at {@code i}. */
  static int nameEnd(Tokens t, int i) {
    int end = i;
    while (t.isSymbol(end + 1, ".") && t.type(end + 2) != TokenType.END) {
      end += 2;
    }
    return end;
  }

  /** The text with {@code [from, to)} blanked, line breaks kept, so positions stay the same. */
  static String blank(String text, int from, int to) {
    char[] chars = text.toCharArray();
    for (int i = from; i < to; i++) {
      if (chars[i] != '\n') {
        chars[i] = ' ';
      }
    }
    return new String(chars);
  }
}
