package io.tributary.api.resources;

import io.javalin.config.JavalinConfig;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The lineage explorer: a static page at {@code /} with its scripts and styles under {@code
 * /explorer/}, all from the jar. The page itself holds no data, so it needs no token; it asks for
 * one and sends it with every API call.
 */
public final class ExplorerPage {

  /** Where the page is served. */
  public static final String PATH = "/";

  /** Where its assets are served. */
  public static final String ASSETS = "/explorer/";

  /** Nothing from elsewhere: scripts, styles, images and API calls all come from this server. */
  private static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none';"
          + " frame-ancestors 'none'";

  private final byte[] index;

  public ExplorerPage() {
    try (InputStream in = ExplorerPage.class.getResourceAsStream("/explorer/index.html")) {
      if (in == null) {
        throw new IllegalStateException("explorer/index.html is missing from the classpath");
      }
      index = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Serves the assets from the classpath folder {@code explorer}. */
  public static void configure(JavalinConfig config) {
    config.staticFiles.add(
        files -> {
          files.hostedPath = ASSETS.substring(0, ASSETS.length() - 1);
          files.directory = "/explorer";
          files.location = Location.CLASSPATH;
          files.headers =
              Map.of(
                  "Content-Security-Policy",
                  CONTENT_SECURITY_POLICY,
                  "X-Content-Type-Options",
                  "nosniff",
                  "Cache-Control",
                  "no-cache");
        });
  }

  public void index(Context ctx) {
    ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Cache-Control", "no-cache");
    ctx.contentType(ContentType.TEXT_HTML).result(index);
  }
}
