package io.tributary.api;

import io.tributary.api.exceptions.BadRequestException;
import io.tributary.api.exceptions.PayloadTooLargeException;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;

/**
 * Counts every body byte as it is read, however the body is framed: a chunked body has no declared
 * length for {@link BodySizeCheck} to refuse up front, so reading it stops with a 413 as soon as it
 * passes the limit, instead of buffering all of it. A body that stops arriving before its declared
 * length (the client sent less than its {@code Content-Length}) is a 400 once the server's read
 * timeout passes, not a failure of the service.
 */
final class BodyLimitFilter implements Filter {

  private final long maxBodyBytes;

  BodyLimitFilter(long maxBodyBytes) {
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    chain.doFilter(new Limited((HttpServletRequest) request, maxBodyBytes), response);
  }

  private static final class Limited extends HttpServletRequestWrapper {
    private final long max;
    private ServletInputStream stream;

    Limited(HttpServletRequest request, long max) {
      super(request);
      this.max = max;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        stream = new CountingStream(super.getInputStream(), max, getContentLengthLong());
      }
      return stream;
    }
  }

  private static final class CountingStream extends ServletInputStream {
    private final ServletInputStream in;
    private final long max;
    private final long declared;
    private long read;

    CountingStream(ServletInputStream in, long max, long declared) {
      this.in = in;
      this.max = max;
      this.declared = declared;
    }

    @Override
    public int read() throws IOException {
      int b = guarded(() -> in.read());
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = guarded(() -> in.read(buffer, offset, length));
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private interface Read {
      int run() throws IOException;
    }

    private int guarded(Read read) {
      try {
        return read.run();
      } catch (IOException e) {
        throw new BadRequestException(
            declared >= 0
                ? "the body ended or stalled after "
                    + this.read
                    + " of the "
                    + declared
                    + " bytes its Content-Length announced"
                : "the body ended or stalled after " + this.read + " bytes");
      }
    }

    private void count(int n) {
      read += n;
      if (read > max) {
        throw new PayloadTooLargeException(
            "the body is over the limit of " + max + " bytes (sent without a declared length)");
      }
    }

    @Override
    public boolean isFinished() {
      return in.isFinished();
    }

    @Override
    public boolean isReady() {
      return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      in.setReadListener(listener);
    }
  }
}
