package io.tributary.sql.dialect;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The dialects Tributary knows, found by the names users pass. */
public final class Dialects {

  public static final Dialect ANSI =
      new Dialect("ansi", List.of(), IdentifierCase.PRESERVE, List.of("\"\""), 3);
  public static final Dialect POSTGRESQL =
      new Dialect("postgresql", List.of("postgres"), IdentifierCase.LOWER, List.of("\"\""), 3);
  public static final Dialect SNOWFLAKE =
      new Dialect("snowflake", List.of(), IdentifierCase.UPPER, List.of("\"\""), 3);

  private static final List<Dialect> ALL = List.of(ANSI, POSTGRESQL, SNOWFLAKE);

  private static final Map<String, Dialect> BY_NAME = index();

  private Dialects() {}

  /** The dialect that answers to this name or alias, ignoring case. */
  public static Dialect byName(String name) {
    Dialect d = name == null ? null : BY_NAME.get(name.trim().toLowerCase(Locale.ROOT));
    if (d == null) {
      throw new UnknownDialectException(String.valueOf(name), BY_NAME.keySet());
    }
    return d;
  }

  /** Every dialect, canonical names first in their declared order. */
  public static List<Dialect> all() {
    return ALL;
  }

  private static Map<String, Dialect> index() {
    Map<String, Dialect> map = new LinkedHashMap<>();
    for (Dialect d : ALL) {
      map.put(d.name(), d);
      d.aliases().forEach(a -> map.put(a, d));
    }
    return map;
  }
}
