package io.tributary.sql.parse;

/**
 * Databricks/Spark's {@code WHEN MATCHED THEN UPDATE SET *} and {@code WHEN NOT MATCHED THEN INSERT
 * *}, BigQuery's {@code WHEN NOT MATCHED THEN INSERT ROW} and Redshift's {@code MERGE .. REMOVE
 * DUPLICATES} (both at once), write every column of the target from the source column of the same
 * name. The parser reads neither: they are restated as an assignment and an insert of the one
 * column {@link #ALL_COLUMNS}, which the MERGE's lineage reads as "every column, by name".
 */
public final class MergeStars {

  /**
   * The column name that stands for every column of a restated {@code SET *} or {@code INSERT *}.
   */
  public static final String ALL_COLUMNS = "merge_all_columns_by_name";

  private MergeStars() {}

  /** Adds the edits for a MERGE's star actions. */
  static void edit(Tokens tokens, TextEdits edits) {
    int last = tokens.size() - 1;
    while (last > 0 && tokens.isSymbol(last, ";")) {
      last--;
    }
    if (tokens.isWord(last, "DUPLICATES") && tokens.isWord(last - 1, "REMOVE")) {
      // Redshift: matched rows are replaced by the source's, the others inserted
      edits.replace(
          tokens.start(last - 1),
          tokens.end(last),
          "WHEN MATCHED THEN UPDATE SET "
              + ALL_COLUMNS
              + " = "
              + ALL_COLUMNS
              + " WHEN NOT MATCHED THEN INSERT ("
              + ALL_COLUMNS
              + ") VALUES ("
              + ALL_COLUMNS
              + ")");
      return;
    }
    for (int i = 2; i < tokens.size(); i++) {
      if (!tokens.isWord(i - 1, "THEN")) {
        continue;
      }
      if (tokens.isWord(i, "UPDATE")
          && tokens.isWord(i + 1, "SET")
          && tokens.isSymbol(i + 2, "*")
          && !tokens.isSymbol(i + 3, ".")) {
        edits.replace(tokens.start(i + 2), tokens.end(i + 2), ALL_COLUMNS + " = " + ALL_COLUMNS);
      } else if (tokens.isWord(i, "INSERT")
          && (tokens.isSymbol(i + 1, "*") || tokens.isWord(i + 1, "ROW"))) {
        edits.replace(
            tokens.start(i + 1),
            tokens.end(i + 1),
            "(" + ALL_COLUMNS + ") VALUES (" + ALL_COLUMNS + ")");
      }
    }
  }
}
