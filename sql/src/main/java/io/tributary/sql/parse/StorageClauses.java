package io.tributary.sql.parse;

import io.tributary.sql.dialect.Dialect;

/**
 * Clauses of CREATE TABLE and CREATE VIEW that say how or where data is stored, which JSqlParser
 * does not know and which carry no lineage, are blanked out: Redshift's {@code DISTSTYLE}, {@code
 * DISTKEY (..)}, {@code [COMPOUND | INTERLEAVED] SORTKEY (..)}, {@code BACKUP YES|NO} and {@code
 * WITH NO SCHEMA BINDING}; Hive and Spark's {@code CLUSTERED BY (..) [SORTED BY (..)] INTO n
 * BUCKETS}; Teradata's {@code WITH [NO] DATA [AND [NO] STATISTICS]}, {@code ON COMMIT PRESERVE
 * ROWS}, {@code [NO] PRIMARY INDEX (..)} after the query, {@code , NO FALLBACK}-style options after
 * the table name and the table kinds {@code VOLATILE}, {@code MULTISET}, {@code SET}; Hive's {@code
 * STORED AS format}; Redshift's {@code ENCODE AUTO}; T-SQL (Synapse) and PostgreSQL's {@code WITH
 * (..)} table options; Oracle's materialized view options {@code BUILD ..}, {@code REFRESH ..} and
 * {@code ENABLE | DISABLE QUERY REWRITE}.
 */
final class StorageClauses implements Restatement {

  @Override
  public void edit(Tokens tokens, Dialect dialect, TextEdits edits) {
    if (!tokens.isWord(0, "CREATE")) {
      return;
    }
    int query = queryStart(tokens);
    int table = tokens.find(1, "TABLE");
    for (int i = 1; i < table && i < 5; i++) {
      if (tokens.isAnyWord(i, "VOLATILE", "MULTISET", "SET")) {
        edits.blank(tokens.start(i), tokens.end(i)); // Teradata's table kinds
      }
    }
    int optionsEnd = query < 0 ? tokens.size() : query;
    for (int i = 1; i < optionsEnd; i++) {
      if (tokens.isSymbol(i, "(")) {
        i = tokens.closing(i);
        continue;
      }
      int end = clauseEnd(tokens, i);
      if (end > i) {
        edits.blank(tokens.start(i), tokens.end(end - 1));
        i = end - 1;
      }
    }
    int name = table + 1;
    while (tokens.isSymbol(name + 1, ".")) {
      name += 2;
    }
    if (table > 0 && tokens.isSymbol(name + 1, ",") && name + 1 < optionsEnd) {
      // Teradata: CREATE TABLE t, NO FALLBACK, NO BEFORE JOURNAL AS (...)
      int stop = name + 1;
      while (stop < optionsEnd && !tokens.isSymbol(stop, "(")) {
        stop++;
      }
      edits.blank(tokens.start(name + 1), tokens.end(stop - 1));
    }
    if (query >= 0) {
      blankTail(tokens, query, edits);
    }
  }

  /** Where the query of CREATE .. AS query starts: its AS, or its SELECT when AS is left out. */
  private static int queryStart(Tokens tokens) {
    for (int i = tokens.find(1, "AS", "SELECT"); i >= 0; i = tokens.find(i + 1, "AS", "SELECT")) {
      if (tokens.isWord(i, "SELECT")
          || tokens.isAnyWord(i + 1, "SELECT", "SEL", "WITH")
          || tokens.isSymbol(i + 1, "(")) {
        return i;
      }
    }
    return -1;
  }

  /** A clause after the query: {@code WITH NO SCHEMA BINDING}, {@code WITH [NO] DATA ...}. */
  private static void blankTail(Tokens tokens, int query, TextEdits edits) {
    int last = tokens.size();
    while (last > query && tokens.isSymbol(last - 1, ";")) {
      last--;
    }
    for (int i = tokens.find(query + 1, "WITH"); i >= 0; i = tokens.find(i + 1, "WITH")) {
      if (clauseEnd(tokens, i) == last) {
        edits.blank(tokens.start(i), tokens.end(last - 1));
        return;
      }
    }
  }

  /** The index just after the storage clause starting at {@code i}, or {@code i} if none does. */
  private static int clauseEnd(Tokens tokens, int i) {
    if (tokens.isSymbol(i + 1, ".")) {
      return i; // a name: CREATE TABLE backup.t
    }
    if (tokens.isWord(i, "DISTSTYLE") && tokens.isAnyWord(i + 1, "ALL", "EVEN", "KEY", "AUTO")) {
      return i + 2;
    }
    if (tokens.isWord(i, "BACKUP") && tokens.isAnyWord(i + 1, "YES", "NO")) {
      return i + 2;
    }
    if (tokens.isWord(i, "STORED") && tokens.isWord(i + 1, "AS")) {
      return i + 3;
    }
    if (tokens.isWord(i, "WITH")
        && tokens.isAnyWord(i + 1, "SCHEMABINDING", "ENCRYPTION", "VIEW_METADATA")) {
      int at = i + 2; // T-SQL: CREATE VIEW v WITH SCHEMABINDING [, ...] AS
      while (tokens.isSymbol(at, ",")) {
        at += 2;
      }
      return at;
    }
    if (tokens.isWord(i, "COPY") && tokens.isWord(i + 1, "GRANTS")) {
      return i + 2;
    }
    if (tokens.isWord(i, "OPTIONS") && tokens.isSymbol(i + 1, "(")) {
      return afterParentheses(tokens, i + 1);
    }
    if (tokens.isAnyWord(i, "PARTITION", "CLUSTER") && tokens.isWord(i + 1, "BY")) {
      // BigQuery: PARTITION BY DATE(ts) CLUSTER BY a, b OPTIONS (..) AS SELECT
      int at = i + 2;
      while (at < tokens.size() && !tokens.isAnyWord(at, "CLUSTER", "OPTIONS", "AS")) {
        at = tokens.isSymbol(at, "(") ? tokens.closing(at) + 1 : at + 1;
      }
      return at;
    }
    if (tokens.isAnyWord(i, "COMPOUND", "INTERLEAVED") && tokens.isWord(i + 1, "SORTKEY")) {
      return afterParentheses(tokens, i + 2);
    }
    if (tokens.isAnyWord(i, "DISTKEY", "SORTKEY")) {
      return afterParentheses(tokens, i + 1);
    }
    if (tokens.isWord(i, "CLUSTERED") && tokens.isWord(i + 1, "BY")) {
      int at = afterParentheses(tokens, i + 2);
      if (tokens.isWord(at, "SORTED") && tokens.isWord(at + 1, "BY")) {
        at = afterParentheses(tokens, at + 2);
      }
      return tokens.isWord(at, "INTO") && tokens.isWord(at + 2, "BUCKETS") ? at + 3 : i;
    }
    if (tokens.isWord(i, "ENCODE") && tokens.isWord(i + 1, "AUTO")) {
      return i + 2; // Redshift
    }
    if (tokens.isWord(i, "WITH") && tokens.isSymbol(i + 1, "(")) {
      // T-SQL (Synapse) WITH (DISTRIBUTION = .., CLUSTERED COLUMNSTORE INDEX), PostgreSQL WITH (..)
      return afterParentheses(tokens, i + 1);
    }
    if (tokens.isWord(i, "BUILD") && tokens.isAnyWord(i + 1, "IMMEDIATE", "DEFERRED")) {
      return i + 2; // Oracle materialized views
    }
    if (tokens.isAnyWord(i, "ENABLE", "DISABLE")
        && tokens.isWord(i + 1, "QUERY")
        && tokens.isWord(i + 2, "REWRITE")) {
      return i + 3;
    }
    if (tokens.isWord(i, "AUTO") && tokens.isWord(i + 1, "REFRESH")) {
      return tokens.isAnyWord(i + 2, "YES", "NO") ? i + 3 : i; // Redshift
    }
    if (tokens.isWord(i, "REFRESH")
        || (tokens.isWord(i, "NEVER") && tokens.isWord(i + 1, "REFRESH"))) {
      // Oracle: REFRESH [FAST | COMPLETE | FORCE] [ON DEMAND | COMMIT] [START WITH ..] [NEXT ..]
      int at = i + 1;
      while (at < tokens.size()
          && !tokens.isAnyWord(at, "AS", "BUILD", "ENABLE", "DISABLE")
          && !tokens.isSymbol(at, ";")) {
        at = tokens.isSymbol(at, "(") ? tokens.closing(at) + 1 : at + 1;
      }
      return at;
    }
    if (tokens.isWord(i, "WITH")) {
      if (tokens.isWord(i + 1, "NO") && tokens.isWord(i + 2, "SCHEMA")) {
        return tokens.isWord(i + 3, "BINDING") ? i + 4 : i;
      }
      int at = tokens.isWord(i + 1, "NO") ? i + 2 : i + 1;
      if (!tokens.isWord(at, "DATA")) {
        return i;
      }
      at++;
      if (tokens.isWord(at, "AND")) {
        at += tokens.isWord(at + 1, "NO") ? 3 : 2; // AND [NO] STATISTICS
      }
      return teradataTail(tokens, at);
    }
    return i;
  }

  /** Teradata's {@code [UNIQUE | NO] PRIMARY INDEX (..)} and {@code ON COMMIT .. ROWS}. */
  private static int teradataTail(Tokens tokens, int at) {
    while (true) {
      int from = at;
      if (tokens.isAnyWord(at, "UNIQUE", "NO") && tokens.isWord(at + 1, "PRIMARY")) {
        at++;
      }
      if (tokens.isWord(at, "PRIMARY") && tokens.isWord(at + 1, "INDEX")) {
        at = afterParentheses(tokens, at + 2);
      } else if (tokens.isWord(at, "ON") && tokens.isWord(at + 1, "COMMIT")) {
        at += 4;
      }
      if (at == from) {
        return at;
      }
    }
  }

  /** Past a parenthesized list at {@code open}; {@code open} itself when there is none. */
  private static int afterParentheses(Tokens tokens, int open) {
    return tokens.isSymbol(open, "(") ? tokens.closing(open) + 1 : open;
  }
}
