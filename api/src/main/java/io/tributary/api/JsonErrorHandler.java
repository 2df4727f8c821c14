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
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Jetty's own error responses (a request line too long, a malformed request) in the API's JSON
 * shape instead of an HTML page, and never with a stack trace.
 */
final class JsonErrorHandler extends ErrorHandler {

  private static final ObjectMapper JSON = new ObjectMapper();

  JsonErrorHandler() {
    setShowStacks(false);
    setShowServlet(false);
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(HttpHeader.CONTENT_TYPE, "application/json");
    return ByteBuffer.wrap(body(status, reason));
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
    String message = reason == null || reason.isBlank() ? "HTTP " + status : reason;
    try {
      return JSON.writeValueAsBytes(ApiJson.error(status, message));
    } catch (IOException e) {
      return ("{\"message\":\"HTTP " + status + "\",\"status\":" + status + "}")
          .getBytes(StandardCharsets.UTF_8);
    }
  }
}
