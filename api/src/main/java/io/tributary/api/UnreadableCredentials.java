package io.tributary.api;

import org.eclipse.jetty.http.BadMessageException;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpChannelOverHttp;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnection;
import org.eclipse.jetty.server.HttpConnectionFactory;

/**
 * Jetty's HTTP/1.1 connections, except that a request its parser refuses for a control character (a
 * NUL in the {@code Authorization} header, say) is answered 401: its credentials cannot be read, so
 * it is not authenticated; a 400 naming the character code told the client nothing it could use.
 * Every other parse failure keeps Jetty's status.
 */
final class UnreadableCredentials extends HttpConnectionFactory {

  /** The message of the 401. */
  static final String MESSAGE =
      "Authentication credentials cannot be read: a header holds a control character.";

  UnreadableCredentials(HttpConfiguration config) {
    super(config);
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
              @Override
              public void badMessage(BadMessageException failure) {
                super.badMessage(controlCharacter(failure) ? unauthorized() : failure);
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
        && reason.startsWith("Illegal character CNTL");
  }

  private static BadMessageException unauthorized() {
    return new BadMessageException(HttpStatus.UNAUTHORIZED_401, MESSAGE);
  }
}
