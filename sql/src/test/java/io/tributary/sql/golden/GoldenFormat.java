package io.tributary.sql.golden;

import io.tributary.sql.catalog.CatalogColumn;
import io.tributary.sql.catalog.CatalogTable;
import io.tributary.sql.golden.Expectation.ExpectedError;
import io.tributary.sql.golden.Expectation.Pair;
import io.tributary.sql.golden.Expectation.Parts;
import io.tributary.sql.model.TableName;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the golden fixture format: cases of input and expected lineage side by side.
 *
 * <pre>
 * # a comment
 * === join with alias
 * dialect: postgresql
 * default_database: dw            (optional)
 * default_schema: public          (optional)
 * catalog: public.orders(id int, amount numeric); public.customers(id int, name text)
 * known_gap: why it fails for now (optional: the case is reported as skipped)
 * --- sql
 * SELECT o.id AS order_id, o.amount * 2 AS dbl FROM orders o
 * --- expect                      (one block per statement of the script)
 * kind: SELECT                    (optional)
 * sources: public.orders          (ordered; "none" for no source)
 * target: none                    (or the target's qualified name)
 * public.orders.id -> order_id direct
 * public.orders.amount -> dbl derived
 * indirect: public.orders.id      (optional; a set, "none" for empty)
 * warning: a substring of some warning   (optional, repeatable)
 * warnings: none                  (optional: no warning at all)
 * error: PARSE_ERROR at 1:8 "substring of the message"   (position, column and message optional)
 * parts: public.orders => database=- schema=public       (optional: name part placement)
 * dialect_error: known dialects   (the dialect name itself must be rejected)
 * change: renamed public.a -> public.b   (optional, repeatable, in order; "changes: none")
 * </pre>
 *
 * Column pairs are written {@code from -> to kind} with each column as its table's qualified name
 * plus the column ({@code db.schema.table.col}), or a bare output name for a plain SELECT.
 */
public final class GoldenFormat {

  private static final Pattern ERROR =
      Pattern.compile("(\\w+)(?:\\s+at\\s+(\\d+)(?::(\\d+))?)?(?:\\s+\"(.*)\")?");
  private static final Pattern PARTS =
      Pattern.compile("(\\S+)\\s*=>\\s*database=(\\S+)\\s+schema=(\\S+)");
  private static final Pattern PAIR = Pattern.compile("(.+?)\\s+->\\s+(.+?)\\s+(direct|derived)");

  private GoldenFormat() {}

  /**
   * Parses every case of one fixture file; throws {@link IllegalArgumentException} on bad input.
   */
  public static List<GoldenCase> parse(String file, String text) {
    List<GoldenCase> cases = new ArrayList<>();
    String[] lines = text.split("\r?\n", -1);
    CaseBuilder current = null;
    Section section = Section.NONE;
    for (int i = 0; i < lines.length; i++) {
      String raw = lines[i];
      int lineNo = i + 1;
      if (raw.startsWith("=== ")) {
        if (current != null) {
          cases.add(current.build());
        }
        current = new CaseBuilder(file, lineNo, raw.substring(4).trim());
        section = Section.HEADER;
        continue;
      }
      if (raw.startsWith("--- ")) {
        if (current == null) {
          throw error(file, lineNo, "section outside a case");
        }
        String which = raw.substring(4).trim();
        switch (which) {
          case "sql" -> section = Section.SQL;
          case "expect" -> {
            current.expectations.add(new ExpectationBuilder());
            section = Section.EXPECT;
          }
          default -> throw error(file, lineNo, "unknown section '" + which + "'");
        }
        continue;
      }
      String line = raw.strip();
      if (section == Section.SQL) {
        current.sql.append(raw).append('\n');
        continue;
      }
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      switch (section) {
        case NONE -> throw error(file, lineNo, "text outside a case: " + line);
        case HEADER -> current.header(line, lineNo);
        case EXPECT ->
            current.expectations.get(current.expectations.size() - 1).line(file, lineNo, line);
        default -> throw new IllegalStateException();
      }
    }
    if (current != null) {
      cases.add(current.build());
    }
    return cases;
  }

  /**
   * Parses catalog entries: {@code schema.table(col type, col type); other(col)}. One, two or three
   * dotted parts name the table, schema and database the analyzer resolves to.
   */
  public static List<CatalogTable> parseCatalog(String spec) {
    List<CatalogTable> tables = new ArrayList<>();
    for (String entry : splitTopLevel(spec, ';')) {
      String e = entry.strip();
      if (e.isEmpty()) {
        continue;
      }
      int open = e.indexOf('(');
      if (open < 0 || !e.endsWith(")")) {
        throw new IllegalArgumentException("catalog entry needs name(columns): " + e);
      }
      TableName name = tableName(e.substring(0, open).strip());
      List<CatalogColumn> columns = new ArrayList<>();
      for (String col : splitTopLevel(e.substring(open + 1, e.length() - 1), ',')) {
        String c = col.strip();
        if (c.isEmpty()) {
          continue;
        }
        String colName;
        String rest;
        if (c.startsWith("\"")) {
          int close = c.indexOf('"', 1);
          colName = c.substring(1, close);
          rest = c.substring(close + 1).strip();
        } else {
          int space = c.indexOf(' ');
          colName = space < 0 ? c : c.substring(0, space);
          rest = space < 0 ? "" : c.substring(space + 1).strip();
        }
        columns.add(CatalogColumn.of(colName, rest.isEmpty() ? null : rest));
      }
      tables.add(new CatalogTable(name, columns));
    }
    return tables;
  }

  /** {@code t}, {@code s.t} or {@code d.s.t} as a table name. */
  public static TableName tableName(String dotted) {
    String[] parts = dotted.split("\\.");
    return switch (parts.length) {
      case 1 -> TableName.of(parts[0]);
      case 2 -> TableName.of(null, parts[0], parts[1]);
      case 3 -> TableName.of(parts[0], parts[1], parts[2]);
      default -> throw new IllegalArgumentException("a table has 1 to 3 parts: " + dotted);
    };
  }

  static List<String> splitTopLevel(String text, char separator) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    StringBuilder cur = new StringBuilder();
    for (char ch : text.toCharArray()) {
      if (ch == '(') {
        depth++;
      } else if (ch == ')') {
        depth--;
      }
      if (ch == separator && depth == 0) {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(ch);
      }
    }
    out.add(cur.toString());
    return out;
  }

  private static IllegalArgumentException error(String file, int line, String message) {
    return new IllegalArgumentException(file + ":" + line + ": " + message);
  }

  private enum Section {
    NONE,
    HEADER,
    SQL,
    EXPECT
  }

  private static final class CaseBuilder {
    final String file;
    final int line;
    final String name;
    String dialect;
    String defaultDatabase;
    String defaultSchema;
    String knownGap;
    final List<CatalogTable> catalog = new ArrayList<>();
    final StringBuilder sql = new StringBuilder();
    final List<ExpectationBuilder> expectations = new ArrayList<>();

    CaseBuilder(String file, int line, String name) {
      this.file = file;
      this.line = line;
      this.name = name;
    }

    void header(String text, int lineNo) {
      int colon = text.indexOf(':');
      if (colon < 0) {
        throw error(file, lineNo, "expected 'key: value': " + text);
      }
      String key = text.substring(0, colon).strip();
      String value = text.substring(colon + 1).strip();
      switch (key) {
        case "dialect" -> dialect = value;
        case "default_database" -> defaultDatabase = value;
        case "default_schema" -> defaultSchema = value;
        case "catalog" -> catalog.addAll(parseCatalog(value));
        case "known_gap" -> knownGap = value;
        default -> throw error(file, lineNo, "unknown header key '" + key + "'");
      }
    }

    GoldenCase build() {
      if (dialect == null) {
        throw error(file, line, "case '" + name + "' has no dialect");
      }
      String text = sql.toString().strip();
      if (text.isEmpty()) {
        throw error(file, line, "case '" + name + "' has no sql");
      }
      if (expectations.isEmpty()) {
        throw error(file, line, "case '" + name + "' has no expect block");
      }
      return new GoldenCase(
          file,
          line,
          name,
          dialect,
          Optional.ofNullable(defaultDatabase),
          Optional.ofNullable(defaultSchema),
          catalog,
          text,
          expectations.stream().map(ExpectationBuilder::build).toList(),
          Optional.ofNullable(knownGap));
    }
  }

  private static final class ExpectationBuilder {
    String kind;
    List<String> sources;
    String target;
    final Set<Pair> columns = new LinkedHashSet<>();
    Set<String> indirect;
    final List<String> warnings = new ArrayList<>();
    boolean noWarnings;
    ExpectedError error;
    final List<Parts> parts = new ArrayList<>();
    String dialectError;
    List<String> changes;

    void line(String file, int lineNo, String text) {
      if (text.contains(" -> ") && !text.startsWith("change:")) {
        Matcher m = PAIR.matcher(text);
        if (!m.matches()) {
          throw error(file, lineNo, "expected 'from -> to direct|derived': " + text);
        }
        if (!columns.add(new Pair(m.group(1), m.group(2), m.group(3)))) {
          throw error(file, lineNo, "duplicate pair: " + text);
        }
        return;
      }
      int colon = text.indexOf(':');
      if (colon < 0) {
        throw error(file, lineNo, "expected 'key: value' or a column pair: " + text);
      }
      String key = text.substring(0, colon).strip();
      String value = text.substring(colon + 1).strip();
      switch (key) {
        case "kind" -> kind = value;
        case "sources" -> sources = list(value);
        case "target" -> target = value;
        case "indirect" -> indirect = new LinkedHashSet<>(list(value));
        case "warning" -> warnings.add(value);
        case "warnings" -> {
          if (!value.equals("none")) {
            throw error(file, lineNo, "only 'warnings: none' is known; use 'warning: text'");
          }
          noWarnings = true;
        }
        case "error" -> {
          Matcher m = ERROR.matcher(value);
          if (!m.matches()) {
            throw error(file, lineNo, "expected 'KIND [at L[:C]] [\"message\"]': " + value);
          }
          error =
              new ExpectedError(
                  m.group(1),
                  Optional.ofNullable(m.group(2)).map(Integer::valueOf),
                  Optional.ofNullable(m.group(3)).map(Integer::valueOf),
                  Optional.ofNullable(m.group(4)));
        }
        case "parts" -> {
          Matcher m = PARTS.matcher(value);
          if (!m.matches()) {
            throw error(file, lineNo, "expected 'name => database=x|- schema=x|-': " + value);
          }
          parts.add(new Parts(m.group(1), part(m.group(2)), part(m.group(3))));
        }
        case "dialect_error" -> dialectError = value;
        case "change" -> {
          if (changes == null) {
            changes = new ArrayList<>();
          }
          changes.add(value);
        }
        case "changes" -> {
          if (!value.equals("none")) {
            throw error(file, lineNo, "only 'changes: none' is known; use 'change: text'");
          }
          changes = List.of();
        }
        default -> throw error(file, lineNo, "unknown expectation key '" + key + "'");
      }
    }

    Expectation build() {
      return new Expectation(
          Optional.ofNullable(kind),
          Optional.ofNullable(sources),
          Optional.ofNullable(target),
          columns,
          Optional.ofNullable(indirect),
          warnings,
          noWarnings,
          Optional.ofNullable(error),
          parts,
          Optional.ofNullable(dialectError),
          Optional.ofNullable(changes));
    }

    private static Optional<String> part(String value) {
      return value.equals("-") ? Optional.empty() : Optional.of(value);
    }

    private static List<String> list(String value) {
      if (value.equals("none")) {
        return List.of();
      }
      return splitTopLevel(value, ',').stream().map(String::strip).toList();
    }
  }
}
