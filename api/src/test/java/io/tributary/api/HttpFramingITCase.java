package io.tributary.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Requests framed badly or abusively, sent over a raw socket: a chunked body over the limit, a body
 * shorter than its Content-Length, a NUL in the Authorization header, HEAD requests and JSON that
 * trips the parser's own limits. Each gets a JSON 4xx that names no internal class.
 */
public abstract class HttpFramingITCase extends ApiITCaseBase {

  private record Raw(int status, String head, JsonNode json, String body, long millis) {}

  /** Sends {@code head} (and, unless null, the body from {@code body}) and reads the answer. */
  private Raw send(String head, BodyWriter body) throws IOException {
    return send(api, head, body);
  }

  private Raw send(LineageApi to, String head, BodyWriter body) throws IOException {
    long started = System.nanoTime();
    try (Socket socket = new Socket("127.0.0.1", to.port())) {
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      out.write(head.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      if (body != null) {
        try {
          body.write(out);
        } catch (SocketException refusedMidway) {
          // the server answered and closed before the whole body was sent
        }
      }
      String response = readResponse(socket.getInputStream());
      long millis = (System.nanoTime() - started) / 1_000_000;
      int status = Integer.parseInt(response.substring(9, 12));
      int split = response.indexOf("\r\n\r\n");
      String headers = response.substring(0, split);
      String text = response.substring(split + 4);
      if (headers.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")
          && !text.isEmpty()) {
        text = text.substring(text.indexOf("\r\n") + 2, text.lastIndexOf("\r\n0\r\n"));
      }
      JsonNode json = text.isBlank() ? JSON.missingNode() : JSON.readTree(text);
      return new Raw(status, headers, json, text, millis);
    }
  }

  private interface BodyWriter {
    void write(OutputStream out) throws IOException;
  }

  /** Reads until the server closes the connection or the response's declared end. */
  private static String readResponse(InputStream in) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    int n;
    try {
      while ((n = in.read(buffer)) > 0) {
        bytes.write(buffer, 0, n);
        String soFar = bytes.toString(StandardCharsets.UTF_8);
        int split = soFar.indexOf("\r\n\r\n");
        if (split > 0) {
          String head = soFar.substring(0, split).toLowerCase(Locale.ROOT);
          int length = contentLength(head);
          if (length >= 0 && bytes.size() - (split + 4) >= length) {
            break;
          }
          if (head.contains("transfer-encoding: chunked") && soFar.endsWith("\r\n0\r\n\r\n")) {
            break;
          }
          if (head.startsWith("http/1.1 ") && length < 0 && !head.contains("chunked")) {
            // HEAD answers or empty bodies: the headers are all there is
            if (head.contains("content-length") || soFar.endsWith("\r\n\r\n")) {
              break;
            }
          }
        }
      }
    } catch (SocketException reset) {
      // a server that answered and closed may reset the connection while the client still wrote
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static int contentLength(String head) {
    for (String line : head.split("\r\n")) {
      if (line.startsWith("content-length:")) {
        return Integer.parseInt(line.substring(15).trim());
      }
    }
    return -1;
  }

  private String headers(String method, String path, String... extra) {
    StringBuilder head =
        new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    for (String h : extra) {
      head.append(h).append("\r\n");
    }
    return head.append("\r\n").toString();
  }

  private static void assertCleanError(Raw r, int status) {
    assertThat(r.status()).as(r.head() + "\n" + r.body()).isEqualTo(status);
    assertThat(r.head().toLowerCase(Locale.ROOT)).contains("content-type: application/json");
    assertThat(r.json().path("status").asInt()).isEqualTo(status);
    assertThat(r.json().path("message").asText())
        .isNotBlank()
        .doesNotContain("Exception")
        .doesNotContain("java.")
        .doesNotContain("jetty")
        .doesNotContain("StreamReadConstraints")
        .doesNotContain("CNTL");
  }

  @Test
  void aChunkedBodyOverTheLimitIs413() throws IOException {
    byte[] chunk = new byte[16 * 1024];
    java.util.Arrays.fill(chunk, (byte) ' ');
    Raw r =
        send(
            headers(
                "POST",
                "/lineage/manual",
                "Authorization: Bearer " + token,
                "Content-Type: application/json",
                "Transfer-Encoding: chunked"),
            out -> {
              // 10x the limit, in chunks; the server must stop reading long before the end
              for (long sent = 0; sent < 10L * MAX_BODY_BYTES; sent += chunk.length) {
                out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes());
                out.write(chunk);
                out.write("\r\n".getBytes());
              }
              out.write("0\r\n\r\n".getBytes());
              out.flush();
            });
    assertCleanError(r, 413);
    assertThat(r.json().path("message").asText()).contains(String.valueOf(MAX_BODY_BYTES));
  }

  @Test
  void aChunkedBodyWithinTheLimitStillWorks() throws IOException {
    String body =
        json("from_entity", tableId("customers"), "to_entity", tableId("customer_orders"));
    Raw r =
        send(
            headers(
                "POST",
                "/lineage/manual",
                "Authorization: Bearer " + token,
                "Content-Type: application/json",
                "Transfer-Encoding: chunked",
                "Connection: close"),
            out -> {
              byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
              out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes());
              out.write(bytes);
              out.write("\r\n0\r\n\r\n".getBytes());
              out.flush();
            });
    assertThat(r.status()).as(r.body()).isEqualTo(201);
  }

  @Test
  void aBodyShorterThanItsContentLengthIsA400WithinSeconds() throws IOException {
    Raw r =
        send(
            headers(
                "POST",
                "/lineage/lineage_from_query",
                "Authorization: Bearer " + token,
                "Content-Type: application/json",
                "Content-Length: 1000"),
            out -> {
              out.write("{\"sql\": \"SELECT 1\"".getBytes());
              out.flush();
            });
    assertCleanError(r, 400);
    assertThat(r.json().path("message").asText())
        .isEqualTo(
            "the body ended or stalled after 18 of the 1000 bytes its Content-Length announced");
    assertThat(r.millis()).isLessThan(10_000);
  }

  @Test
  void aNulInTheAuthorizationHeaderIs401() throws IOException {
    Raw r =
        send(
            headers("GET", "/resources", "Authorization: Bearer abc\0def", "Connection: close"),
            null);
    assertCleanError(r, 401);
    assertThat(r.head()).containsIgnoringCase("WWW-Authenticate: Bearer");
  }

  @Test
  void aControlCharacterInAnotherHeaderIsA400OnceTheCredentialsAreRead() throws IOException {
    for (String bad : new String[] {"X-Trace: a\0b", "X-Trace: a\u0001b", "Accept: \u001f"}) {
      Raw r =
          send(
              headers(
                  "GET", "/resources", "Authorization: Bearer " + token, bad, "Connection: close"),
              null);
      assertCleanError(r, 400);
      assertThat(r.json().path("message").asText()).contains("a header holds a control character");
    }
    // before the Authorization header: the credentials were never read
    Raw before =
        send(
            headers(
                "GET",
                "/resources",
                "X-Trace: a\0b",
                "Authorization: Bearer " + token,
                "Connection: close"),
            null);
    assertCleanError(before, 401);
  }

  @Test
  void aControlCharacterInTheRequestLineIsA400() throws IOException {
    Raw r = send("GET /resources\0x HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", null);
    assertCleanError(r, 400);
    assertThat(r.json().path("message").asText()).contains("control character");
  }

  @Test
  void theBodyReadTimeoutIsConfigurable() throws IOException {
    try (LineageApi quick =
        LineageApi.start(
            store,
            ApiConfig.builder()
                .host("127.0.0.1")
                .port(0)
                .bodyReadTimeout(Duration.ofMillis(1500))
                .build())) {
      Raw r =
          send(
              quick,
              headers(
                  "POST",
                  "/lineage/lineage_from_query",
                  "Authorization: Bearer " + token,
                  "Content-Type: application/json",
                  "Content-Length: 100"),
              out -> {
                out.write("{\"sql\"".getBytes());
                out.flush();
              });
      assertCleanError(r, 400);
      assertThat(r.json().path("message").asText()).contains("stalled after 6 of the 100 bytes");
      // the default is 5 s
      assertThat(r.millis()).isBetween(1_000L, 4_000L);
    }
  }

  @Test
  void headAnswersAsGetWould() throws IOException {
    for (String path :
        new String[] {
          "/resources",
          "/resources/not-a-uuid",
          "/lineage/manual?page=0",
          "/openapi.json",
          "/lineage/lineage_from_query?sql=SELECT%201",
          "/health/live"
        }) {
      Response get = get(path);
      Raw head =
          send(headers("HEAD", path, "Authorization: Bearer " + token, "Connection: close"), null);
      assertThat(head.status()).as(path).isEqualTo(get.status());
      assertThat(head.body()).as(path).isEmpty();
    }
    Raw unauthenticated = send(headers("HEAD", "/resources", "Connection: close"), null);
    assertThat(unauthenticated.status()).isEqualTo(401);
  }

  @Test
  void jsonOverTheParsersLimitsNamesNoInternalClass() throws IOException {
    String deep = "{\"sql\": " + "[".repeat(1_200) + "]".repeat(1_200) + "}";
    Response r = post("/lineage/lineage_from_query", deep);
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().path("message").asText())
        .startsWith("the body is not valid JSON: ")
        .contains("nesting depth")
        .doesNotContain("StreamReadConstraints")
        .doesNotContain("`");
  }
}
