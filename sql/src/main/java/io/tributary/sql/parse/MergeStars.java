package io.tributary.sql.parse;

/**
 * Databricks/Spark's {@code WHEN MATCHED THEN UPDATE SET *} and {@code WHEN NOT MATCHED THEN INSERT
 * *}, and BigQuery's {@code WHEN NOT MATCHED THEN INSERT ROW}, write every column of the target
 * from the source column of the same name. The parser reads neither: they are restated as an
 * assignment and an insert of the one column {@link #ALL_COLUMNS}, which the MERGE's lineage reads
 * as "every column, by name".
 */
public final class MergeStars {

  /**
   * The column name that stands for every column of a restated {@code SET *} or {@code INSERT *}.
   */
  public static final String ALL_COLUMNS = "merge_all_columns_by_name";

  private MergeStars() {}

  /** Adds the edits for a MERGE's star actions. */
  static void edit(Tokens tokens, TextEdits edits) {
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
