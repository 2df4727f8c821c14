package io.tributary.sql.golden;

import io.tributary.sql.AnalysisRequest;
import io.tributary.sql.dialect.Dialect;
import io.tributary.sql.dialect.Dialects;
import io.tributary.sql.dialect.IdentifierCase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Loads the fixture files of a test-resource folder and turns cases into analysis requests. */
public final class GoldenFixtures {

  private GoldenFixtures() {}

  /** Every {@code *.txt} file of the folder, by file name, parsed. */
  public static List<GoldenCase> load(String folder) {
    List<GoldenCase> cases = new ArrayList<>();
    for (Path file : files(folder, ".txt")) {
      cases.addAll(GoldenFormat.parse(file.getFileName().toString(), read(file)));
    }
    return cases;
  }

  /** The files of a test-resource folder whose names end with {@code suffix}, sorted by name. */
  public static List<Path> files(String folder, String suffix) {
    URL url = GoldenFixtures.class.getClassLoader().getResource(folder);
    if (url == null) {
      throw new IllegalStateException("no test resource folder " + folder);
    }
    try (Stream<Path> s = Files.list(Path.of(url.toURI()))) {
      return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether the dialect compares unquoted names ignoring case. */
  public static boolean ignoresCase(Dialect dialect) {
    return dialect.unquotedCase() == IdentifierCase.PRESERVE;
  }

  /** The request a case describes. */
  public static AnalysisRequest request(GoldenCase c) {
    Dialect dialect = Dialects.byName(c.dialect());
    return AnalysisRequest.of(c.sql(), dialect)
        .withDefaults(c.defaultDatabase().orElse(null), c.defaultSchema().orElse(null))
        .withCatalog(new FixtureCatalog(c.catalog(), ignoresCase(dialect)));
  }
}
