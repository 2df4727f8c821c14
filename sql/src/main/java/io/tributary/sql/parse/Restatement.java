package io.tributary.sql.parse;

import io.tributary.sql.dialect.Dialect;
import java.util.List;

/**
 * One way a dialect writes something JSqlParser reads only when written otherwise: a keyword used
 * as a name, a storage clause it does not know, a statement form of its own. Each restatement edits
 * the text so that the parser reads the same lineage; {@link #restate} applies them all before
 * parsing, and {@link TextEdits.Rewrite#toOriginal} maps parse errors back.
 */
interface Restatement {

  List<Restatement> ALL =
      List.of(
          new DashedTableNames(),
          new KeywordNames(),
          new TrailingCommas(),
          new SetOperationBranches(),
          new StorageClauses(),
          new TeradataForms(),
          new StatementForms());

  /** Adds this restatement's edits for the statement's tokens. */
  void edit(Tokens tokens, Dialect dialect, TextEdits edits);

  /** The statement as the parser reads it. */
  static TextEdits.Rewrite restate(String sql, Dialect dialect) {
    Tokens tokens = new Tokens(sql, dialect);
    TextEdits edits = new TextEdits(sql);
    for (Restatement restatement : ALL) {
      restatement.edit(tokens, dialect, edits);
    }
    return edits.apply();
  }

  /**
   * {@code name} quoted so that the parser takes it for a name, spelled as the dialect folds it.
   */
  static String quoted(String name, Dialect dialect) {
    String folded = dialect.normalize(name);
    for (String pair : dialect.quotes()) {
      if (dialect.closingQuote(pair.charAt(0)).isPresent()) {
        return pair.charAt(0) + folded + pair.charAt(1);
      }
    }
    return name;
  }
}
