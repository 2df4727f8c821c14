package io.tributary.sql.golden;

import io.tributary.sql.golden.Expectation.Pair;
import io.tributary.sql.golden.Expectation.Parts;
import io.tributary.sql.model.AnalysisError;
import io.tributary.sql.model.ColumnLineage;
import io.tributary.sql.model.ColumnName;
import io.tributary.sql.model.StatementLineage;
import io.tributary.sql.model.TableName;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Compares one statement's lineage with its expectation and lists every difference. Names are
 * compared exactly, or ignoring case when the dialect keeps unquoted identifiers as written (it
 * then treats names that differ only in case as the same).
 */
public final class ExpectationCheck {

  private final boolean ignoreCase;

  public ExpectationCheck(boolean ignoreCase) {
    this.ignoreCase = ignoreCase;
  }

  /** The differences between what was expected and what came out; empty when they agree. */
  public List<String> differences(Expectation expected, StatementLineage actual) {
    List<String> diffs = new ArrayList<>();
    if (expected.error().isPresent()) {
      checkError(expected.error().get(), actual, diffs);
    } else if (actual.error().isPresent()) {
      diffs.add("unexpected error: " + render(actual.error().get()));
    }
    expected
        .kind()
        .filter(k -> !k.equalsIgnoreCase(actual.kind().name()))
        .ifPresent(k -> diffs.add("kind: expected " + k + ", actual " + actual.kind()));
    expected
        .changes()
        .ifPresent(
            changes -> {
              List<String> got = actual.changes().stream().map(TableChanges::render).toList();
              if (!changes.stream()
                  .map(this::norm)
                  .toList()
                  .equals(got.stream().map(this::norm).toList())) {
                diffs.add("changes: expected " + changes + ", actual " + got);
              }
            });
    expected
        .sources()
        .ifPresent(
            sources -> {
              List<String> want = sources.stream().map(this::norm).toList();
              List<String> got = actual.sources().stream().map(t -> norm(t.qualified())).toList();
              if (!want.equals(got)) {
                diffs.add("sources: expected " + want + ", actual " + got);
              }
            });
    expected
        .target()
        .ifPresent(
            target -> {
              String want = norm(target);
              String got = actual.target().map(t -> norm(t.qualified())).orElse("none");
              if (!want.equals(got)) {
                diffs.add("target: expected " + want + ", actual " + got);
              }
            });
    Set<String> wantPairs =
        expected.columns().stream()
            .map(p -> new Pair(norm(p.from()), norm(p.to()), p.kind()).toString())
            .collect(Collectors.toCollection(TreeSet::new));
    Set<String> gotPairs =
        actual.columns().stream().map(this::pair).collect(Collectors.toCollection(TreeSet::new));
    Set<String> missing = new TreeSet<>(wantPairs);
    missing.removeAll(gotPairs);
    Set<String> extra = new TreeSet<>(gotPairs);
    extra.removeAll(wantPairs);
    missing.forEach(p -> diffs.add("missing pair: " + p));
    extra.forEach(p -> diffs.add("extra pair:   " + p));
    if (actual.columns().size() != gotPairs.size()) {
      diffs.add("a pair is reported more than once: " + actual.columns());
    }
    expected
        .indirect()
        .ifPresent(
            indirect -> {
              Set<String> want =
                  indirect.stream().map(this::norm).collect(Collectors.toCollection(TreeSet::new));
              Set<String> got =
                  actual.indirect().stream()
                      .map(c -> norm(c.toString()))
                      .collect(Collectors.toCollection(TreeSet::new));
              if (!want.equals(got)) {
                diffs.add("indirect: expected " + want + ", actual " + got);
              }
            });
    for (String w : expected.warnings()) {
      String needle = w.toLowerCase(Locale.ROOT);
      if (actual.warnings().stream()
          .noneMatch(a -> a.message().toLowerCase(Locale.ROOT).contains(needle))) {
        diffs.add("missing warning containing '" + w + "'; warnings: " + actual.warnings());
      }
    }
    if (expected.noWarnings() && !actual.warnings().isEmpty()) {
      diffs.add("expected no warning, actual " + actual.warnings());
    }
    for (Parts parts : expected.parts()) {
      checkParts(parts, actual, diffs);
    }
    return diffs;
  }

  private void checkError(Expectation.ExpectedError want, StatementLineage actual, List<String> d) {
    Optional<AnalysisError> got = actual.error();
    if (got.isEmpty()) {
      d.add("expected error " + want.kind() + ", actual none (kind " + actual.kind() + ")");
      return;
    }
    AnalysisError e = got.get();
    if (!e.kind().name().equals(want.kind())) {
      d.add("error kind: expected " + want.kind() + ", actual " + render(e));
    }
    want.line()
        .filter(l -> e.line().isEmpty() || e.line().getAsInt() != l)
        .ifPresent(l -> d.add("error line: expected " + l + ", actual " + render(e)));
    want.column()
        .filter(c -> e.column().isEmpty() || e.column().getAsInt() != c)
        .ifPresent(c -> d.add("error column: expected " + c + ", actual " + render(e)));
    want.message()
        .filter(m -> !e.message().toLowerCase(Locale.ROOT).contains(m.toLowerCase(Locale.ROOT)))
        .ifPresent(m -> d.add("error message: expected to contain '" + m + "': " + render(e)));
    if (actual.kind() != io.tributary.sql.model.StatementKind.FAILED) {
      d.add("a statement with an error must be FAILED, actual " + actual.kind());
    }
  }

  private void checkParts(Parts want, StatementLineage actual, List<String> diffs) {
    List<TableName> named =
        allTables(actual).filter(t -> norm(t.qualified()).equals(norm(want.qualified()))).toList();
    if (named.isEmpty()) {
      diffs.add("parts: no table " + want.qualified() + " in the result");
      return;
    }
    for (TableName t : named) {
      if (!sameOptional(want.database(), t.database())
          || !sameOptional(want.schema(), t.schema())) {
        diffs.add(
            "parts of "
                + want.qualified()
                + ": expected database="
                + want.database().orElse("-")
                + " schema="
                + want.schema().orElse("-")
                + ", actual database="
                + t.database().orElse("-")
                + " schema="
                + t.schema().orElse("-"));
        return;
      }
    }
  }

  private boolean sameOptional(Optional<String> a, Optional<String> b) {
    return a.map(this::norm).equals(b.map(this::norm));
  }

  private static Stream<TableName> allTables(StatementLineage s) {
    return Stream.of(
            s.sources().stream(),
            s.target().stream(),
            s.columns().stream()
                .flatMap(c -> Stream.of(c.from().table(), c.to().table()))
                .flatMap(Optional::stream))
        .flatMap(x -> x);
  }

  private String pair(ColumnLineage c) {
    return norm(column(c.from())) + " -> " + norm(column(c.to())) + " " + c.kind().jsonName();
  }

  private static String column(ColumnName c) {
    return c.toString();
  }

  private String norm(String s) {
    return ignoreCase ? s.toLowerCase(Locale.ROOT) : s;
  }

  /** The statement in the fixture format, to show next to the expectation when they differ. */
  public static String render(StatementLineage s) {
    StringBuilder out = new StringBuilder();
    out.append("kind: ").append(s.kind()).append('\n');
    out.append("sources: ")
        .append(
            s.sources().isEmpty()
                ? "none"
                : s.sources().stream().map(TableName::qualified).collect(Collectors.joining(", ")))
        .append('\n');
    out.append("target: ").append(s.target().map(TableName::qualified).orElse("none")).append('\n');
    Set<String> pairs = new LinkedHashSet<>();
    s.columns().stream()
        .sorted(Comparator.comparing((ColumnLineage c) -> c.to().toString()))
        .forEach(c -> pairs.add(c.from() + " -> " + c.to() + " " + c.kind().jsonName()));
    pairs.forEach(p -> out.append(p).append('\n'));
    if (!s.indirect().isEmpty()) {
      out.append("indirect: ")
          .append(s.indirect().stream().map(ColumnName::toString).collect(Collectors.joining(", ")))
          .append('\n');
    }
    s.warnings().forEach(w -> out.append("warning: ").append(w.message()).append('\n'));
    s.changes().forEach(c -> out.append("change: ").append(TableChanges.render(c)).append('\n'));
    s.error().ifPresent(e -> out.append("error: ").append(render(e)).append('\n'));
    return out.toString();
  }

  static String render(AnalysisError e) {
    String at =
        e.line().isPresent()
            ? " at "
                + e.line().getAsInt()
                + ":"
                + (e.column().isPresent() ? e.column().getAsInt() : 0)
            : "";
    return e.kind() + at + " \"" + e.message() + "\"";
  }
}
