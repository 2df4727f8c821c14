package io.tributary.cli;

import io.tributary.jobs.workload.WorkloadGenerator;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The generator's known lineage as a graph over qualified names ({@code analytics.schema.table} and
 * {@code analytics.schema.table.column}), to say what the explorer must show.
 */
final class WorkloadLineage {

  private final Map<String, Set<String>> down = new HashMap<>();
  private final Map<String, Set<String>> up = new HashMap<>();

  WorkloadLineage() {
    for (String edge : WorkloadGenerator.expectedEdges()) {
      String[] pair = edge.split(">");
      down.computeIfAbsent(pair[0], k -> new HashSet<>()).add(pair[1]);
      up.computeIfAbsent(pair[1], k -> new HashSet<>()).add(pair[0]);
    }
  }

  int edges() {
    return WorkloadGenerator.expectedEdges().size();
  }

  /** Everything downstream of a name (not the name itself). */
  Set<String> downstream(String name) {
    return closure(name, down);
  }

  /** Everything upstream of a name (not the name itself). */
  Set<String> upstream(String name) {
    return closure(name, up);
  }

  private static Set<String> closure(String start, Map<String, Set<String>> next) {
    Set<String> seen = new TreeSet<>();
    Deque<String> queue = new ArrayDeque<>(List.of(start));
    while (!queue.isEmpty()) {
      for (String n : next.getOrDefault(queue.poll(), Set.of())) {
        if (seen.add(n)) {
          queue.add(n);
        }
      }
    }
    return seen;
  }

  /** The last part of a qualified name, or the last two for a column: "table.column". */
  static String shortName(String qualified) {
    String[] parts = qualified.split("\\.");
    return parts.length == 4 ? parts[2] + "." + parts[3] : parts[parts.length - 1];
  }

  static boolean isColumn(String qualified) {
    return qualified.split("\\.").length == 4;
  }
}
