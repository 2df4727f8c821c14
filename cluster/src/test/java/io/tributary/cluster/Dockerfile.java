package io.tributary.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The instructions of a Dockerfile, as far as the checks of the compose set need them. */
record Dockerfile(Path path, List<Instruction> instructions) {
  private static final Pattern ENV_PAIR = Pattern.compile("(\\w+)=(\"[^\"]*\"|\\S+)");

  record Instruction(String keyword, String arguments) {}

  static Dockerfile read(Path path) throws IOException {
    List<Instruction> instructions = new ArrayList<>();
    StringBuilder pending = new StringBuilder();
    for (String line : Files.readAllLines(path)) {
      String trimmed = line.strip();
      if (pending.isEmpty() && (trimmed.isEmpty() || trimmed.startsWith("#"))) {
        continue;
      }
      if (trimmed.endsWith("\\")) {
        pending.append(trimmed, 0, trimmed.length() - 1).append(' ');
        continue;
      }
      pending.append(trimmed);
      String text = pending.toString();
      pending.setLength(0);
      int space = text.indexOf(' ');
      instructions.add(
          new Instruction(
              text.substring(0, space).toUpperCase(Locale.ROOT),
              text.substring(space + 1).strip()));
    }
    return new Dockerfile(path, List.copyOf(instructions));
  }

  List<String> all(String keyword) {
    return instructions.stream()
        .filter(i -> i.keyword().equals(keyword))
        .map(Instruction::arguments)
        .toList();
  }

  /** The image of the (single) FROM. */
  String baseImage() {
    List<String> from = all("FROM");
    if (from.size() != 1) {
      throw new IllegalStateException(path + " has " + from.size() + " FROM instructions");
    }
    return from.get(0).split("\\s+")[0];
  }

  /** COPY sources to their destinations. */
  Map<String, String> copies() {
    Map<String, String> copies = new LinkedHashMap<>();
    for (String copy : all("COPY")) {
      String[] parts = copy.split("\\s+");
      copies.put(parts[0], parts[parts.length - 1]);
    }
    return copies;
  }

  /** The variables the ENV instructions set. */
  Map<String, String> env() {
    Map<String, String> env = new LinkedHashMap<>();
    for (String line : all("ENV")) {
      Matcher pair = ENV_PAIR.matcher(line);
      while (pair.find()) {
        env.put(pair.group(1), pair.group(2).replaceAll("^\"|\"$", ""));
      }
    }
    return env;
  }
}
