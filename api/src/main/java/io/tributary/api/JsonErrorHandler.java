package io.tributary.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.api.json.ApiJson;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Jetty's own error responses (a request line too long, a malformed request) in the API's JSON
 * shape instead of an HTML page, and never with a stack trace.
 */
final class JsonErrorHandler extends ErrorHandler {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final int maxHeaderBytes;

  /**
   * @param maxHeaderBytes Jetty's limit on the request line and the headers, named in a 414 or 431
   */
  JsonErrorHandler(int maxHeaderBytes) {
    this.maxHeaderBytes = maxHeaderBytes;
    setShowStacks(false);
    setShowServlet(false);
  }

  /** A request Jetty rejects while parsing it, before any handler runs. */
  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(HttpHeader.CONTENT_TYPE, "application/json");
    if (status == HttpStatus.UNAUTHORIZED_401) {
      fields.put(HttpHeader.WWW_AUTHENTICATE, "Bearer");
    }
    return ByteBuffer.wrap(body(status, parseFailure(status, reason)));
  }

  private String parseFailure(int status, String reason) {
    return switch (status) {
      case HttpStatus.URI_TOO_LONG_414 ->
          "URI Too Long: the request line is over " + maxHeaderBytes + " bytes";
      case HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE_431 ->
          "Request Header Fields Too Large: the headers are over " + maxHeaderBytes + " bytes";
      case HttpStatus.BAD_REQUEST_400 ->
          // Jetty's reason for a request line it cannot parse, such as a path with "%ZZ" in it.
          "Bad Request".equals(reason)
              ? "Bad Request: the request line or a header cannot be parsed"
                  + " (for example a malformed percent escape in the path)"
              : reason;
      default -> reason;
    };
  }

  @Override
  protected void generateAcceptableResponse(
      Request baseRequest,
      HttpServletRequest request,
      HttpServletResponse response,
      int code,
      String message)
      throws IOException {
    baseRequest.setHandled(true);
    response.setContentType("application/json");
    response.getOutputStream().write(body(code, message));
  }

  private static byte[] body(int status, String reason) {
    String message = reason == null || reason.isBlank() ? HttpStatus.getMessage(status) : reason;
    try {
      return JSON.writeValueAsBytes(ApiJson.error(status, message));
    } catch (IOException e) {
      return ("{\"message\":\"HTTP " + status + "\",\"status\":" + status + "}")
          .getBytes(StandardCharsets.UTF_8);
    }
  }
}
