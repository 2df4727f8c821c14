package io.tributary.api.resources;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** {@code GET /openapi.json}: the OpenAPI 3 document of every endpoint. */
public final class OpenApiResource {

  private final byte[] document;

  public OpenApiResource() {
    try (InputStream in = OpenApiResource.class.getResourceAsStream("/openapi.json")) {
      if (in == null) {
        throw new IllegalStateException("openapi.json is missing from the classpath");
      }
      document = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void get(Context ctx) {
    ctx.contentType("application/json").result(document);
  }
}
