package io.tributary.connectors.source.file;

import java.util.Locale;

/** The layouts of query-log files. */
public enum QueryLogFormat {
  /** One JSON object per line. */
  JSONL,
  /** Comma-separated with a header row; quoted fields may span lines. */
  CSV;

  /** The format a file's extension suggests ({@code .csv} → CSV, anything else JSON Lines). */
  public static QueryLogFormat fromFileName(String name) {
    return name.toLowerCase(Locale.ROOT).endsWith(".csv") ? CSV : JSONL;
  }

  public static QueryLogFormat byName(String name) {
    return switch (name.trim().toLowerCase(Locale.ROOT)) {
      case "jsonl", "json", "ndjson", "jsonlines" -> JSONL;
      case "csv" -> CSV;
      default ->
          throw new IllegalArgumentException("unknown file format '" + name + "' (jsonl, csv)");
    };
  }
}
