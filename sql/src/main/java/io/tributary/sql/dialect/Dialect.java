package io.tributary.sql.dialect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A SQL dialect's naming rules, stated as data.
 *
 * @param name the canonical name users pass ({@code postgresql}, {@code snowflake}...)
 * @param aliases other names for the same dialect ({@code postgres}, {@code mssql}...)
 * @param unquotedCase what the engine does with an unquoted identifier
 * @param quotes the pairs of characters that quote an identifier, each as a two-character string of
 *     opening and closing character: {@code "\"\""}, {@code "``"}, {@code "[]"}
 * @param tableNameParts how many dotted parts a fully qualified table name has: 2 for MySQL ({@code
 *     database.table}), 3 for most ({@code database.schema.table}), 4 for T-SQL (with a linked
 *     server in front, which lineage ignores)
 * @param syntax lexical habits: string escapes, comments, dollar quoting, what {@code USE} sets
 */
public record Dialect(
    String name,
    List<String> aliases,
    IdentifierCase unquotedCase,
    List<String> quotes,
    int tableNameParts,
    DialectSyntax syntax) {

  public Dialect {
    Objects.requireNonNull(name, "name");
    aliases = List.copyOf(aliases);
    Objects.requireNonNull(unquotedCase, "unquotedCase");
    quotes = List.copyOf(quotes);
    for (String q : quotes) {
      if (q.length() != 2) {
        throw new IllegalArgumentException("a quote pair has two characters: " + q);
      }
    }
    if (tableNameParts < 1) {
      throw new IllegalArgumentException("a table name has at least one part");
    }
    Objects.requireNonNull(syntax, "syntax");
  }

  /** A dialect with standard SQL lexical habits. */
  public Dialect(
      String name,
      List<String> aliases,
      IdentifierCase unquotedCase,
      List<String> quotes,
      int tableNameParts) {
    this(name, aliases, unquotedCase, quotes, tableNameParts, DialectSyntax.standard());
  }

  /** The character that closes an identifier opened by {@code open}, if {@code open} quotes one. */
  public OptionalInt closingQuote(char open) {
    if (open == '"' && syntax.doubleQuotedStrings()) {
      return OptionalInt.empty();
    }
    for (String q : quotes) {
      if (q.charAt(0) == open) {
        return OptionalInt.of(q.charAt(1));
      }
    }
    return OptionalInt.empty();
  }

  /**
   * A dotted name as written, each part normalized. A quoted part that holds a whole path, as
   * BigQuery allows ({@code `project.dataset.table`}), is split into its parts first.
   */
  public List<String> normalizeParts(List<String> written) {
    List<String> parts = new ArrayList<>(written.size());
    for (String part : written) {
      String normalized = normalize(part);
      if (syntax.dashedTableNames() && !normalized.equals(part) && normalized.indexOf('.') > 0) {
        parts.addAll(List.of(normalized.split("\\.", -1)));
      } else {
        parts.add(normalized);
      }
    }
    return parts;
  }

  /**
   * The identifier as the engine names it: quotes removed (doubled closing quotes unescaped),
   * unquoted identifiers folded by {@link #unquotedCase()}.
   */
  public String normalize(String identifier) {
    if (identifier.length() >= 2) {
      char first = identifier.charAt(0);
      char last = identifier.charAt(identifier.length() - 1);
      for (String q : quotes) {
        if (first == q.charAt(0) && last == q.charAt(1)) {
          String close = String.valueOf(q.charAt(1));
          return identifier.substring(1, identifier.length() - 1).replace(close + close, close);
        }
      }
    }
    return switch (unquotedCase) {
      case UPPER -> identifier.toUpperCase(Locale.ROOT);
      case LOWER -> identifier.toLowerCase(Locale.ROOT);
      case PRESERVE -> identifier;
    };
  }

  /** Whether two normalized identifiers name the same object in this dialect. */
  public boolean sameIdentifier(String a, String b) {
    return unquotedCase == IdentifierCase.PRESERVE ? a.equalsIgnoreCase(b) : a.equals(b);
  }
}
