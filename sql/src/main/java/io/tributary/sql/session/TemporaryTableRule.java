package io.tributary.sql.session;

import io.tributary.sql.model.TableName;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Which tables are temporary by their name: T-SQL and Redshift's {@code #name} always, and names
 * matching one of the configured patterns (matched whole against the table's own name, ignoring
 * case). Tables made temporary by their statement's syntax (TEMP, VOLATILE..) need no rule: the
 * analyzer reports them.
 *
 * @param patterns regular expressions for the table name part; {@link #DBT} by default
 */
public record TemporaryTableRule(List<Pattern> patterns) {

  /** dbt's scratch relations: {@code x__dbt_tmp} (with any suffix) and {@code x__dbt_backup}. */
  public static final List<String> DBT = List.of(".*__dbt_tmp.*", ".*__dbt_backup.*");

  public TemporaryTableRule {
    patterns = List.copyOf(patterns);
  }

  /** The default rule: {@code #name} and dbt's scratch names. */
  public static TemporaryTableRule defaults() {
    return of(DBT);
  }

  /** {@code #name} and names matching these regular expressions. */
  public static TemporaryTableRule of(List<String> regexes) {
    return new TemporaryTableRule(
        regexes.stream()
            .map(r -> Pattern.compile(r, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE))
            .toList());
  }

  /** Whether the table's name alone makes it temporary. */
  public boolean temporaryByName(TableName table) {
    Objects.requireNonNull(table, "table");
    String name = table.name();
    if (name.startsWith("#")) {
      return true;
    }
    for (Pattern p : patterns) {
      if (p.matcher(name).matches()) {
        return true;
      }
    }
    return false;
  }
}
