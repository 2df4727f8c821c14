package io.tributary.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.connectors.catalog.CatalogImport;
import io.tributary.connectors.store.LineageStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;

/** Imports a catalog file into the store before a job, so the analyzer can expand {@code *}. */
final class CatalogPreload {

  private CatalogPreload() {}

  static void importFile(Path file, String storeUrl, PrintWriter err) throws IOException {
    if (file == null) {
      return;
    }
    try (LineageStore store = LineageStore.open(storeUrl, 2);
        Reader in = Files.newBufferedReader(file)) {
      var summary = new CatalogImport(store, new ObjectMapper()).run(in);
      err.printf(
          "catalog %s: %d tables, %d columns imported%n",
          file, summary.tables(), summary.columns());
    }
  }
}
