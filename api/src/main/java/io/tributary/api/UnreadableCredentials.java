package io.tributary.api;

import org.eclipse.jetty.http.BadMessageException;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpChannelOverHttp;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnection;
import org.eclipse.jetty.server.HttpConnectionFactory;

/**
 * Jetty's HTTP/1.1 connections, except that a request its parser refuses for a control character (a
 * NUL, say) gets a message a client can use instead of Jetty's {@code Illegal character CNTL=0x0}:
 * in the headers before a readable {@code Authorization} header, a 401 (the credentials cannot be
 * read, so the request is not authenticated); after one, or in the request line, a 400. Every other
 * parse failure keeps Jetty's status and reason.
 */
final class UnreadableCredentials extends HttpConnectionFactory {

  /** The message of the 401. */
  static final String MESSAGE =
      "Authentication credentials cannot be read: a header holds a control character.";

  /** The message of the 400 for a header. */
  static final String HEADER_MESSAGE =
      "Bad Request: a header holds a control character, which HTTP does not allow.";

  /** The message of the 400 for the request line. */
  static final String REQUEST_LINE_MESSAGE =
      "Bad Request: the request line holds a control character, which HTTP does not allow.";

  UnreadableCredentials(HttpConfiguration config) {
    super(config);
  }

  /** How far the parser got in the request it refused. */
  private enum Parsed {
    NOTHING,
    REQUEST_LINE,
    CREDENTIALS
  }

  @Override
  public Connection newConnection(Connector connector, EndPoint endPoint) {
    HttpConnection connection =
        new HttpConnection(
            getHttpConfiguration(), connector, endPoint, isRecordHttpComplianceViolations()) {
          @Override
          protected HttpChannelOverHttp newHttpChannel() {
            return new HttpChannelOverHttp(
                this, getConnector(), getHttpConfiguration(), getEndPoint(), this) {
              private Parsed parsed = Parsed.NOTHING;

              @Override
              public void startRequest(String method, String uri, HttpVersion version) {
                parsed = Parsed.REQUEST_LINE;
                super.startRequest(method, uri, version);
              }

              @Override
              public void parsedHeader(HttpField field) {
                if (field.getHeader() == HttpHeader.AUTHORIZATION) {
                  parsed = Parsed.CREDENTIALS;
                }
                super.parsedHeader(field);
              }

              @Override
              public void recycle() {
                parsed = Parsed.NOTHING;
                super.recycle();
              }

              @Override
              public void badMessage(BadMessageException failure) {
                super.badMessage(controlCharacter(failure) ? replace(parsed) : failure);
              }
            };
          }
        };
    return configure(connection, connector, endPoint);
  }

  private static boolean controlCharacter(BadMessageException failure) {
    String reason = failure.getReason();
    return failure.getCode() == HttpStatus.BAD_REQUEST_400
        && reason != null
        && reason.contains("CNTL");
  }

  private static BadMessageException replace(Parsed parsed) {
    return switch (parsed) {
      case NOTHING -> new BadMessageException(HttpStatus.BAD_REQUEST_400, REQUEST_LINE_MESSAGE);
      case REQUEST_LINE -> new BadMessageException(HttpStatus.UNAUTHORIZED_401, MESSAGE);
      case CREDENTIALS -> new BadMessageException(HttpStatus.BAD_REQUEST_400, HEADER_MESSAGE);
    };
  }
}
